import type { Briefing } from './schemas.ts';

/** The same briefing with only the headlines of some categories (a channel's digest topics). */
export function filterBriefing(briefing: Briefing, categories: readonly string[] | undefined): Briefing {
  if (!categories?.length) return briefing;
  const keep = new Set(categories);
  const headlines = briefing.headlines.filter((h) => keep.has(h.category));
  const counts = Object.fromEntries(Object.entries(briefing.categories).filter(([id]) => keep.has(id)));
  return { ...briefing, headlines, categories: counts };
}
