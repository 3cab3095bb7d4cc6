/**
 * Story + headlines → Briefing. Pure and deterministic apart from `now`: the same news always gives the
 * same briefing, which is what makes cached briefings and digests trustworthy.
 */
import { createHash } from 'node:crypto';
import type { Categorizer } from './categorizer.ts';
import { extractKeyFacts } from './key-facts.ts';
import {
  type Briefing,
  BriefingSchema,
  type CategorizedHeadline,
  type Headline,
  type News,
  type Outlet,
} from './schemas.ts';
import { runInSlices, runToEnd } from './slices.ts';
import { clusterSteps } from './stories/cluster-stories.ts';
import { categorizeStory } from './story-category.ts';
import { summarizeStory } from './story-summary.ts';
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
  return runToEnd(briefingSteps(news, options));
}

/** The same, in slices that give the event loop back every few milliseconds (for a refresh in a running bot). */
export function buildBriefingInSlices(news: News, options: BuildOptions, sliceMs = 8): Promise<Briefing> {
  return runInSlices(briefingSteps(news, options), sliceMs);
}

/** Stories of a briefing categorized between two points where the work may pause. */
const STORIES_PER_STEP = 16;

function* briefingSteps(news: News, options: BuildOptions): Generator<void, Briefing> {
  const { story } = news;
  const sentences = options.sentences ?? 3;
  const summary = story.descriptions?.length
    ? summarizeStory(
        {
          // Feed text standing in for a page that failed is one more description, not an article.
          ...(story.textFrom === 'feed' ? {} : { article: story }),
          descriptions: story.descriptions,
        },
        { sentences },
      )
    : summarize(story, { sentences });
  const totalSentences = story.paragraphs.reduce((n, p) => n + splitSentences(p).length, 0);
  yield;
  const keyFacts = extractKeyFacts(story);
  yield;

  // The lead and the headlines, clustered into stories together: the lead's story is told once, as the
  // lead; headlines of the same story only add outlets to it.
  const leadTitle = story.title ?? story.paragraphs[0] ?? '';
  const storyOf = yield* clusterSteps(
    [
      { title: leadTitle, summary: story.paragraphs[0] ?? '', ...(story.url ? { url: story.url } : {}) },
      ...news.headlines.map((h) => ({
        title: h.title,
        ...(h.summary ? { summary: h.summary } : {}),
        ...(h.url ? { url: h.url } : {}),
        ...(h.source ? { outlet: h.source } : {}),
      })),
    ],
    {},
  );
  const leadStory = storyOf[0];
  const groups = new Map<number, Headline[]>();
  news.headlines.forEach((h, i) => {
    const s = storyOf[i + 1] as number;
    const group = groups.get(s);
    if (group) group.push(h);
    else groups.set(s, [h]);
  });
  const leadOutlets = mergeOutlets([
    ...(story.outlets ??
      (story.source ? [{ name: story.source, ...(story.url ? { url: story.url } : {}) }] : [])),
    ...(groups.get(leadStory as number) ?? []).flatMap(outletsOf),
  ]);

  const headlines: CategorizedHeadline[] = [];
  for (const [s, group] of groups) {
    if (s === leadStory) continue;
    if (headlines.length % STORIES_PER_STEP === STORIES_PER_STEP - 1) yield;
    headlines.push(storyHeadline(group, options));
  }
  headlines.sort(byOutletsThenRecency);

  const categories: Record<string, number> = {};
  for (const c of options.taxonomy.categories) {
    const n = headlines.filter((h) => h.category === c.id).length;
    if (n > 0) categories[c.id] = n;
  }
  yield;

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
      keyFacts,
      totalSentences,
      storyId: storyIdOf(story.url ?? leadTitle),
      outlets: leadOutlets,
    },
    headlines,
    categories,
  });
}

/** One story of the headlines as the headline shown for it, with its category and outlets. */
function storyHeadline(group: readonly Headline[], options: BuildOptions): CategorizedHeadline {
  // The headline shown is the one the source found most covered (first of equals).
  const ranked = [...group].sort((a, b) => outletsOf(b).length - outletsOf(a).length);
  const shownHeadline = ranked[0] as Headline;
  const { outlets: _outlets, categoryHint: _hint, ...shown } = shownHeadline;
  const hints = ranked.flatMap((h) => (h.categoryHint ? [h.categoryHint] : []));
  // The outlets' sections count inside categorizeStory (a sure headline outvotes them).
  const { category, confidence, scores } = categorizeStory(options.categorizer, {
    titles: ranked.map((h) => h.title),
    descriptions: ranked.flatMap((h) => (h.summary ? [h.summary] : [])),
    sections: hints,
  });
  const newest = ranked
    .map((h) => h.publishedAt)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return {
    ...shown,
    ...(newest ? { publishedAt: newest } : {}),
    category,
    confidence,
    scores,
    storyId: storyIdOf(shownHeadline.url ?? shownHeadline.title),
    outlets: mergeOutlets(ranked.flatMap(outletsOf)),
  };
}

/** Most outlets first, then newest; undated after dated; otherwise as the source gave them (stable). */
function byOutletsThenRecency(a: CategorizedHeadline, b: CategorizedHeadline): number {
  return (
    b.outlets.length - a.outlets.length ||
    Number(Boolean(b.publishedAt)) - Number(Boolean(a.publishedAt)) ||
    (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')
  );
}

function outletsOf(h: Headline): Outlet[] {
  if (h.outlets?.length) return h.outlets;
  return h.source ? [{ name: h.source, ...(h.url ? { url: h.url } : {}) }] : [];
}

/** Outlets once each, by name, keeping the first mention (and its link). */
function mergeOutlets(outlets: readonly Outlet[]): Outlet[] {
  const seen = new Map<string, Outlet>();
  for (const o of outlets) if (!seen.has(o.name)) seen.set(o.name, o);
  return [...seen.values()];
}

/** A short stable id for a story, from what identifies its first item. */
function storyIdOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 12);
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
