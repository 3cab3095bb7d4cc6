/**
 * OPML, the subscription list every feed reader exports: each `<outline xmlUrl="…">` is a feed, named
 * by its `title` or `text`; an enclosing folder outline (`<outline text="Sport">`) becomes the feed's
 * default category when it is a plain word.
 */
import { decodeXML } from 'entities';
import type * as Linkedom from 'linkedom';
import { cleanInline } from '../../core/clean-text.ts';
import { DEFAULT_WEIGHT, type FeedSpec, FeedUrlSchema } from './feed-spec.ts';
import { lazyRequire } from './lazy-require.ts';

const linkedom = lazyRequire<typeof Linkedom>('linkedom');

export interface OpmlResult {
  feeds: FeedSpec[];
  /** Outlines with a missing or unusable xmlUrl, described for the log. */
  skipped: string[];
}

export function looksLikeOpml(text: string): boolean {
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(text);
}

/** Throws an Error with a one-line reason when the text is not OPML or lists no feed. */
export function parseOpml(text: string): OpmlResult {
  if (!looksLikeOpml(text)) throw new Error('is not an OPML file (no <opml> root element)');
  const doc = new (linkedom().DOMParser)().parseFromString(text, 'text/xml');
  const feeds: FeedSpec[] = [];
  const skipped: string[] = [];
  for (const outline of doc.querySelectorAll('outline')) {
    // linkedom leaves entities in XML attributes as they are.
    const attr = (name: string) => {
      const v = outline.getAttribute(name) ?? outline.getAttribute(name.toLowerCase());
      return v == null ? undefined : decodeXML(v).trim();
    };
    const xmlUrl = attr('xmlUrl');
    const label = cleanInline(attr('title') || attr('text') || '') || undefined;
    if (xmlUrl === undefined) continue; // a folder
    const url = FeedUrlSchema.safeParse(xmlUrl);
    if (!url.success) {
      skipped.push(`${label ?? 'outline'}: xmlUrl "${xmlUrl}" is not an http(s) URL`);
      continue;
    }
    if (feeds.some((f) => f.url === url.data)) continue;
    const spec: FeedSpec = { url: url.data, weight: DEFAULT_WEIGHT };
    if (label) spec.name = label;
    const category = folderCategory(outline.parentElement);
    if (category) spec.category = category;
    feeds.push(spec);
  }
  if (feeds.length === 0)
    throw new Error(
      skipped.length ? `lists no usable feed (${skipped[0]})` : 'lists no feed (no outline with xmlUrl)',
    );
  return { feeds, skipped };
}

function folderCategory(
  parent: { tagName?: string; getAttribute(n: string): string | null } | null,
): string | undefined {
  if (parent?.tagName?.toLowerCase() !== 'outline') return undefined;
  const name = cleanInline(
    decodeXML(parent.getAttribute('text') ?? parent.getAttribute('title') ?? ''),
  ).toLowerCase();
  return /^[a-z][a-z0-9-]{0,30}$/.test(name) ? name : undefined;
}
