/**
 * The parts of a briefing every renderer shows, computed once: the lead with the other outlets that
 * carry it, the headlines chosen within the limits and grouped by category (each with clean links,
 * its outlets, its age and whether its category is a guess), key facts by type, the footer line.
 * Renderers only format and escape these.
 */
import { groupByCategory } from '../core/briefing.ts';
import { isLowConfidence } from '../core/category-confidence.ts';
import { cleanUrl } from '../core/clean-url.ts';
import type { Briefing, CategorizedHeadline, KeyFact, KeyFactType, Outlet } from '../core/schemas.ts';
import type { Category, Taxonomy } from '../core/taxonomy.ts';
import { findCategory } from '../core/taxonomy-lookup.ts';
import { formatAge } from './age.ts';
import { condensedNote, formatTimestamp, KEY_FACT_LABELS } from './labels.ts';
import { DEFAULT_HEADLINE_LIMITS, type HeadlineLimits } from './limits.ts';

/** An outlet as shown: its name and its clean link to the story. */
export interface OutletView {
  name: string;
  url?: string;
}

export interface HeadlineView {
  title: string;
  /** The shown outlet's link, clean (no entities, no tracking). */
  url?: string;
  /** Every outlet carrying the story; the first is the one linked. */
  outlets: OutletView[];
  /** "2 h ago", relative to the briefing's time; absent when the headline has no date. */
  age?: string;
  /** The category is a guess: show it as "likely Health" (never for "other", the unsure answer itself). */
  likely: boolean;
}

export interface HeadlineGroupView {
  category: Category;
  /** The headlines shown, best covered first. */
  headlines: HeadlineView[];
  /** Headlines of this category in the briefing. */
  total: number;
  /** Of those, how many are not shown ("…and 3 more"). */
  hidden: number;
}

export interface HeadlineSelection {
  /** Categories in taxonomy order; a category none of whose headlines is shown is left out. */
  groups: HeadlineGroupView[];
  total: number;
  shown: number;
  hidden: number;
}

export interface SelectOptions {
  /** Only this category (id or label). Its limit is then `maxHeadlines`, not `maxPerCategory`. */
  only?: string;
  limits?: HeadlineLimits;
}

/**
 * The headlines a chat or text view shows. Stories with more outlets come first, then the newest. Every category with headlines gets its best one before any category gets a second,
 * as long as `maxHeadlines` allows; then the best of the rest, at most `maxPerCategory` a category.
 * The lead's story is never among them: the lead tells it.
 */
export function selectHeadlines(
  b: Briefing,
  taxonomy: Taxonomy,
  options: SelectOptions = {},
): HeadlineSelection {
  const limits = options.limits ?? DEFAULT_HEADLINE_LIMITS;
  const withoutLead = { ...b, headlines: b.headlines.filter((h) => h.storyId !== b.lead.storyId) };
  let groups = groupByCategory(withoutLead, taxonomy);
  if (options.only) {
    const id = findCategory(taxonomy, options.only)?.id ?? options.only;
    groups = groups.filter((g) => g.category.id === id);
  }
  const perCategory = options.only ? limits.maxHeadlines : limits.maxPerCategory;

  const order = new Map(byCoverage(withoutLead.headlines).map((h, i) => [h, i]));
  const rank = (h: CategorizedHeadline | undefined) => (h ? (order.get(h) ?? 0) : 0);
  const ranked = groups.map((g) => ({
    category: g.category,
    all: [...g.headlines].sort((x, y) => rank(x) - rank(y)),
    taken: 0,
  }));
  let shown = 0;
  // First the best headline of each category, best categories first; then the best of what is left.
  for (const g of [...ranked].sort((x, y) => rank(x.all[0]) - rank(y.all[0]))) {
    if (shown >= limits.maxHeadlines || perCategory < 1) break;
    g.taken = 1;
    shown++;
  }
  const rest = ranked
    .flatMap((g) => g.all.slice(g.taken).map((h) => ({ g, h })))
    .sort((x, y) => rank(x.h) - rank(y.h));
  for (const { g } of rest) {
    if (shown >= limits.maxHeadlines) break;
    if (g.taken >= perCategory) continue;
    g.taken++;
    shown++;
  }

  const total = ranked.reduce((n, g) => n + g.all.length, 0);
  return {
    groups: ranked
      .filter((g) => g.taken > 0)
      .map((g) => ({
        category: g.category,
        headlines: g.all.slice(0, g.taken).map((h) => headlineView(h, b.generatedAt, g.category)),
        total: g.all.length,
        hidden: g.all.length - g.taken,
      })),
    total,
    shown,
    hidden: total - shown,
  };
}

/**
 * Most outlets first, then the newest (undated last); a stable sort, so the builder's order breaks
 * the remaining ties. The builder already ranks this way; sorting here keeps the cut right for any source.
 */
function byCoverage(headlines: readonly CategorizedHeadline[]): CategorizedHeadline[] {
  return [...headlines].sort(
    (x, y) => y.outlets.length - x.outlets.length || (y.publishedAt ?? '').localeCompare(x.publishedAt ?? ''),
  );
}

