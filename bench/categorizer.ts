/**
 * Headline categorization in-process: how long building the default categorizer takes (taxonomy +
 * committed model) and how many headlines per second it then categorizes on one core. Uses the
 * eval harness's BBC headlines when ../shared is there, else the headlines of data/sample-digest.txt.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadDefaultCategorizer } from '../src/core/categorizer.ts';

const BBC = new URL('../../shared/eval/data/dev-bbc-headlines.jsonl', import.meta.url);
const SAMPLE = new URL('../data/sample-digest.txt', import.meta.url);
/** Categorize at least this many headlines per round. */
const PER_ROUND = 200_000;
const ROUNDS = 5;

function headlines(): { source: string; lines: string[] } {
  if (existsSync(BBC)) {
    const lines = readFileSync(BBC, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { headline: string }).headline);
    return { source: 'BBC dev headlines', lines };
  }
  // A digest is paragraphs, a blank line, then one headline per line: keep the short lines.
  const lines = readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && l.length < 200);
  return { source: 'sample digest headlines', lines };
}

export async function benchCategorizer(): Promise<{ name: string; value: number; unit: string }[]> {
  const t0 = performance.now();
  const categorizer = loadDefaultCategorizer();
  const loadMs = performance.now() - t0;

  const { source, lines } = headlines();
  let sink = 0;
  const rates: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now();
    let n = 0;
    while (n < PER_ROUND) {
      for (const line of lines) sink += categorizer.categorize(line).confidence;
      n += lines.length;
    }
    // Round 0 warms the JIT and the stem memo.
    if (round > 0) rates.push(n / ((performance.now() - start) / 1000));
  }
  if (!Number.isFinite(sink)) throw new Error('categorizer returned a non-finite confidence');
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] as number;
  return [
    { name: 'categorizer load (taxonomy + model)', value: Math.round(loadMs), unit: 'ms' },
    { name: `categorize (${source})`, value: Math.round(median), unit: 'headlines/s' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchCategorizer()) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
