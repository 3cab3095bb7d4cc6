/**
 * One feed to follow: where it is, what to call it, how much it counts when choosing the lead, and the
 * category its items usually belong to. Comes from a URL list, a feeds file or an OPML export.
 */
import { z } from 'zod';
import { cleanInline } from '../../core/clean-text.ts';

export interface FeedSpec {
  url: string;
  /** Shown as the headline's source; defaults to the feed's own title, then its host name. */
  name?: string;
  /** Tie-breaker when several stories are carried by as many feeds (default 1). */
  weight: number;
  /** Default category id for the feed's items (e.g. "sports" for a sports feed). */
  category?: string;
}

export const DEFAULT_WEIGHT = 1;

export const FeedUrlSchema = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }));

export const FeedSpecSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { url: v } : v),
  z.object({
    url: FeedUrlSchema,
    name: z
      .string()
      .transform((s) => cleanInline(s) || undefined)
      .optional(),
    weight: z.number().positive('must be greater than 0').max(100).default(DEFAULT_WEIGHT),
    category: z.string().trim().min(1).optional(),
  }),
);

/** Is this `BRIEFER_SOURCE` value a list of feed URLs rather than a file? */
export function looksLikeUrlList(spec: string): boolean {
  return /^https?:\/\//i.test(spec.trim());
}

/**
 * `https://a/rss, https://b/atom` → specs. Throws a message naming the bad entry; duplicates are dropped.
 */
export function parseFeedUrls(list: string): FeedSpec[] {
  const out: FeedSpec[] = [];
  for (const part of list.split(',')) {
    const value = part.trim();
    if (!value) continue;
    const parsed = FeedUrlSchema.safeParse(value);
    if (!parsed.success) throw new Error(`not an http(s) feed URL: "${value}"`);
    if (!out.some((f) => f.url === parsed.data)) out.push({ url: parsed.data, weight: DEFAULT_WEIGHT });
  }
  if (out.length === 0) throw new Error('no feed URL given');
  return out;
}
