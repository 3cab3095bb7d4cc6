/** Hand-built briefings for tests that must not depend on the summarizer or the categorizer. */
import { type Briefing, BriefingSchema } from '../../src/core/schemas.ts';

export function makeBriefing(overrides: Partial<Briefing> = {}, headlineCount = 3): Briefing {
  const categories = ['markets', 'sports', 'technology'];
  const headlines = Array.from({ length: headlineCount }, (_, i) => {
    const category = categories[i % categories.length] as string;
    return {
      title: `Headline number ${i + 1} about ${category}`,
      category,
      confidence: 0.8,
      scores: { [category]: 0.8, other: 0.2 },
      storyId: `story-${i + 1}`,
      outlets: [],
    };
  });
  const counts: Record<string, number> = {};
  for (const h of headlines) counts[h.category] = (counts[h.category] ?? 0) + 1;
  return BriefingSchema.parse({
    generatedAt: '2026-11-25T07:00:00Z',
    source: 'test news',
    lead: {
      title: 'Test lead story',
      summary: [{ text: 'The first sentence.', paragraph: 0, sentence: 0, index: 0 }],
      keyFacts: [{ type: 'money', text: '$5 billion' }],
      totalSentences: 4,
      storyId: 'lead',
      outlets: [],
    },
    headlines,
    categories: counts,
    ...overrides,
  });
}
