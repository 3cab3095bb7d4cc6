/**
 * News for the Slack tests: ordinary, hostile (mentions and markup in every untrusted field) and huge
 * (hundreds of headlines, a 50 kB story). Both as raw News for a NewsSource (end-to-end tests, through
 * the real summarizer and categorizer) and as ready Briefings (renderer tests, no core involved).
 */
import { type Briefing, BriefingSchema, type News, NewsSchema } from '../../../src/core/schemas.ts';
import type { NewsSource } from '../../../src/sources/source.ts';

/** The mentions and markup a hostile feed could slip into any text field. */
export const HOSTILE =
  '<!channel> <!here> <@U0BADBAD> <#C0BAD|general> <https://evil.example|click> & <b>bold</b>';

const CATEGORIES = ['markets', 'sports', 'technology', 'politics', 'energy', 'health', 'other'] as const;
const WORDS =
  'markets rallied after the central bank held rates steady while investors weighed fresh data on inflation jobs and trade'.split(
    ' ',
  );

/** A made-up word unique to `n` ("bakotu"), so generated headlines are never merged as duplicates. */
function pseudoWord(n: number): string {
  const syllables = ['ba', 'ko', 'tu', 'mi', 'ren', 'sa', 'vel', 'do', 'pri', 'zu', 'lan', 'ge'];
  let out = '';
  let x = n + 12;
  while (x > 0) {
    out += syllables[x % syllables.length];
    x = Math.floor(x / syllables.length);
  }
  return out;
}

function sentence(i: number, words = 18): string {
  const picked = Array.from({ length: words }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
  return `${picked.charAt(0).toUpperCase()}${picked.slice(1)} in week ${i}.`;
}

export interface NewsShape {
  headlines?: number;
  /** Characters of story text (paragraphs of ~600 characters). */
  storyChars?: number;
  /** Put HOSTILE into the title, story, headlines and sources. */
  hostile?: boolean;
  /** Characters of the lead title. */
  titleChars?: number;
  /** Characters per headline title. */
  headlineChars?: number;
}

const padTo = (text: string, chars?: number) =>
  chars ? text.padEnd(chars, ' and more').slice(0, chars) : text;

/** Raw news, validated as a source would deliver it. */
export function makeNews(shape: NewsShape = {}): News {
  const { headlines = 12, storyChars = 2400, hostile = false, titleChars, headlineChars } = shape;
  const paragraphs: string[] = [];
  let length = 0;
  for (let p = 0; length < storyChars; p++) {
    // A sentence with amounts, a percentage, a date, people, an organisation and a place, for key facts.
    const facts = `Governor Maria Okafor said on March ${p + 3}, 2026 that the Bank of Norland would sell $${p + 12} billion of bonds in Lisbon as inflation eased to ${p + 2}.5%.`;
    const para = [facts, sentence(p * 4 + 1), sentence(p * 4 + 2), sentence(p * 4 + 3)].join(' ');
    const text = hostile && p === 0 ? `${HOSTILE} ${para}` : para;
    paragraphs.push(text);
    length += text.length;
  }
  const baseTitle = hostile ? `Lead story ${HOSTILE}` : 'Central bank holds rates as markets rally';
  const title = padTo(baseTitle, titleChars);
  return NewsSchema.parse({
    story: {
      title,
      url: 'https://news.example/lead?id=1&ref=briefer',
      source: hostile ? `Wire ${HOSTILE}` : 'Example Wire',
      publishedAt: '2026-11-24T08:00:00Z',
      paragraphs,
    },
    headlines: Array.from({ length: headlines }, (_, i) => ({
      title: padTo(
        `${hostile && i % 2 === 0 ? `${HOSTILE} ` : ''}Headline ${i + 1}: ${[1, 2, 3, 4, 5].map((k) => pseudoWord(i * 5 + k)).join(' ')} ${sentence(i, 5 + (i % 7))}`,
        headlineChars,
      ),
      url: i % 3 === 0 ? undefined : `https://news.example/h/${i + 1}?a=1&b=2`,
      source: i % 4 === 0 ? (hostile ? `Desk ${HOSTILE}` : 'Example Desk') : undefined,
    })),
  });
}

/** A NewsSource that serves `news` (or throws `error`) from memory. */
export function memorySource(news: News | (() => News), name = 'test news'): NewsSource & { loads: number } {
  return {
    name,
    loads: 0,
    async load() {
      this.loads++;
      return typeof news === 'function' ? news() : news;
    },
  };
}

export interface BriefingShape extends NewsShape {
  /** Key facts per type. */
  facts?: number;
  /** Characters in the one summary sentence (a 50 kB story can have a huge sentence). */
  summaryChars?: number;
}

/** A ready Briefing, for renderer tests that must not depend on the summarizer or categorizer. */
export function makeBriefing(shape: BriefingShape = {}): Briefing {
  const { headlines = 12, hostile = false, facts = 2, headlineChars, summaryChars, titleChars } = shape;
  const tag = hostile ? `${HOSTILE} ` : '';
  const summaryText = summaryChars
    ? `${tag}${sentence(0)} `.repeat(Math.ceil(summaryChars / 120)).slice(0, summaryChars)
    : `${tag}${sentence(0)}`;
  const list = Array.from({ length: headlines }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length] as string;
    return {
      title: padTo(`${i % 2 === 0 ? tag : ''}Headline ${i + 1} ${sentence(i, 8)}`, headlineChars),
      url: i % 3 === 0 ? undefined : `https://news.example/h/${i + 1}?a=1&b=2`,
      source: i % 4 === 0 ? `${tag}Example Desk` : undefined,
      category,
      confidence: 0.8,
      scores: { [category]: 0.8 },
      storyId: `story-${i + 1}`,
      outlets: i % 4 === 0 ? [{ name: `${tag}Example Desk` }] : [],
    };
  });
  const counts: Record<string, number> = {};
  for (const h of list) counts[h.category] = (counts[h.category] ?? 0) + 1;
  const types = ['money', 'percent', 'date', 'time', 'person', 'organization', 'place'] as const;
  return BriefingSchema.parse({
    generatedAt: '2026-11-24T08:00:00Z',
    source: hostile ? `feed ${HOSTILE}` : 'test news',
    lead: {
      title: padTo(`${tag}Central bank holds rates`, titleChars),
      url: 'https://news.example/lead?id=1&ref=briefer',
      source: `${tag}Example Wire`,
      summary: [{ text: summaryText, paragraph: 0, sentence: 0, index: 0 }],
      keyFacts: types.flatMap((type) =>
        Array.from({ length: facts }, (_, i) => ({ type, text: `${i % 2 ? tag : ''}${type} fact ${i + 1}` })),
      ),
      totalSentences: 40,
      storyId: 'lead',
      outlets: [],
    },
    headlines: list,
    categories: counts,
  });
}
