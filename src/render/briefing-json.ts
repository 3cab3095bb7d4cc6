/**
 * The documented JSON shape of `briefer brief --format json` (see docs/commands.md):
 * { generatedAt, source, lead: { title, url?, storyId, outlets: [{name, url?}], summaryKind: "model"|"extractive",
 *   model?, summary: [sentence], whyItMatters?, overview?, extractiveSummary?,
 *   summaryPositions: [{paragraph, sentence, index}], keyFacts: [{type, text}], totalSentences },
 *   headlines: [{ title, category, confidence, url?, source?, publishedAt?, storyId, outlets }],
 *   categories: { id: count } }
 * JSON keeps every headline (the chat and text limits do not apply); links are clean (entities decoded,
 * tracking removed).
 */
import { cleanUrl } from '../core/clean-url.ts';
import type { Briefing, Outlet } from '../core/schemas.ts';

const clean = (url: string | undefined) => (url ? { url: cleanUrl(url) } : {});
const outletsJson = (outlets: readonly Outlet[]) => outlets.map((o) => ({ name: o.name, ...clean(o.url) }));

export function briefingToJson(b: Briefing) {
  return {
    generatedAt: b.generatedAt,
    source: b.source,
    lead: {
      title: b.lead.title ?? null,
      ...clean(b.lead.url),
      storyId: b.lead.storyId,
      outlets: outletsJson(b.lead.outlets),
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
      ...clean(h.url),
      ...(h.source ? { source: h.source } : {}),
      ...(h.publishedAt ? { publishedAt: h.publishedAt } : {}),
      storyId: h.storyId,
      outlets: outletsJson(h.outlets),
    })),
    categories: b.categories,
  };
}
