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

// Outlets tell one story in different words; these stems count as the same word. Kept to headline
// verbs and nouns whose meaning does not change between the variants.
const SYNONYM_GROUPS = [
  'launch unveil announc introduc debut',
  'hold keep leav maintain',
  'rise climb gain jump rose soar surg increas',
  'fall drop slide slip declin sink plung tumbl fell',
  'cut lower reduc slash',
  'rais hike lift boost',
  'say warn claim',
  'kill dead death die',
  'agre deal pact accord',
  'probe investig inquiri',
  'talk negoti',
  'us usa america american',
  'uk britain british',
];
const SYNONYM = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const [head, ...rest] = group.split(' ') as [string, ...string[]];
  for (const word of rest) SYNONYM.set(word, head);
}

const OPPOSITES: Array<[string, string]> = [
  ['rise', 'fall'],
  ['rais', 'cut'],
];

function opposed(a: Set<string>, b: Set<string>): boolean {
  return OPPOSITES.some(
    ([x, y]) => (a.has(x) && b.has(y) && !a.has(y)) || (a.has(y) && b.has(x) && !a.has(x)),
  );
}

const UNIT: Record<string, string> = {
  bn: 'b',
  billion: 'b',
  m: 'm',
  mn: 'm',
  million: 'm',
  tn: 't',
  trillion: 't',
  k: 'k',
  thousand: 'k',
  pct: '%',
  percent: '%',
};

/**
 * Amounts written differently are one term: "$120bn", "$120 billion" and "120 billion" → "120b";
 * "3.5%", "3.5 per cent" → "3.5%".
 */
function normalizeAmounts(text: string): string {
  return text
    .replace(/(\d)\s*(?:per\s*cent|percent|%)/gi, '$1pct')
    .replace(
      /(\d+(?:[.,]\d+)?)\s*(bn|billion|mn|million|m|tn|trillion|k|thousand|pct)\b/gi,
      (_, n: string, unit: string) => {
        return ` ${n.replace(',', '.')}${UNIT[unit.toLowerCase()] ?? unit} `;
      },
    );
}

/** The set of stemmed content words of a headline (a trailing " - Source" or "| Source" is ignored). */
export function headlineTerms(title: string): Set<string> {
  const core = normalizeAmounts(title.replace(/\s+[-–—|]\s+[^-–—|]{2,40}$/, ''));
  const terms = new Set<string>();
  for (const token of core.split(/\s+/)) {
    // An amount token is kept whole ("120b", "3.5%"); everything else goes through the stemmer.
    if (/^\$?\d+(?:\.\d+)?[bmtk%]$/.test(token)) {
      terms.add(token.replace(/^\$/, ''));
      continue;
    }
    for (const w of stems(token)) if (!STOP.has(w)) terms.add(SYNONYM.get(w) ?? w);
  }
  return terms;
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
  const score = (containment + jaccard) / 2;
  // "Stocks rise…" and "Stocks fall…" share every other word but are not the same story.
  return opposed(a, b) ? score / 2 : score;
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
