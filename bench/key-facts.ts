/**
 * Key facts and the multi-outlet lead summary, in-process: ms for one 400 kB article (key facts read its
 * first 50 kB; furniture filtering and sentence splitting run before the cut), ms per ordinary article,
 * and ms for a multi-outlet summary of 20 descriptions. Articles are the summarizer bench's: the eval harness's
 * CNN/Daily Mail dev articles when ../shared is there, else the repo's fixture stories. Best of ROUNDS runs after
 * WARM_UP runs (the first loads compromise's lexicon, a one-off ~0.2 s); `cpu` is the mean CPU time per run,
 * which a busy shared machine inflates less than the wall clock.
 */
import { extractKeyFacts } from '../src/core/key-facts.ts';
import { summarizeStory } from '../src/core/story-summary.ts';
import { storyFromText } from '../src/core/text/story-text.ts';
import { articles } from './summarizer.ts';
import type { Row } from './table.ts';

const BIG = 400_000;
const ROUNDS = 10;
/** Runs before timing: the first loads compromise's lexicon, the next let the JIT settle. */
const WARM_UP = 3;

/** Best wall-clock ms of ROUNDS runs after a warm-up, and mean CPU ms (what one core spends: the machine may be shared). */
function best(run: () => unknown): { value: number; cpu: number } {
  for (let i = 0; i < WARM_UP; i++) run();
  let min = Number.POSITIVE_INFINITY;
  const cpu = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    run();
    min = Math.min(min, performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return { value: min, cpu: (used.user + used.system) / 1000 / ROUNDS };
}

function perDoc(t: { value: number; cpu: number }, docs: number): { value: number; cpu: number } {
  return { value: t.value / docs, cpu: t.cpu / docs };
}

export async function benchKeyFacts(): Promise<Row[]> {
  const { source, texts } = articles();
  // One long article: the dev articles back to back until 400 kB.
  let big = '';
  for (let i = 0; big.length < BIG; i++) big += `${texts[i % texts.length]}\n\n`;
  const bigStory = storyFromText(big.slice(0, BIG));
  const stories = texts.map((t) => storyFromText(t));
  const descriptions = texts
    .slice(0, 20)
    .map((t, i) => ({ outlet: `Outlet ${i % 7}`, text: t.slice(0, 400) }));
  const rows: Row[] = [
    {
      measure: 'extractKeyFacts, one 400 kB article',
      ...best(() => extractKeyFacts(bigStory)),
      unit: 'ms',
      data: source,
    },
    {
      measure: `extractKeyFacts, per article (${stories.length} articles)`,
      ...perDoc(
        best(() => {
          for (const s of stories) extractKeyFacts(s);
        }),
        stories.length,
      ),
      unit: 'ms/doc',
      data: source,
    },
    {
      measure: 'summarizeStory, 20 descriptions of 400 characters, no article',
      ...best(() => summarizeStory({ descriptions }, { sentences: 3 })),
      unit: 'ms',
      data: source,
    },
  ];
  return rows;
}
