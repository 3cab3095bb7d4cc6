/**
 * The shapes every piece of Briefer agrees on. Anything that comes from outside (files, feeds, JSON,
 * chat platforms) is parsed through these schemas before the core sees it.
 */
import { z } from 'zod';
import { cleanInline } from './clean-text.ts';
import { stripDateline } from './dateline.ts';

/** Plain text (tags, entities and invisible characters removed) with at least one visible character. */
const text = z.string().transform(cleanInline).pipe(z.string().min(1, 'must not be empty'));

/** Optional text: cleaned like `text`; blank becomes absent. */
const optionalText = z
  .string()
  .transform((s) => cleanInline(s) || undefined)
  .optional();

/** An ISO 8601 timestamp; parsed leniently (any Date-parsable string) and stored as ISO. */
const timestamp = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: `not a date: ${String(v)}` });
    return z.NEVER;
  }
  return d.toISOString();
});

const url = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/ }));

/** A news outlet carrying a story (a site, not a feed: two feeds of one site are one outlet). */
export const OutletSchema = z.object({
  name: text,
  /** That outlet's link to the story. */
  url: url.optional(),
});
export type Outlet = z.output<typeof OutletSchema>;

/** One outlet's description of a story (a feed item's summary), for a multi-outlet lead summary. */
export const OutletDescriptionSchema = z.object({
  outlet: text,
  url: url.optional(),
  text: text,
});
export type OutletDescription = z.output<typeof OutletDescriptionSchema>;

/** The lead story: the article Briefer summarizes. */
export const StorySchema = z.object({
  title: optionalText,
  url: url.optional(),
  source: optionalText,
  publishedAt: timestamp.optional(),
  /** Paragraphs of plain text, in article order. Empty paragraphs are dropped. */
  paragraphs: z
    .array(z.string())
    .transform((ps) => {
      const clean = ps.map(cleanInline).filter((p) => p.length > 0);
      // A wire dateline ("LONDON (Reuters) -") names the outlet, not the story.
      if (clean[0] !== undefined) clean[0] = stripDateline(clean[0]);
      return clean;
    })
    .pipe(z.array(z.string()).min(1, 'the story has no text')),
  /** Every outlet carrying the story, when the source already grouped it (feeds); first = this article's. */
  outlets: z.array(OutletSchema).optional(),
  /** Every outlet's description of the story, for a summary from several outlets. */
  descriptions: z.array(OutletDescriptionSchema).optional(),
  /** Where `paragraphs` came from: the article page, or the feed's own text when the page failed. */
  textFrom: z.enum(['article', 'feed']).optional(),
});
export type Story = z.output<typeof StorySchema>;
export type StoryInput = z.input<typeof StorySchema>;

/** One line of the day's news. */
export const HeadlineSchema = z.object({
  title: text,
  url: url.optional(),
  source: optionalText,
  publishedAt: timestamp.optional(),
  /** The item's description (a feed item's summary): more words for telling stories apart. */
  summary: optionalText,
  /** Every outlet that carried the story, when the source already grouped it (feeds); first = this one. */
  outlets: z.array(OutletSchema).optional(),
  /** A category the source suggests (e.g. a sports feed's); used when the categorizer is unsure. */
  categoryHint: z.string().trim().min(1).optional(),
});
export type Headline = z.output<typeof HeadlineSchema>;
export type HeadlineInput = z.input<typeof HeadlineSchema>;

/** Raw news as a source delivers it: a lead story and the day's headlines. */
export const NewsSchema = z.object({
  story: StorySchema,
  headlines: z.array(HeadlineSchema).default([]),
});
export type News = z.output<typeof NewsSchema>;

export const KEY_FACT_TYPES = [
  'money',
  'percent',
  'date',
  'time',
  /** People killed, injured, arrested or missing: "19 dead", "40 injured". */
  'count',
  'person',
  'organization',
  'place',
] as const;
export const KeyFactSchema = z.object({
  type: z.enum(KEY_FACT_TYPES),
  text: text,
});
export type KeyFact = z.output<typeof KeyFactSchema>;
export type KeyFactType = KeyFact['type'];

/** A sentence chosen for the summary, with where it stands in the article. */
export const SummarySentenceSchema = z.object({
  text: text,
  /** Zero-based paragraph index in `Story.paragraphs`. */
  paragraph: z.number().int().min(0),
  /** Zero-based sentence index inside that paragraph. */
  sentence: z.number().int().min(0),
  /** Zero-based sentence index in the whole article. */
  index: z.number().int().min(0),
  /**
   * The outlet the sentence is cited to. For a sentence from another outlet's description (not the
   * article), `paragraph` is the description's number, `sentence` its place in it and `index` its place
   * among all descriptions' sentences.
   */
  source: optionalText,
});
export type SummarySentence = z.output<typeof SummarySentenceSchema>;

export const CategorizedHeadlineSchema = HeadlineSchema.extend({
  /** The newest date of any of the story's items. */
  publishedAt: timestamp.optional(),
  category: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** Score per category id, highest first; sums to 1. */
  scores: z.record(z.string(), z.number().min(0).max(1)),
  /** The story this headline stands for; equal ids = one story. */
  storyId: z.string().min(1),
  /** Every outlet carrying the story, most relevant first; the first is this headline's own. */
  outlets: z.array(OutletSchema),
});
export type CategorizedHeadline = z.output<typeof CategorizedHeadlineSchema>;

export const BriefingSchema = z.object({
  generatedAt: timestamp,
  /** Human-readable name of where the news came from (file name, feed list, "sample"). */
  source: text,
  lead: z.object({
    title: optionalText,
    url: url.optional(),
    source: optionalText,
    publishedAt: timestamp.optional(),
    summary: z.array(SummarySentenceSchema),
    keyFacts: z.array(KeyFactSchema),
    /** Sentences in the whole article, to show how much was condensed. */
    totalSentences: z.number().int().min(0),
    /** The lead's story; no headline carries it. */
    storyId: z.string().min(1),
    /** Every outlet carrying the lead story; the first is the article's own ("Also reported by" the rest). */
    outlets: z.array(OutletSchema),
    // AI summaries (docs/ai-summaries.md): set only when a model's grounded summary is shown;
    // `summary` above stays the extractive one (the floor, and what key facts are read beside).
    summaryKind: z.enum(['model', 'extractive']).optional(),
    model: z.string().min(1).optional(),
    modelSummary: z
      .object({ sentences: z.array(text).min(1), whyItMatters: text, overview: optionalText })
      .optional(),
  }),
  /** Every story once (the lead's excluded), ranked by outlets then recency, with its category. */
  headlines: z.array(CategorizedHeadlineSchema),
  /** Headline count per category id, in taxonomy order; categories with none are left out. */
  categories: z.record(z.string(), z.number().int().min(0)),
});
export type Briefing = z.output<typeof BriefingSchema>;
