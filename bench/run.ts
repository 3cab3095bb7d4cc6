/**
 * `npm run bench [-- name…]`: every benchmark in one run, printed as Markdown tables.
 * Names: summarizer, keyfacts, categorizer, startup, discord, slack, feeds, clustering, load, soak, digest, scaleout, instances (default: all).
 * Each benchmark runs in its own process: a peer summarizer (lexrank, through `sugar`) rewrites
 * built-in prototypes, which would slow or break whatever ran after it in the same process.
 * Benchmarks report; tests never time anything.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { markdownTable, type Row } from './table.ts';

const BENCHES: Record<string, { title: string; run: () => Promise<Row[]> }> = {
  summarizer: {
    title: 'Summarizer: ms per document, in-process, same documents',
    run: async () => (await import('./summarizer.ts')).benchSummarizer(),
  },
  keyfacts: {
    title: 'Key facts and the multi-outlet summary: ms, in-process, one core',
    run: async () => (await import('./key-facts.ts')).benchKeyFacts(),
  },
  categorizer: {
    title: 'Categorizer: headlines per second, in-process, one core',
    run: async () =>
      (await (await import('./categorizer.ts')).benchCategorizer()).map((r) => ({
        measure: r.name,
        value: r.value,
        unit: r.unit,
      })),
  },
  startup: { title: 'Start-up', run: async () => (await import('./startup.ts')).benchStartup() },
  discord: {
    title: 'Discord: INTERACTION_CREATE → recorded reply over loopback',
    run: async () => (await import('./discord.ts')).benchDiscord(),
  },
  slack: {
    title: 'Slack: signed slash command → ack and → delivered reply over loopback',
    run: async () => (await import('./slack.ts')).benchSlack(),
  },
  feeds: {
    title: 'Feeds: 20 feeds × 50 items over loopback → briefing',
    run: async () => (await import('./feeds.ts')).benchFeeds(),
  },
  clustering: {
    title: 'Story clustering: items per refresh, and /brief while a 7,000-item feed refreshes',
    run: async () => (await import('./clustering.ts')).benchClustering(),
  },
  load: {
    title:
      'Load: N requests in flight per platform on loopback (the bot in its own process; fakes and load in another)',
    run: async () => (await import('./load.ts')).benchLoad(),
  },
  soak: {
    title: 'Soak: memory over 600 refreshes (300 new items and a new 400 kB lead article each)',
    run: async () => (await import('./soak.ts')).benchSoak(),
  },
  digest: {
    title: 'Daily digest: channels posted per minute by one process',
    run: async () => (await import('./digest.ts')).benchDigest(),
  },
  scaleout: {
    title: 'Scale-out: signed /brief HTTP interactions through a round-robin proxy to 1 and 3 processes',
    run: async () => (await import('./scaleout.ts')).benchScaleout(),
  },
  instances: {
    title: 'Daily digest: digests per minute with 1, 2 and 3 instances on one PostgreSQL',
    run: async () => (await import('./digest-instances.ts')).benchDigestInstances(),
  },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}\n`,
  );
  process.exit(2);
}
const names = wanted.length ? wanted : Object.keys(BENCHES);
if (names.length > 1 || !process.env.BRIEFER_BENCH_CHILD) {
  console.log(`# Briefer benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const name of names) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, BRIEFER_BENCH_CHILD: '1' },
    });
    if (child.status !== 0) process.exitCode = 1;
  }
  process.exit();
}
for (const name of names) {
  const bench = BENCHES[name] as (typeof BENCHES)[string];
  const started = performance.now();
  try {
    const rows = await bench.run();
    console.log(
      `## ${bench.title}\n\n${markdownTable(rows)}\n\n_(${Math.round(performance.now() - started)} ms)_\n`,
    );
  } catch (error) {
    console.log(`## ${bench.title}\n\nFAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
