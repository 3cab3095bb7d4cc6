/**
 * How long it takes to go from 20 feeds × 50 items on a loopback server to a built briefing: cold (every
 * feed and the lead article downloaded and parsed) and warm (every feed answers 304 Not Modified).
 * Stories are shared between feeds with reworded headlines, so clustering has real work to do.
 */
import { buildBriefing } from '../src/core/briefing.ts';
import { createCategorizer } from '../src/core/categorizer.ts';
import { loadTaxonomy } from '../src/core/taxonomy.ts';
import { FeedSource } from '../src/sources/feeds/feed-source.ts';
import { articlePage, type FixtureItem, rssFeed } from '../tests/fakes/news/build-feed.ts';
import { FIXTURE_NOW, startNewsServer } from '../tests/fakes/news-server.ts';

const FEEDS = 20;
const ITEMS = 50;
const STORIES = 400;
const WARM_UP = 1;
const ROUNDS = 5;

// A small deterministic generator, so every run benchmarks the same news.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  'harbour council river festival budget rail ferry school museum orchard bridge storm market clinic league station vote tariff drought library factory port airport vaccine court mayor strike wind solar tide forest pension housing wages bakery theatre stadium glacier satellite telescope election senate reform merger charity harvest flood canal tunnel museum castle'.split(
    ' ',
  );
const VERBS = 'approves delays opens closes wins loses rejects expands cuts backs halts launches'.split(' ');
const PLACES =
  'Port Alder,Eastvale,Gull Island,Norte,Hillside,Marrow Bay,Kestrel,Sandholm,Tarn Vale,Brightwater'.split(
    ',',
  );

function makeStories(rand: () => number): string[][] {
  const stories: string[][] = [];
  for (let i = 0; i < STORIES; i++) {
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;
    stories.push([pick(PLACES), pick(WORDS), pick(VERBS), pick(WORDS), pick(WORDS), `${i + 1}`]);
  }
  return stories;
}

function headline(words: string[], variant: number): string {
  const [place, a, verb, b, c, n] = words;
  return variant % 2 === 0
    ? `${place} ${a} ${verb} ${b} ${c} plan ${n}`
    : `${a} ${verb} ${b} ${c} plan ${n} in ${place}`;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - started), value };
}

export async function benchFeeds(): Promise<Array<Record<string, string | number>>> {
  const rand = random(42);
  const stories = makeStories(rand);
  const server = await startNewsServer();
  try {
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) =>
        `Paragraph ${i + 1} of the lead story says what happened, who said so and why it matters, in a sentence long enough to count as prose.`,
    );
    for (let f = 0; f < FEEDS; f++) {
      const items: FixtureItem[] = [];
      for (let i = 0; i < ITEMS; i++) {
        // Popular stories (low numbers) appear in many feeds; the tail in one or two.
        const s = Math.floor(rand() ** 2.5 * STORIES);
        const words = stories[s] ?? [];
        const link = `${server.base}/f${f}/story-${s}`;
        items.push({
          title: headline(words, f + i),
          link,
          guid: `f${f}-${s}`,
          date: new Date(FIXTURE_NOW.getTime() - rand() * 23 * 3600_000),
          description: `Summary of story ${s} as feed ${f} tells it.`,
        });
        const page = articlePage(headline(words, 0), [
          `${headline(words, 1)}, officials said on Tuesday.`,
          ...paragraphs,
        ]);
        server.set(`/f${f}/story-${s}`, { body: page, type: 'text/html' });
      }
      server.set(`/feed-${f}.rss`, {
        body: rssFeed({ title: `Bench Feed ${f}`, items }),
        etag: `"bench-${f}"`,
      });
    }
    const taxonomy = loadTaxonomy();
    const categorizer = createCategorizer(taxonomy);
    const feeds = Array.from({ length: FEEDS }, (_, f) => ({
      url: server.url(`/feed-${f}.rss`),
      weight: 1 + (f % 3),
    }));
    const cold: number[] = [];
    const warm: number[] = [];
    let headlines = 0;
    let firstEver = 0;
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      // A new source has no caches: every feed and the lead article are downloaded and parsed.
      const source = new FeedSource({ kind: 'urls', feeds }, { now: () => FIXTURE_NOW });
      const build = async () => {
        const news = await source.load();
        return buildBriefing(news, { source: source.name, categorizer, taxonomy, now: FIXTURE_NOW });
      };
      const first = await time(build);
      const second = await time(build);
      headlines = second.value.headlines.length;
      if (round === 0) firstEver = first.ms;
      if (round < WARM_UP) continue;
      cold.push(first.ms);
      warm.push(second.ms);
    }
    const items = FEEDS * ITEMS;
    return [
      {
        case: `feeds first load after start (code not yet warm): ${FEEDS} feeds × ${ITEMS} items → briefing`,
        ms: firstEver,
        items,
        headlines,
      },
      {
        case: `feeds cold: ${FEEDS} feeds × ${ITEMS} items → briefing (median ms)`,
        ms: median(cold),
        items,
        headlines,
      },
      {
        case: `feeds warm, all 304 Not Modified: ${FEEDS} feeds × ${ITEMS} items → briefing (median ms)`,
        ms: median(warm),
        items,
        headlines,
      },
    ];
  } finally {
    await server.close();
  }
}

// `npx tsx bench/feeds.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchFeeds());
