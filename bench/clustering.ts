/**
 * Story clustering at refresh: (1) items (title + description) clustered per second at 1,000, 5,000 and
 * 7,000 items, in-process on one core; (2) how long a `/brief` command waits while a 7,000-item feed on
 * loopback is refreshed (the refresh runs beside commands; commands answer from the cached briefing).
 */
import { createApp } from '../src/app.ts';
import { runCommand } from '../src/commands/dispatch.ts';
import { loadConfig } from '../src/config.ts';
import { loadCategorizerModel } from '../src/core/categorizer-model.ts';
import { defaultRarity } from '../src/core/stories/background-rarity.ts';
import { clusterStories, type StoryItem } from '../src/core/stories/cluster-stories.ts';
import { createLogger } from '../src/log.ts';
import { type FixtureItem, rssFeed } from '../tests/fakes/news/build-feed.ts';
import { FIXTURE_NOW, startNewsServer } from '../tests/fakes/news-server.ts';
import { percentile, type Row } from './table.ts';

// A small deterministic generator, so every run benchmarks the same news.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A synthetic day with real word statistics: words drawn Zipf-like from the model's frequency-ordered
 * vocabulary; each story has six key words its items share (three stories in four have 1–3 items, the
 * rest up to 12, as on a real day).
 */
export function syntheticDay(n: number, seed = 7): StoryItem[] {
  const vocab = (loadCategorizerModel().wordVectors?.words ?? '').split(' ').slice(100, 30_000);
  const rand = random(seed);
  const word = () => vocab[Math.floor(vocab.length * rand() ** 2.5)] as string;
  const items: StoryItem[] = [];
  while (items.length < n) {
    const keys = Array.from({ length: 6 }, word);
    const size = rand() < 0.75 ? 1 + Math.floor(rand() * 3) : 4 + Math.floor(rand() * 9);
    for (let k = 0; k < size && items.length < n; k++) {
      const pick = () => keys[Math.floor(rand() * keys.length)] as string;
      const title = [pick(), word(), pick(), word(), pick(), word(), word()].join(' ');
      const summary = Array.from({ length: 24 }, (_, i) => (i % 4 === 0 ? pick() : word())).join(' ');
      items.push({ title, summary });
    }
  }
  return items;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export async function benchClustering(): Promise<Row[]> {
  defaultRarity(); // loaded once per process, not per refresh
  const rows: Row[] = [];
  for (const n of [1000, 5000, 7000]) {
    const items = syntheticDay(n);
    // A bot refreshes every few minutes for days: steady state (warm JIT) is what users feel.
    for (let r = 0; r < 3; r++) clusterStories(items);
    const times: number[] = [];
    const cpu: number[] = [];
    let stories = 0;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      const c = process.cpuUsage();
      stories = new Set(clusterStories(items)).size;
      const used = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    rows.push({
      measure: `cluster ${n.toLocaleString('en')} items (title + description)`,
      value: median(times),
      unit: 'ms',
      'CPU ms': median(cpu),
      stories,
    });
  }
  rows.push(...(await benchRefresh()));
  return rows;
}

const FEED_ITEMS = 7000;
const ARRIVAL_MS = 10;

async function benchRefresh(): Promise<Row[]> {
  const rand = random(11);
  const day = syntheticDay(FEED_ITEMS, 11);
  const items: FixtureItem[] = day.map((it, i) => ({
    title: it.title,
    link: `https://news.example/item/${i}`,
    guid: `item-${i}`,
    date: new Date(FIXTURE_NOW.getTime() - Math.floor(rand() * 20 * 3600_000)),
    description: it.summary,
  }));
  const body = rssFeed({ title: 'Huge feed', items });
  const server = await startNewsServer({ '/huge.rss': { body } });
  const rows: Row[] = [];
  try {
    for (const cap of [500]) {
      const config = loadConfig({
        BRIEFER_SOURCE: server.url('/huge.rss'),
        BRIEFER_MAX_FEED_ITEMS: String(cap),
        BRIEFER_HEADLINE_HOURS: '48',
        BRIEFER_MAX_BYTES: String(20 * 1024 * 1024),
      });
      const app = createApp(config, {
        logger: createLogger(process.env.BENCH_LOG ?? 'silent'),
        now: () => FIXTURE_NOW,
      });
      await app.briefings.get();
      const context = app.context('console');
      const latencies: number[] = [];
      let done = false;
      const t = performance.now();
      const refresh = app.briefings.refresh().finally(() => {
        done = true;
      });
      // A /brief arrives every 10 ms; its latency counts from when it arrived, so time the event loop
      // spent blocked before it could even start counts too.
      for (let k = 1; !done; k++) {
        const arrival = t + k * ARRIVAL_MS;
        const wait = arrival - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await runCommand(app.registry, 'brief', {}, context);
        latencies.push(performance.now() - arrival);
      }
      await refresh;
      const refreshMs = performance.now() - t;
      latencies.sort((a, b) => a - b);
      const label = `/brief during a refresh of a ${FEED_ITEMS.toLocaleString('en')}-item feed (${(body.length / 1e6).toFixed(1)} MB), BRIEFER_MAX_FEED_ITEMS=${cap}`;
      rows.push({ measure: `${label}: p50`, value: percentile(latencies, 50), unit: 'ms' });
      rows.push({ measure: `${label}: p99`, value: percentile(latencies, 99), unit: 'ms' });
      rows.push({ measure: `${label}: max`, value: latencies.at(-1) ?? 0, unit: 'ms' });
      rows.push({
        measure: `${label}: the refresh itself`,
        value: refreshMs,
        unit: 'ms',
        commands: latencies.length,
      });
      app.briefings.stop();
    }
  } finally {
    await server.close();
  }
  return rows;
}
