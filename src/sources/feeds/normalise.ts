/**
 * Feed fields as the rest of Briefer wants them: titles as clean single lines, links absolute and free of
 * tracking parameters, dates that are real, and a source name for every feed. Also the keys that say
 * "this is the same item" (normalised title, canonical link).
 */
import { cleanInline } from '../../core/clean-text.ts';
import { canonicalUrl, withoutTracking } from '../../core/stories/canonical-url.ts';
import { normalizeText } from '../../core/text/tokens.ts';

/** A headline as one clean line: entities decoded, tags and invisible characters removed, spaces collapsed. */
export function normaliseTitle(raw: string | null | undefined): string {
  // cleanInline removes inline markup without adding a space inside words.
  return raw ? cleanInline(raw) : '';
}

/** Key for "same title": case, punctuation, quotes and a trailing " - Source" don't matter. */
export function titleKey(title: string): string {
  return normalizeText(title)
    .toLowerCase()
    .replace(/\s+[-–—|]\s+[^-–—|]{2,40}$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An absolute http(s) link without tracking parameters, or undefined when there is no usable link. */
export function cleanLink(raw: string | null | undefined, base?: string): string | undefined {
  return raw?.trim() ? withoutTracking(raw, base)?.href : undefined;
}

/** Key for "same article": scheme, `www.`, fragment, trailing slash, tracking and parameter order don't matter. */
export function linkKey(link: string): string {
  return canonicalUrl(link) ?? link;
}

// Before the web there were no feeds; a date this old is a parsing accident or a placeholder.
const EARLIEST = Date.UTC(1995, 0, 1);

/** A usable date or undefined (invalid, or absurdly old). */
export function cleanDate(d: Date | null | undefined): Date | undefined {
  if (!d) return undefined;
  const t = d.getTime();
  return Number.isNaN(t) || t < EARLIEST ? undefined : d;
}

/** The name shown for a feed: configured name, else the feed's own title, else its host name. */
export function sourceName(
  configured: string | undefined,
  feedTitle: string | null | undefined,
  url: string,
): string {
  const name = configured || cleanInline(feedTitle ?? '') || new URL(url).hostname.replace(/^www\./, '');
  return name.length > 60 ? `${name.slice(0, 59).trimEnd()}…` : name;
}
