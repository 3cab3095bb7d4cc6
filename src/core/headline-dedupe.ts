/**
 * "Same story told twice counts once": two headlines are the same story when their content words
 * mostly overlap, whatever the punctuation, case, quotes or a trailing "- Reuters".
 */
import type { Headline } from './schemas.ts';
import { stems } from './text/tokens.ts';

// Function words carry no story; leaving them in makes every pair of headlines look alike.
const STOP = new Set(
  'a an the and or but of in on at to for from by with as is are was were be been being it its this that these those over after into amid about up down out new says say said will would could may might has have had not no than then than vs via'.split(
    ' ',
  ),
);

/** The set of stemmed content words of a headline (a trailing " - Source" or "| Source" is ignored). */
export function headlineTerms(title: string): Set<string> {
  const core = title.replace(/\s+[-–—|]\s+[^-–—|]{2,40}$/, '');
  return new Set(stems(core).filter((w) => !STOP.has(w)));
}

/**
 * Overlap of two term sets: the share of the smaller set found in the larger (containment), damped by
 * Jaccard so that a two-word headline inside a long one is not enough.
 */
export function termSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) shared++;
  const containment = shared / small.size;
  const jaccard = shared / (a.size + b.size - shared);
  return (containment + jaccard) / 2;
}

export const SAME_STORY_THRESHOLD = 0.75;

export interface HeadlineGroup<H extends Headline = Headline> {
  /** The first headline of the story, as it was given. */
  headline: H;
  /** Later headlines that tell the same story. */
  duplicates: H[];
}

/** Groups headlines that tell the same story, keeping input order of first appearance. */
export function dedupeHeadlines<H extends Headline>(
  headlines: readonly H[],
  threshold = SAME_STORY_THRESHOLD,
): HeadlineGroup<H>[] {
  const groups: Array<HeadlineGroup<H> & { terms: Set<string> }> = [];
  for (const h of headlines) {
    const terms = headlineTerms(h.title);
    const exact = h.title.toLowerCase();
    const same = groups.find(
      (g) => g.headline.title.toLowerCase() === exact || termSimilarity(g.terms, terms) >= threshold,
    );
    if (same) same.duplicates.push(h);
    else groups.push({ headline: h, duplicates: [], terms });
  }
  return groups.map(({ headline, duplicates }) => ({ headline, duplicates }));
}
