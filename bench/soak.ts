/**
 * Memory under churn: 600 refreshes (BRIEFER_SOAK_ROUNDS) of one feed on a loopback server, each with
 * 300 new items and a new ~400 kB lead article, the clock moving 15 minutes per refresh as a running
 * bot's would. After each refresh a briefing is built and rendered for Slack and Discord (through the
 * render cache). Reports RSS and heap as it goes: a bounded process levels off, a leak keeps climbing.
 *
 * Briefer runs in its own process (bench/soak-bot.mjs, the compiled build, with the node flags `npm
 * start` uses), so the figures are the bot's alone; this process serves the news and moves the clock.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../bin/node-flags.mjs';
import { build, isBuildFresh } from '../scripts/build.mjs';
import { escapeXml, rssFeed } from '../tests/fakes/news/build-feed.ts';
import { startNewsServer } from '../tests/fakes/news-server.ts';

const ROUNDS = Number(process.env.BRIEFER_SOAK_ROUNDS ?? 600);
const ITEMS = 300;
const ARTICLE_BYTES = 400 * 1024;
const STEP_MS = 15 * 60_000;
const REPORT_EVERY = Math.max(1, Math.round(ROUNDS / 6));
const BOT = fileURLToPath(new URL('./soak-bot.mjs', import.meta.url));

const WORDS =
  'harbour council river festival budget rail ferry school museum orchard bridge storm market clinic league station vote tariff drought library factory port airport vaccine court mayor strike wind solar tide forest pension housing wages bakery theatre stadium glacier satellite telescope election senate reform merger charity harvest flood canal tunnel castle'.split(
    ' ',
  );

const word = (n: number) => WORDS[n % WORDS.length] as string;

/** A headline unique to (round, i), from ordinary words, so clustering sees realistic text. */
function headline(round: number, i: number): string {
  return `${word(round * 7 + i)} ${word(round + i * 3)} ${word(i * 11 + 5)} plan ${round}-${i} in ${word(i + round * 13)}`;
}

/** A long article page about the headline (≈ ARTICLE_BYTES), different every round. */
function article(title: string, round: number): string {
  const paragraph = (k: number) =>
    `<p>${escapeXml(`${title}: officials said on day ${round} that the ${word(k)} and the ${word(k + 5)} would change, part ${k} of the report, as residents of ${word(k + 9)} asked questions about costs, timing and the ${word(k + 17)}.`)}</p>`;
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < ARTICLE_BYTES; k++) {
    const p = paragraph(k);
    parts.push(p);
    size += p.length;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><article><h1>${escapeXml(title)}</h1>${parts.join('\n')}</article></body></html>`;
}

type Message =
  | { type: 'hello' }
  | { type: 'round'; round: number; now: string }
  | { type: 'row'; row: Record<string, string | number> }
  | { type: 'done' };

export async function benchSoak(): Promise<Array<Record<string, string | number>>> {
  if (!isBuildFresh()) await build();
  let round = 0;
  let now = new Date('2026-11-24T12:00:00Z');
  const server = await startNewsServer();
  server.set('/feed.rss', {
    handler: (_req, res) => {
      const items = Array.from({ length: ITEMS }, (_, i) => ({
        title: headline(round, i),
        link: server.url(`/article/${round}/${i}`),
        guid: `r${round}-i${i}`,
        date: new Date(now.getTime() - i * 1000),
        description: `${headline(round, i)} — a short description of ${word(i)} and ${word(i + 1)}.`,
      }));
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rssFeed({ title: 'Soak Wire', items }));
    },
  });
  const articleRoute = {
    handler: (req: { url?: string }, res: import('node:http').ServerResponse) => {
      const [, , r, i] = (req.url ?? '').split('/');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(article(headline(Number(r), Number(i)), Number(r)));
    },
  };

  const rows: Array<Record<string, string | number>> = [];
  const child: ChildProcess = spawn(process.execPath, [...NODE_FLAGS, '--expose-gc', BOT], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`the bot process exited (${code}) before the soak ended`)),
      );
      child.on('message', (message: Message) => {
        if (message.type === 'hello')
          child.send({
            feedUrl: server.url('/feed.rss'),
            rounds: ROUNDS,
            reportEvery: REPORT_EVERY,
            start: now.toISOString(),
            stepMs: STEP_MS,
          });
        else if (message.type === 'round') {
          round = message.round;
          now = new Date(message.now);
          // The stories tried for the lead (three at most) have pages.
          for (let i = 0; i < 3; i++) server.set(`/article/${round}/${i}`, articleRoute);
          child.send({ ready: true });
        } else if (message.type === 'row')
          rows.push({ ...message.row, load_1m: loadavg()[0]?.toFixed(2) ?? '' });
        else resolve();
      });
    });
  } finally {
    child.kill();
    await server.close();
  }
  return rows;
}

// `npx tsx bench/soak.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchSoak());
