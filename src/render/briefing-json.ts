/**
 * The documented JSON shape of `briefer brief --format json`:
 * { generatedAt, source, lead: { title, url?, summaryKind: "model"|"extractive", model?, summary: [sentence],
 *   whyItMatters?, overview?, extractiveSummary?, summaryPositions: [{paragraph, sentence, index}],
 *   keyFacts: [{type, text}], totalSentences }, headlines: [{ title, category, confidence, url?, source? }],
 *   categories: { id: count } }
 */
import type { Briefing } from '../core/schemas.ts';

export function briefingToJson(b: Briefing) {
  return {
    generatedAt: b.generatedAt,
    source: b.source,
    lead: {
      title: b.lead.title ?? null,
      ...(b.lead.url ? { url: b.lead.url } : {}),
      // summaryKind/model: which summary this is (docs/ai-summaries.md); positions are the extractive one's.
      summaryKind: b.lead.summaryKind ?? 'extractive',
      ...(b.lead.summaryKind === 'model' && b.lead.modelSummary
        ? {
            model: b.lead.model,
            summary: b.lead.modelSummary.sentences,
            whyItMatters: b.lead.modelSummary.whyItMatters,
            ...(b.lead.modelSummary.overview ? { overview: b.lead.modelSummary.overview } : {}),
            extractiveSummary: b.lead.summary.map((s) => s.text),
          }
        : { summary: b.lead.summary.map((s) => s.text) }),
      summaryPositions: b.lead.summary.map(({ paragraph, sentence, index }) => ({
        paragraph,
        sentence,
        index,
      })),
      keyFacts: b.lead.keyFacts.map(({ type, text }) => ({ type, text })),
      totalSentences: b.lead.totalSentences,
    },
    headlines: b.headlines.map((h) => ({
      title: h.title,
      category: h.category,
      confidence: Number(h.confidence.toFixed(4)),
      ...(h.url ? { url: h.url } : {}),
      ...(h.source ? { source: h.source } : {}),
      outlets: h.outlets,
    })),
    categories: b.categories,
  };
}
