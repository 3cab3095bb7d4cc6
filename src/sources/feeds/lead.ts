/**
 * Chooses the lead story and its text. Stories are tried most-covered first: the article page is fetched
 * and its readable text extracted; if that fails, the feed's own description/content is used; if that is
 * too thin, the next story is tried. When no story has any text, the top story leads with what it has,
 * so the rest of the briefing still builds.
 */
import type { StoryInput } from '../../core/schemas.ts';
import type { Article } from './article.ts';
import type { StoryCluster } from './cluster.ts';
import { FetchError } from './fetch-error.ts';
import { htmlToParagraphs } from './html-text.ts';
import type { SourceLogger } from './options.ts';
import { outletKey } from './outlet.ts';

/** Feed text shorter than this is a teaser, not something to summarise. */
export const MIN_FEED_TEXT_CHARS = 80;

export interface LeadChoice {
  cluster: StoryCluster;
  story: StoryInput;
  /** Where the text came from. */
  from: 'article' | 'feed' | 'headline';
}

export interface LeadDeps {
  /** `feedUrl`: the feed the link came from (its own host and port are trusted). */
  article(url: string, headline: string, feedUrl: string, signal?: AbortSignal): Promise<Article>;
  logger: SourceLogger;
  /** Stories tried before giving up on article/feed text. */
  attempts: number;
  signal?: AbortSignal;
}

export async function chooseLead(ranked: readonly StoryCluster[], deps: LeadDeps): Promise<LeadChoice> {
  const top = ranked[0];
  if (!top) throw new Error('no stories to choose a lead from');
  for (const cluster of ranked.slice(0, Math.max(1, deps.attempts))) {
    const title = cluster.lead.item.title;
    const linked = cluster.lead.item.link ? cluster.lead.item : cluster.items.find((d) => d.item.link)?.item;
    const link = linked?.link;
    if (linked && link) {
      try {
        const article = await deps.article(link, title, linked.feed.url, deps.signal);
        return { cluster, story: storyOf(cluster, article.paragraphs, link, 'article'), from: 'article' };
      } catch (error) {
        const refused = error instanceof FetchError && error.kind === 'refused';
        deps.logger.warn(
          { story: title, url: link, reason: (error as Error).message },
          refused
            ? 'lead article not fetched: its address is not public; using the feed text'
            : 'lead article unreadable; trying the feed text',
        );
      }
    }
    const text = feedText(cluster);
    if (chars(text) >= MIN_FEED_TEXT_CHARS)
      return { cluster, story: storyOf(cluster, text, link, 'feed'), from: 'feed' };
    deps.logger.warn({ story: title }, 'no article or feed text for this story; trying the next one');
  }
  deps.logger.warn(
    { story: top.lead.item.title },
    'no story had readable text; the lead shows its headline only',
  );
  const text = feedText(top);
  const link = top.lead.item.link;
  return {
    cluster: top,
    story: storyOf(top, text.length ? text : [top.lead.item.title], link, 'headline'),
    from: 'headline',
  };
}

/** The longest description or content any feed gave for the story, as paragraphs. */
export function feedText(cluster: StoryCluster): string[] {
  let best: string[] = [];
  for (const { item } of cluster.items)
    for (const html of [item.content, item.summary]) {
      if (!html) continue;
      const paragraphs = htmlToParagraphs(html).filter(
        (p) => p !== item.title && !/^(continue reading|read more|the post .* appeared first on)/i.test(p),
      );
      if (chars(paragraphs) > chars(best)) best = paragraphs;
    }
  return best;
}

/** The story's outlets, the lead item's first, each with its own link. */
export function outletList(cluster: StoryCluster): Array<{ name: string; url?: string }> {
  return cluster.outlets.map((o) => (o.url ? { name: o.name, url: o.url } : { name: o.name }));
}

/** Every outlet's description of the story (one per item that has one), for a multi-outlet summary. */
export function descriptionsOf(cluster: StoryCluster): Array<{ outlet: string; url?: string; text: string }> {
  const names = new Map(cluster.outlets.map((o) => [outletKey(o.item.item), o.name]));
  const out: Array<{ outlet: string; url?: string; text: string }> = [];
  for (const { item } of cluster.items) {
    const html = item.summary ?? item.content;
    const text = html ? htmlToParagraphs(html).join(' ') : '';
    if (!text || text === item.title) continue;
    const outlet = names.get(outletKey(item)) ?? item.feed.name;
    out.push(item.link ? { outlet, url: item.link, text } : { outlet, text });
  }
  return out;
}

function storyOf(
  cluster: StoryCluster,
  paragraphs: string[],
  url: string | undefined,
  from: LeadChoice['from'],
): StoryInput {
  const { item } = cluster.lead;
  const story: StoryInput = {
    title: item.title,
    source: cluster.outlets[0]?.name ?? item.feed.name,
    paragraphs,
    outlets: outletList(cluster),
    descriptions: descriptionsOf(cluster),
    textFrom: from === 'article' ? 'article' : 'feed',
  };
  if (url) story.url = url;
  if (item.publishedAt) story.publishedAt = item.publishedAt.toISOString();
  return story;
}

function chars(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}
