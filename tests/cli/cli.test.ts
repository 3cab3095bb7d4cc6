/**
 * The `briefer` CLI as users and scripts run it, asserting on stdout, stderr and the exit code. The
 * commands run in this process (what they print and return is the same as through the bin); the last
 * test runs the compiled bin as a real process, for what only a process has: exit status and streams.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rssFeed } from '../fakes/news/build-feed.ts';
import { startNewsServer } from '../fakes/news-server.ts';
import { runBriefer as briefer } from '../helpers/run-cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const fixture = join(ROOT, 'tests/fixtures/sources/news.json');

describe('briefer CLI', () => {
  it('prints the documented JSON for brief', async () => {
    const { code, stdout } = await briefer(['brief', '--format', 'json', '--sentences', '2']);
    expect(code).toBe(0);
    const b = JSON.parse(stdout);
    expect(Object.keys(b)).toEqual(['generatedAt', 'source', 'lead', 'headlines', 'categories']);
    expect(b.source).toBe('sample news (fictional)');
    expect(b.lead.summary).toHaveLength(2);
    expect(b.lead.summary[0]).toMatch(/^Five coastal nations/);
    expect(b.lead.keyFacts.every((f: { type: string; text: string }) => f.type && f.text)).toBe(true);
    for (const h of b.headlines) {
      expect(typeof h.title).toBe('string');
      expect(typeof h.category).toBe('string');
      expect(h.confidence).toBeGreaterThanOrEqual(0);
      expect(h.confidence).toBeLessThanOrEqual(1);
    }
    const total = Object.values(b.categories as Record<string, number>).reduce((a, n) => a + n, 0);
    expect(total).toBe(b.headlines.length);
  });

  it('prints markdown and text views, and filters headlines by category', async () => {
    expect((await briefer(['story', '--format', 'markdown'])).stdout).toMatch(/^## Harbor nations/);
    const sports = await briefer(['headlines', '--category', 'sports', '--format', 'json']);
    const parsed = JSON.parse(sports.stdout);
    expect(parsed.headlines.map((h: { category: string }) => h.category)).toEqual(['sports']);
    expect((await briefer(['headlines', '--source', fixture])).stdout).toMatch(/Object headline/);
  });

  it('reads the source from BRIEFER_SOURCE, and --source wins', async () => {
    expect((await briefer(['story'], '', { BRIEFER_SOURCE: fixture })).stdout).toMatch(/Rates held/);
    expect((await briefer(['story', '--source', 'sample'], '', { BRIEFER_SOURCE: fixture })).stdout).toMatch(
      /Harbor nations/,
    );
  });

  it('fails bad input with one line naming the file and the problem, exit 2, no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefer-cli-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"story": [');
    for (const [source, message] of [
      [join(dir, 'missing.txt'), 'missing.txt: no such file'],
      [empty, 'empty.txt: the file is empty'],
      [bad, 'bad.json: is not valid JSON'],
    ] as const) {
      const r = await briefer(['brief', '--source', source]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('rejects bad flags and configuration with exit 2 and a clear line', async () => {
    expect(await briefer(['brief', '--sentences', 'lots'])).toMatchObject({ code: 2 });
    expect((await briefer(['brief', '--sentences', 'lots'])).stderr).toMatch(
      /--sentences must be a whole number/,
    );
    expect((await briefer(['brief', '--format', 'xml'])).stderr).toMatch(
      /--format must be one of text, json, markdown/,
    );
    expect((await briefer(['brief', '--bogus'])).stderr).toMatch(/^briefer: .*bogus/);
    expect((await briefer(['frobnicate'])).stderr).toMatch(/unknown command "frobnicate"/);
    const env = await briefer(['brief'], '', { DIGEST_TZ: 'Nowhere/Land' });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/DIGEST_TZ: expected an IANA time zone/);
  });

  it('summarizes one article from stdin, as lines or JSON', async () => {
    const article =
      'The council approved the budget on Monday. It includes $5 million for parks.\n\nCritics said the plan was rushed. A vote on taxes follows in March.';
    const lines = await briefer(['summarize', '--sentences', '2'], article);
    expect(lines.code).toBe(0);
    expect(lines.stdout.trim().split('\n')).toHaveLength(2);
    const json = JSON.parse((await briefer(['summarize', '--json', '--sentences', '1'], article)).stdout);
    expect(json.summary).toHaveLength(1);
    expect(json.positions[0]).toEqual({ paragraph: 0, sentence: 0, index: 0 });
    expect(await briefer(['summarize'], '   ')).toMatchObject({ code: 2 });
  });

  it('keeps the batch contract: one line out per line in, same order, bad lines as errors', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'One. Two. Three. Four.', sentences: 2 }),
      '{not json',
      JSON.stringify({ id: 'c', sentences: 1 }),
      JSON.stringify({ id: 'd', text: '' }),
      JSON.stringify({ id: 7, text: 'Only sentence here.' }),
    ].join('\n');
    const r = await briefer(['summarize', '--jsonl'], input);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 'd', 7]);
    expect(out[0].summary).toHaveLength(2);
    expect(out[1].error).toMatch(/not valid JSON/);
    expect(out[2].error).toMatch(/text/);
    expect(out[3].summary).toEqual([]);
    expect(out[4].summary).toEqual(['Only sentence here.']);
  });

  it('clusters a news day: one {"id","story"} per line, same order, equal story = one story; bad lines as errors', async () => {
    const input = [
      JSON.stringify({ id: '1', title: 'Kestria central bank cuts rate by half a point', source: 'A' }),
      'not json',
      JSON.stringify({ id: 2, title: 'Kestria central bank lowers rate by 50 basis points', source: 'B' }),
      JSON.stringify({ id: '3', title: '' }),
      JSON.stringify({ id: '4', title: 'Striker scores twice in derby', source: 'C' }),
    ].join('\n');
    const r = await briefer(['cluster'], input);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['1', null, '2', '3', '4']);
    expect(out[0].story).toBe(out[2].story);
    expect(out[4].story).not.toBe(out[0].story);
    expect(out[1].error).toBe('not JSON');
    expect(out[3].error).toMatch(/title/);
  });

  it('categorizes one JSON line per headline, same order, including blank lines', async () => {
    const r = await briefer(
      ['categorize'],
      'Stocks slide as tech rout deepens\n\nStriker scores twice in cup final\n',
    );
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ headline: 'Stocks slide as tech rout deepens' });
    expect(out[2].category).toBe('sports');
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['headline', 'category', 'confidence', 'scores']);
      const sum = Object.values(o.scores as Record<string, number>).reduce((a, n) => a + n, 0);
      expect(sum).toBeCloseTo(1, 2);
    }
  });

  it('categorizes JSONL items by title and summary: one line out per line in, bad lines as errors', async () => {
    const input = [
      JSON.stringify({ id: 'a', title: 'Striker scores twice in cup final' }),
      JSON.stringify({
        id: 2,
        title: 'What happens next',
        summary: 'The central bank raised interest rates to fight inflation.',
      }),
      '{broken',
      JSON.stringify({ id: 'c' }),
      '',
      JSON.stringify({ id: 'd', title: 'Hospitals brace for flu season', summary: 42 }),
    ].join('\n');
    const r = await briefer(['categorize', '--jsonl'], input);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 2, null, 'c', 'd']);
    expect(out[0]).toMatchObject({ id: 'a', category: 'sports' });
    expect(Object.keys(out[0])).toEqual(['id', 'category', 'confidence', 'scores']);
    // The summary is evidence: a vague title with an economic summary is economy.
    expect(out[1].category).toBe('economy');
    expect(out[2].error).toMatch(/not valid JSON/);
    expect(out[3].error).toMatch(/title/);
    expect(out[4].error).toMatch(/summary/);
    const sum = Object.values(out[0].scores as Record<string, number>).reduce((a: number, n) => a + n, 0);
    expect(sum).toBeCloseTo(1, 2);
  });

  it('prints help', async () => {
    const r = await briefer(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/briefer summarize --jsonl/);
  });

  it('runs as a real process through the compiled bin: exit status, stdout and stderr apart', () => {
    const bin = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/briefer.mjs'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      });
    const ok = bin(['headlines', '--format', 'json']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).headlines.length).toBeGreaterThan(0);
    const bad = bin(['brief', '--sentences', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('briefer: --sentences must be a whole number from 1 to 20, not "lots"\n');
  });

  it('exits on its own after reading a live feed (the feed-parsing worker does not hold the process)', async () => {
    const server = await startNewsServer({
      '/feed.rss': {
        body: rssFeed({
          title: 'Loopback News',
          items: [
            {
              title: 'Council approves the new river bridge',
              link: '{{base}}/a',
              description: 'Work starts in May.',
            },
            { title: 'Storm brings flooding to the coast', link: '{{base}}/b', description: 'Roads closed.' },
          ],
        }),
      },
    });
    try {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/briefer.mjs'), 'headlines', '--source', server.url('/feed.rss')],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      // A process that hangs after printing never gets here (the suite's hang guard fails the test).
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(stdout).toMatch(/river bridge|flooding/);
    } finally {
      await server.close();
    }
  });
});
