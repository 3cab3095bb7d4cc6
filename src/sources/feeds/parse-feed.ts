/**
 * Feed text → normalised items. RSS 2.0, Atom and RDF are parsed by @rowanmanning/feed-parser, which
 * recovers what it can from broken XML. What can't be a feed (an HTML page, an empty body) is named.
 */
import type * as FeedParser from '@rowanmanning/feed-parser';
import type { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import { decodeHTML } from 'entities';
import type { FeedItem, FeedRef } from './feed-item.ts';
import { lazyRequire } from './lazy-require.ts';
import { cleanDate, cleanLink, normaliseTitle, sourceName } from './normalise.ts';

const feedParser = lazyRequire<typeof FeedParser>('@rowanmanning/feed-parser');

export interface ParsedFeed {
  /** The feed's own title, cleaned. */
  title?: string;
  items: FeedItem[];
  /** Items left out because they had no title. */
  untitled: number;
  /** The document does not end with its root's closing tag: cut off in transit, or broken XML. */
  truncated: boolean;
}

/** A parse failure; the message is one line that can follow "<feed name>: ". */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

/**
 * @param feed  configured feed (url, weight, category; name optional)
 * @param baseUrl  the URL the text was finally fetched from, for relative links
 */
export function parseFeedText(
  text: string,
  feed: { url: string; name?: string; weight: number; category?: string },
  baseUrl = feed.url,
  contentType = '',
): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new FeedParseError('the response is empty');
  if (isHtml(body, contentType)) {
    const alternate = feedLinkInHtml(body, baseUrl);
    throw new FeedParseError(
      `is an HTML page, not a feed${alternate ? ` (the page links to a feed: ${alternate})` : ''}`,
    );
  }
  let parsed: ReturnType<typeof parseXmlFeed>;
  try {
    parsed = feedParser().parseFeed(body);
  } catch {
    throw new FeedParseError(
      body.startsWith('<')
        ? 'is not a valid RSS, Atom or RDF feed'
        : 'is not XML (not an RSS, Atom or RDF feed)',
    );
  }
  // The parser works out the feed's own URL again for every item link it resolves (a walk of the whole
  // document each time), which made a 7,000-item feed take tens of seconds; it is the same every time.
  Object.defineProperty(parsed, 'url', { value: parsed.url });
  const title = normaliseTitle(parsed.title) || undefined;
  const ref: FeedRef = { url: feed.url, name: sourceName(feed.name, title, feed.url), weight: feed.weight };
  if (feed.category) ref.category = feed.category;
  if (feed.name) ref.named = true;
  const site = cleanLink(parsed.url, baseUrl);
  if (site) ref.site = site;

  const items: FeedItem[] = [];
  let untitled = 0;
  for (const entry of parsed.items) {
    const itemTitle = normaliseTitle(entry.title);
    if (!itemTitle) {
      untitled++;
      continue;
    }
    const item: FeedItem = { feed: ref, title: itemTitle };
    const guid = entry.id?.trim();
    if (guid) item.guid = guid;
    const link =
      cleanLink(entry.url, baseUrl) ?? (guid && /^https?:\/\//i.test(guid) ? cleanLink(guid) : undefined);
    if (link) item.link = link;
    const date = cleanDate(entry.published) ?? cleanDate(entry.updated);
    if (date) item.publishedAt = date;
    if (entry.description) item.summary = entry.description;
    if (entry.content) item.content = entry.content;
    items.push(item);
  }
  const truncated = !/<\/(rss|feed|rdf:RDF|RDF|channel)>\s*(<!--[\s\S]*?-->\s*)*$/i.test(body);
  return title ? { title, items, untitled, truncated } : { items, untitled, truncated };
}

function isHtml(body: string, contentType: string): boolean {
  if (/^\s*<!doctype html|^\s*<html[\s>]/i.test(body.slice(0, 512).replace(/^<\?xml[^>]*>\s*/, '')))
    return true;
  return /^text\/html/i.test(contentType) && !/<(rss|feed|rdf:RDF)[\s>]/i.test(body.slice(0, 2048));
}

/** The `<link rel="alternate" type="application/rss+xml" href>` of a web page, so the error can suggest it. */
function feedLinkInHtml(html: string, base: string): string | undefined {
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !/application\/(rss|atom)\+xml/i.test(tag)) continue;
    const href = /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) return cleanLink(decodeHTML(href), base);
  }
  return undefined;
}
