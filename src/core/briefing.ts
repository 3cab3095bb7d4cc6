/**
 * Story + headlines → Briefing. Pure and deterministic apart from `now`: the same news always gives the
 * same briefing, which is what makes cached briefings and digests trustworthy.
 */
import type { Categorization, Categorizer } from './categorizer.ts';
import { dedupeHeadlines } from './headline-dedupe.ts';
import { extractKeyFacts } from './key-facts.ts';
import { type Briefing, BriefingSchema, type CategorizedHeadline, type News } from './schemas.ts';
import { summarize } from './summarizer.ts';
import type { Taxonomy } from './taxonomy.ts';
import { splitSentences } from './text/sentences.ts';

export interface BuildOptions {
  /** Human-readable name of the source, shown in the footer. */
  source: string;
  categorizer: Categorizer;
  taxonomy: Taxonomy;
  /** Sentences in the lead summary (default 3). */
  sentences?: number;
  now?: Date;
}

export function buildBriefing(news: News, options: BuildOptions): Briefing {
  const { story } = news;
  const summary = summarize(story, { sentences: options.sentences ?? 3 });
  const totalSentences = story.paragraphs.reduce((n, p) => n + splitSentences(p).length, 0);

  const headlines: CategorizedHeadline[] = dedupeHeadlines(news.headlines).map(({ headline, duplicates }) => {
    const { sources = [], categoryHint, ...shown } = headline;
    const { category, confidence, scores } = withHint(
      options.categorizer.categorize(headline.title),
      categoryHint,
      options.taxonomy,
    );
    // Outlets the source already merged (feeds), plus those of the headlines merged here.
    const carried = [...sources, ...duplicates.flatMap((d) => [d.source, ...(d.sources ?? [])])];
    const others = [...new Set(carried.filter((s): s is string => Boolean(s)))].filter(
      (s) => s !== headline.source,
    );
    return { ...shown, category, confidence, scores, ...(others.length ? { alsoIn: others } : {}) };
  });

  const categories: Record<string, number> = {};
  for (const c of options.taxonomy.categories) {
    const n = headlines.filter((h) => h.category === c.id).length;
    if (n > 0) categories[c.id] = n;
  }

  // Validate what we produce too: a renderer must be able to trust every field.
  return BriefingSchema.parse({
    generatedAt: (options.now ?? new Date()).toISOString(),
    source: options.source,
    lead: {
      title: story.title,
      url: story.url,
      source: story.source,
      publishedAt: story.publishedAt,
      summary,
      keyFacts: extractKeyFacts(story),
      totalSentences,
    },
    headlines,
    categories,
  });
}

/** Below this confidence, a source's category hint (a sports feed says "sports") wins. */
export const HINT_CONFIDENCE = 0.5;

function withHint(c: Categorization, hint: string | undefined, taxonomy: Taxonomy): Categorization {
  if (!hint || hint === c.category || !taxonomy.categories.some((x) => x.id === hint)) return c;
  if (c.category !== 'other' && c.confidence >= HINT_CONFIDENCE) return c;
  return { category: hint, confidence: c.scores[hint] ?? 0, scores: c.scores };
}

/** Headlines of a briefing grouped by category, in taxonomy order, each group in briefing order. */
export function groupByCategory(
  briefing: Briefing,
  taxonomy: Taxonomy,
): Array<{ category: Taxonomy['categories'][number]; headlines: CategorizedHeadline[] }> {
  const known = new Set(taxonomy.categories.map((c) => c.id));
  return taxonomy.categories
    .map((category) => ({
      category,
      headlines: briefing.headlines.filter(
        (h) => h.category === category.id || (category.id === 'other' && !known.has(h.category)),
      ),
    }))
    .filter((g) => g.headlines.length > 0);
}
