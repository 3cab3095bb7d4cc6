/**
 * The parts of a briefing every renderer shows, computed once: grouped headlines, key facts by type,
 * the footer line. Renderers only format these.
 */
import { groupByCategory } from '../core/briefing.ts';
import type { Briefing, KeyFact, KeyFactType } from '../core/schemas.ts';
import type { Category, Taxonomy } from '../core/taxonomy.ts';
import { findCategory } from '../core/taxonomy-lookup.ts';
import { condensedNote, formatTimestamp, KEY_FACT_LABELS } from './labels.ts';

export interface HeadlineGroupView {
  category: Category;
  headlines: Briefing['headlines'];
}

export function headlineGroups(briefing: Briefing, taxonomy: Taxonomy, only?: string): HeadlineGroupView[] {
  const groups = groupByCategory(briefing, taxonomy);
  if (!only) return groups;
  const id = findCategory(taxonomy, only)?.id ?? only;
  return groups.filter((g) => g.category.id === id);
}

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