function headlineView(h: CategorizedHeadline, generatedAt: string, category: Category): HeadlineView {
  const age = formatAge(h.publishedAt, generatedAt);
  return {
    title: h.title,
    ...(h.url ? { url: cleanUrl(h.url) } : {}),
    outlets: outletViews(h.outlets, h.source),
    ...(age ? { age } : {}),
    // "Other" is where unsure headlines go already; "likely Other" would say nothing.
    likely: category.id !== 'other' && isLowConfidence(h.confidence),
  };
}

/** Outlets with clean links; a headline with none falls back to its `source`. */
function outletViews(outlets: readonly Outlet[], source?: string): OutletView[] {
  if (outlets.length === 0) return source ? [{ name: source }] : [];
  return outlets.map((o) => ({ name: o.name, ...(o.url ? { url: cleanUrl(o.url) } : {}) }));
}

/**
 * "BBC", "BBC and Reuters", "BBC and 3 others": the shown outlet and how many more carry the story.
 * `esc` is applied to the names (each platform's markup).
 */
export function outletsLabel(outlets: readonly OutletView[], esc: (s: string) => string = (s) => s): string {
  const [first, second] = outlets;
  if (!first) return '';
  if (!second) return esc(first.name);
  if (outlets.length === 2) return `${esc(first.name)} and ${esc(second.name)}`;
  return `${esc(first.name)} and ${outlets.length - 1} others`;
}

/** "2 h ago · likely Health": what follows the outlets on a headline's line. */
export function headlineMeta(h: HeadlineView, category: Category): string[] {
  return [h.age, h.likely ? likelyLabel(category) : undefined].filter((s): s is string => Boolean(s));
}

/** "likely Health": a category the categorizer is not sure of. */
export function likelyLabel(category: Pick<Category, 'label'>): string {
  return `likely ${category.label}`;
}

/** "…and 3 more" under a category, or undefined when all are shown. */
export function moreNote(hidden: number): string | undefined {
  return hidden > 0 ? `…and ${hidden} more` : undefined;
}

/** "…and 23 more headlines" under all categories, or undefined when all are shown. */
export function moreHeadlinesNote(hidden: number): string | undefined {
  return hidden > 0 ? `…and ${hidden} more headline${hidden === 1 ? '' : 's'}` : undefined;
}

export interface LeadView {
  title: string;
  /** The article's link, clean. */
  url?: string;
  /** The other outlets carrying the lead story ("Also reported by"), with clean links. */
  alsoReportedBy: OutletView[];
}

export function leadView(b: Briefing): LeadView {
  return {
    title: leadTitle(b),
    ...(b.lead.url ? { url: cleanUrl(b.lead.url) } : {}),
    // The first outlet is the article's own (the builder's contract); the rest also carry the story.
    alsoReportedBy: outletViews(b.lead.outlets).slice(1),
  };
}

export const ALSO_REPORTED_BY = 'Also reported by';

export function keyFactsByType(facts: readonly KeyFact[]): Array<{ type: KeyFactType; facts: string[] }> {
  const order = Object.keys(KEY_FACT_LABELS) as KeyFactType[];
  return order
    .map((type) => ({ type, facts: facts.filter((f) => f.type === type).map((f) => f.text) }))
    .filter((g) => g.facts.length > 0);
}

/** "Source: Reuters · sample news · 24 Nov 2026, 08:00 UTC" */
export function footerLine(briefing: Briefing): string {
  const parts = [briefing.lead.source, briefing.source].filter(
    (p, i, a): p is string => Boolean(p) && a.indexOf(p) === i,
  );
  return `${parts.join(' · ')} · ${formatTimestamp(briefing.generatedAt)}`;
}

/**
 * The lead's summary as shown: a model's grounded summary (docs/ai-summaries.md), labelled "AI summary",
 * or the extractive sentences, labelled with how much they condense.
 */
export function leadSummary(briefing: Briefing): {
  sentences: string[];
  whyItMatters?: string;
  label: string;
} {
  const { lead } = briefing;
  if (lead.summaryKind === 'model' && lead.modelSummary)
    return {
      sentences: lead.modelSummary.sentences,
      whyItMatters: lead.modelSummary.whyItMatters,
      label: `AI summary${lead.model ? ` (${lead.model})` : ''}`,
    };
  return {
    sentences: lead.summary.map((s) => s.text),
    label: condensedNote(lead.summary.length, lead.totalSentences),
  };
}

/** The shown summary as one paragraph of plain text, "Why it matters" last. */
export function leadSummaryText(briefing: Briefing): string {
  const { sentences, whyItMatters } = leadSummary(briefing);
  return [sentences.join(' '), whyItMatters ? `Why it matters: ${whyItMatters}` : '']
    .filter(Boolean)
    .join('\n');
}

export function leadTitle(briefing: Briefing): string {
  return briefing.lead.title ?? 'Lead story';
}
