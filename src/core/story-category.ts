/**
 * One category per story, from all the text the story has: every outlet's title and description, the
 * lead's article, and the sections the outlets filed it under. Every headline of a story shows it.
 */
import type { Categorization, Categorizer } from './categorizer.ts';

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

// A description is longer and noisier than a title: it counts, but less.
const DESCRIPTION_WEIGHT = 0.5;
const ARTICLE_WEIGHT = 0.5;

/**
 * Averages the categorizer's probabilities over the story's texts (titles weigh most) and returns the
 * best category. Deterministic: the same texts in the same order give the same answer.
 */
export function categorizeStory(categorizer: Categorizer, story: StoryText): Categorization {
  const parts: Array<[string, number]> = [
    ...story.titles.map((t): [string, number] => [t, 1]),
    ...(story.descriptions ?? []).map((d): [string, number] => [d, DESCRIPTION_WEIGHT]),
    ...(story.article ? [[story.article.slice(0, 2000), ARTICLE_WEIGHT] as [string, number]] : []),
  ].filter(([t]) => t.trim().length > 0);
  if (parts.length === 0) return categorizer.categorize('');
  const total = new Map<string, number>();
  let weight = 0;
  for (const [text, w] of parts) {
    const { scores } = categorizer.categorize(text);
    for (const [id, p] of Object.entries(scores)) total.set(id, (total.get(id) ?? 0) + p * w);
    weight += w;
  }
  const ranked = [...total.entries()].sort((a, b) => b[1] - a[1]);
  const scores: Record<string, number> = {};
  for (const [id, s] of ranked) scores[id] = s / weight;
  const [category, confidence] = ranked[0] as [string, number];
  return { category, confidence: confidence / weight, scores };
}
