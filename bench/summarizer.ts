/**
 * Summarizer speed in-process: ms per article for Briefer's summarizer, the lead-3 baseline and the npm
 * peers (ts-textrank, node-summarizer, lexrank), all in the same run on the same articles. Uses the eval
 * harness's CNN/Daily Mail dev articles when ../shared is there, else the repo's own fixture stories.
 * Systems take turns round by round, so a busy machine slows them alike; each row is its best round.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { summarize } from '../src/core/summarizer.ts';
import { splitSentences } from '../src/core/text/sentences.ts';
import { storyFromText } from '../src/core/text/story-text.ts';

const CNNDM = new URL('../../shared/eval/data/dev-cnndm.jsonl', import.meta.url);
const LEAD_STORY = new URL('../tests/fixtures/digest-lead-story.txt', import.meta.url);
const LABELLED = new URL('../tests/fixtures/key-facts-labelled.json', import.meta.url);
const SENTENCES = 3;
const ROUNDS = 5;

type Summarizer = (text: string, sentences: number) => unknown;

/** The dev articles (or, without ../shared, the repo's fixture stories); the key-facts bench reads them too. */
export function articles(): { source: string; texts: string[] } {
  if (existsSync(CNNDM)) {
    const texts = readFileSync(CNNDM, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    return { source: 'dev-cnndm', texts };
  }
  const labelled = JSON.parse(readFileSync(LABELLED, 'utf8')) as { articles: { paragraphs: string[] }[] };
  const texts = [
    readFileSync(LEAD_STORY, 'utf8'),
    ...labelled.articles.map((a) => a.paragraphs.join('\n\n')),
  ];
  return { source: 'repo fixtures', texts };
}

/** The peers live in scripts/extras, installed on demand, so `npm ci` doesn't download them. */
const extrasRequire = createRequire(new URL('../scripts/extras/package.json', import.meta.url));

/**
 * lexrank, run last: it loads sugar 1.3, which rewrites built-in prototypes and slows every later
 * JavaScript in the process several-fold (Briefer's own ms/doc quadruples once it is loaded).
 */
function lexrank(): [string, Summarizer] | undefined {
  try {
    const lib = extrasRequire('lexrank');
    return [
      'lexrank',
      (text, n) =>
        new Promise((resolve, reject) => {
          lib.summarize(text, n, (error: unknown, lines: unknown) =>
            error ? reject(error) : resolve(lines),
          );
        }),
    ];
  } catch {
    return undefined;
  }
}

/** The npm peers other than lexrank, loaded if installed (`npm run extras`). */
function peers(): Array<[string, Summarizer]> {
  const require = extrasRequire;
  const out: Array<[string, Summarizer]> = [];
  try {
    const tr = require('ts-textrank');
    const logger = new tr.NullLogger();
    out.push([
      'ts-textrank',
      (text, n) => {
        const config = new tr.AbsoluteSummarizerConfig(
          n,
          new tr.SorensenDiceSimilarity(),
          new tr.DefaultTextParser(),
          0.85,
          tr.Summarizer.SORT_OCCURENCE,
        );
        return new tr.Summarizer(config, logger).summarize(text, 'en');
      },
    ]);
  } catch {
    // not installed: no row
  }
  try {
    const { SummarizerManager } = require('node-summarizer');
    out.push(['node-summarizer (rank)', (text, n) => new SummarizerManager(text, n).getSummaryByRank()]);
    out.push(['node-summarizer (freq)', (text, n) => new SummarizerManager(text, n).getSummaryByFrequency()]);
  } catch {
    // not installed: no row
  }
  return out;
}

/** Best ms/article per system over ROUNDS rounds, systems taking turns within each round. */
async function timeRounds(systems: Array<[string, Summarizer]>, texts: string[], best: Map<string, number>) {
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, run] of systems) {
      const start = performance.now();
      for (const text of texts) {
        try {
          await run(text, SENTENCES);
        } catch {
          // a peer that fails on an article still spent the time
        }
      }
      const ms = (performance.now() - start) / texts.length;
      // Round 0 warms the JIT up and is not counted.
      if (round > 0) best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, ms));
    }
  }
}

/** Rows: one per system, `value` in ms per article; `vsBriefer` is how many times slower than Briefer. */
export async function benchSummarizer(): Promise<Array<Record<string, string | number>>> {
  const { source, texts } = articles();
  const systems: Array<[string, Summarizer]> = [
    ['Briefer', (text, n) => summarize(storyFromText(text), { sentences: n })],
    ['lead-3', (text, n) => storyFromText(text).paragraphs.flatMap(splitSentences).slice(0, n)],
    ...peers(),
  ];
  if (systems.length === 2)
    process.stderr.write('summarizer bench: peers not installed; `npm run extras` adds them\n');
  // node-summarizer logs its own errors with console.log; keep the bench output clean.
  const log = console.log;
  console.log = () => {};
  const best = new Map<string, number>();
  try {
    await timeRounds(systems, texts, best);
    const last = lexrank();
    if (last) {
      systems.push(last);
      await timeRounds([last], texts, best);
    }
  } finally {
    console.log = log;
  }
  const briefer = best.get('Briefer') ?? Number.NaN;
  return systems.map(([name]) => {
    const ms = best.get(name) ?? Number.NaN;
    return {
      name: `summarize: ${name}`,
      value: Number(ms.toFixed(3)),
      unit: 'ms/doc',
      vsBriefer: `${(ms / briefer).toFixed(1)}×`,
      docs: texts.length,
      data: source,
    };
  });
}
