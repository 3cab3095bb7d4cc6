/**
 * A briefing as the story builder makes it: every headline a story with its outlets (first = shown),
 * dates, clustered ids, and a lead carried by several outlets. For the renderer tests.
 */
import { type Briefing, BriefingSchema } from '../../src/core/schemas.ts';

export const GENERATED_AT = '2026-11-25T12:00:00.000Z';
const hoursAgo = (h: number) => new Date(Date.parse(GENERATED_AT) - h * 3_600_000).toISOString();

export interface StoryHeadline {
  title: string;
  category: string;
  outlets?: Array<{ name: string; url?: string }>;
  hoursAgo?: number;
  confidence?: number;
  storyId?: string;
}

export function outletsBriefing(
  headlines: StoryHeadline[],
  lead: { outlets?: Array<{ name: string; url?: string }>; url?: string; storyId?: string } = {},
): Briefing {
  const counts: Record<string, number> = {};
  for (const h of headlines) counts[h.category] = (counts[h.category] ?? 0) + 1;
  return BriefingSchema.parse({
    generatedAt: GENERATED_AT,
    source: 'test feeds',
    lead: {
      title: 'Central bank cuts rates by half a point',
      url: lead.url ?? 'https://wire.example/rates?utm_source=rss&amp;id=1',
      source: 'Wire',
      summary: [{ text: 'The central bank cut its rate.', paragraph: 0, sentence: 0, index: 0 }],
      keyFacts: [],
      totalSentences: 5,
      storyId: lead.storyId ?? 'lead-story',
      outlets: lead.outlets ?? [
        { name: 'Wire', url: 'https://wire.example/rates?id=1' },
        { name: 'BBC', url: 'https://www.bbc.co.uk/news/rates?at_medium=RSS&at_campaign=KARANGA' },
        { name: 'Reuters', url: 'https://reuters.example/rates?utm_source=feed&amp;ref=rss' },
        { name: 'NPR' },
      ],
    },
    headlines: headlines.map((h, i) => {
      const outlets = h.outlets ?? [{ name: `Outlet ${i}`, url: `https://outlet${i}.example/story-${i}` }];
      return {
        title: h.title,
        category: h.category,
        confidence: h.confidence ?? 0.99,
        scores: { [h.category]: h.confidence ?? 0.99 },
        storyId: h.storyId ?? `story-${i}`,
        outlets,
        ...(outlets[0]?.url ? { url: outlets[0].url } : {}),
        ...(outlets[0] ? { source: outlets[0].name } : {}),
        ...(h.hoursAgo !== undefined ? { publishedAt: hoursAgo(h.hoursAgo) } : {}),
      };
    }),
    categories: counts,
  });
}

/** `n` one-outlet headlines in `category`, titled "<category> story <i>". */
export function manyHeadlines(category: string, n: number, outlets = 1): StoryHeadline[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `${category} story ${i + 1}`,
    category,
    outlets: Array.from({ length: outlets }, (_, k) => ({ name: `${category}-outlet-${k}` })),
  }));
}
