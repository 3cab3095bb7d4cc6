/** Writes small RSS 2.0 / Atom documents for tests and the benchmark (fixture files cover the odd cases). */

export interface FixtureItem {
  title?: string;
  link?: string;
  guid?: string;
  date?: Date;
  description?: string;
}

export interface FixtureFeed {
  title: string;
  link?: string;
  items: FixtureItem[];
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const tag = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;

export function rssFeed(feed: FixtureFeed): string {
  const items = feed.items.map(
    (i) =>
      `<item>${tag('title', i.title)}${tag('link', i.link)}${i.guid ? `<guid isPermaLink="false">${escapeXml(i.guid)}</guid>` : ''}${tag('pubDate', i.date?.toUTCString())}${tag('description', i.description)}</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>${tag('title', feed.title)}${tag('link', feed.link)}\n${items.join('\n')}\n</channel></rss>\n`;
}

export function atomFeed(feed: FixtureFeed): string {
  const entries = feed.items.map(
    (i) =>
      `<entry>${tag('title', i.title)}${i.link ? `<link rel="alternate" href="${escapeXml(i.link)}"/>` : ''}${tag('id', i.guid)}${tag('updated', i.date?.toISOString())}${tag('summary', i.description)}</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">${tag('title', feed.title)}\n${entries.join('\n')}\n</feed>\n`;
}

/** A plain article page with enough prose for readability to accept. */
export function articlePage(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${escapeXml(title)}</h1>\n${body}\n</article><footer>Fictional site</footer></body></html>`;
}
