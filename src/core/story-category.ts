/**
 * One category per story, from all the text the story has: every outlet's title and description, the
 * lead's article, and the sections the outlets filed it under. Every headline of a story shows it.
 *
 * Each text is categorized on its own and the probabilities are averaged, weighted by how much the
 * kind of text says (a title most). An outlet's section is evidence of the same kind: a vote that
 * puts SECTION_BELIEF of its weight on the section's category. So a sure headline outvotes one
 * section ("Minister resigns" filed under Business stays politics), while an unsure headline
 * ("Ten things to know today") follows the sections, and several outlets' sections add up.
 */

import type { Categorization, Categorizer } from './categorizer.ts';
import { isUnsure } from './category-confidence.ts';
import { FALLBACK_CATEGORY } from './taxonomy.ts';

/** Everything known about one story (one or more outlets' items), for categorizing it as a whole. */
export interface StoryText {
  /** Each outlet's headline; the first is the one shown. */
  titles: readonly string[];
  /** Each outlet's description (feed item summary), where it had one. */
  descriptions?: readonly string[];
  /** The article's text, for the lead. */
  article?: string;
  /** Category ids the outlets' own sections suggest (feeds.json `category`, OPML folder, `<category>`). */
  sections?: readonly string[];
}

// A description or article is longer and noisier than a title: it counts, but less.
const DESCRIPTION_WEIGHT = 0.5;
const ARTICLE_WEIGHT = 0.5;
/** The article's opening carries its topic; the rest mostly repeats it. */
const ARTICLE_CHARS = 2000;
/** A section counts like one title ... */
const SECTION_WEIGHT = 1;
/** ... that is this sure of its category (sections are broad: "World" holds disasters and elections). */
const SECTION_BELIEF = 0.6;

/**
 * Averages the categorizer's probabilities over the story's texts and sections and returns the best
 * category (or `other` when even that is unsure). Deterministic: the same inputs in the same order
 * give the same answer.
 */
export function categorizeStory(categorizer: Categorizer, story: StoryText): Categorization {
  const texts: Array<[string, number]> = [
    ...story.titles.map((t): [string, number] => [t, 1]),
    ...(story.descriptions ?? []).map((d): [string, number] => [d, DESCRIPTION_WEIGHT]),
    ...(story.article ? [[story.article.slice(0, ARTICLE_CHARS), ARTICLE_WEIGHT] as [string, number]] : []),
  ].filter(([t]) => t.trim().length > 0);

  const total = new Map<string, number>();
  let weight = 0;
  for (const [text, w] of texts) {
    for (const [id, p] of Object.entries(categorizer.categorize(text).scores))
      total.set(id, (total.get(id) ?? 0) + p * w);
    weight += w;
  }
  if (total.size === 0) for (const id of Object.keys(categorizer.categorize('').scores)) total.set(id, 0);

  const ids = [...total.keys()];
  for (const section of story.sections ?? []) {
    if (!total.has(section)) continue;
    const rest = (1 - SECTION_BELIEF) / Math.max(1, ids.length - 1);
    for (const id of ids)
      total.set(id, (total.get(id) as number) + SECTION_WEIGHT * (id === section ? SECTION_BELIEF : rest));
    weight += SECTION_WEIGHT;
  }
  if (weight === 0) return categorizer.categorize('');

  // Stable sort: ties keep the categorizer's order.
  const ranked = [...total.entries()].sort((a, b) => b[1] - a[1]);
  const scores: Record<string, number> = {};
  for (const [id, s] of ranked) scores[id] = s / weight;
  const [best, top] = ranked[0] as [string, number];
  const confidence = top / weight;
  if (isUnsure(confidence) && best !== FALLBACK_CATEGORY && FALLBACK_CATEGORY in scores)
    return { category: FALLBACK_CATEGORY, confidence: scores[FALLBACK_CATEGORY] as number, scores };
  return { category: best, confidence, scores };
}
