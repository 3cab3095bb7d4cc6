/**
 * Load on 2 cores: N requests in flight at once, per platform, over loopback. Briefer runs as its own
 * process (the compiled build with `npm start`'s node flags, bench/bot-process.ts), one per platform, as
 * deployed; this process is the load generator and the fake platform (Slack's Web API and response URLs,
 * Discord's REST). Slack: N signed `/brief` commands → each ack (Slack's 3 s deadline) and each reply
 * delivered (in the ack itself, or to its response_url). Discord HTTP interactions: N signed `/brief`
 * POSTs → each first response (a message, or a deferral). Bounded: N ≤ 1,000 per round, one round per size.
 *
 * `BRIEFER_LOAD_CPU_PROF=<dir>` writes each bot process's CPU profile there (`node --cpu-prof`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent, fetch } from 'undici';
import { build, isBuildFresh } from '../scripts/build.mjs';
import { startFakeDiscord } from '../tests/fakes/discord/fake-discord.ts';
import { bigNews } from '../tests/fakes/discord/news.ts';
import { signatureHeaders as discordHeaders, generateSigningKeys } from '../tests/fakes/discord/signing.ts';
import { startFakeSlack } from '../tests/fakes/slack/fake-slack.ts';
import { makeNews } from '../tests/fakes/slack/news.ts';
import { startFakeResponseUrls } from '../tests/fakes/slack/response-url.ts';
import { signatureHeaders, slashCommandBody } from '../tests/fakes/slack/signed-request.ts';
import { freePort } from '../tests/helpers/free-port.ts';
import { type BotProcess, cpuSeconds, rssMb, startBot, stopBot } from './bot-process.ts';
import { percentile as nearestRank } from './table.ts';

const SIZES = (process.env.BRIEFER_LOAD_SIZES ?? '200,1000').split(',').map(Number);
const PROFILE_DIR = process.env.BRIEFER_LOAD_CPU_PROF;
const SECRET = 'load-bench-signing-secret';
/** Every connection its own: N in flight means N connections, as N users' requests would be. */
const client = new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 30_000 });

const ms = (x: number) => Number(x.toFixed(1));

function row(label: string, n: number, xs: number[], extra: Record<string, string | number> = {}) {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    case: label,
    in_flight: n,
    answered: sorted.length,
    median_ms: ms(nearestRank(sorted, 50)),
    p99_ms: ms(nearestRank(sorted, 99)),
    max_ms: ms(sorted.at(-1) ?? 0),
    over_3s: sorted.filter((x) => x > 3000).length,
    ...extra,
  };
}

/** The bot's CPU and memory over one round, this process's CPU, and the machine's load when it started. */
function processStats(bot: BotProcess) {
  const cpu = cpuSeconds(bot.child.pid);
  const own = process.cpuUsage();
  const load = loadavg()[0] ?? 0;
  return () => {
    const after = cpuSeconds(bot.child.pid);
    const used = process.cpuUsage(own);
    return {
      bot_cpu_s: cpu === undefined || after === undefined ? '' : Number((after - cpu).toFixed(2)),
      // This process: the load generator and the fake platform.
      bench_cpu_s: Number(((used.user + used.system) / 1e6).toFixed(2)),
      bot_rss_mb: rssMb(bot.child.pid) ?? '',
      load_1m: `${load.toFixed(1)} (${cpus().length} cores)`,
    };
  };
}

function botOptions(dir: string, port: number, label: string) {
  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`] : [];
  return { cwd: dir, healthPort: port, label, nodeArgs };
}

async function slack(dir: string): Promise<Array<Record<string, string | number>>> {
  const rows: Array<Record<string, string | number>> = [];
  const [fake, responses, port] = await Promise.all([startFakeSlack(), startFakeResponseUrls(), freePort()]);
  const news = join(dir, 'slack-news.json');
  writeFileSync(news, JSON.stringify(makeNews({ headlines: 60 })));
  const bot = await startBot(
    {
      SLACK_BOT_TOKEN: 'xoxb-load-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BRIEFER_SOURCE: news,
      BRIEFER_DB: join(dir, 'slack.db'),
      BRIEFER_MAX_CONNECTIONS: '5000',
    },
    botOptions(dir, port, 'the Slack bot'),
  );
  try {
    const url = `${bot.origin}/slack/events`;
    // Signed before the round starts: the load generator's own work is not the bot's latency.
    const signed = (n: number) =>
      Array.from({ length: n }, () => {
        const responseUrl = responses.url();
        const body = slashCommandBody({ command: '/brief', response_url: responseUrl });
        return { responseUrl, body, headers: signatureHeaders(SECRET, body) };
      });
    const one = async ({ responseUrl, body, headers }: ReturnType<typeof signed>[number]) => {
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body, dispatcher: client });
      const text = await res.text();
      const ack = performance.now() - started;
      if (res.status !== 200) throw new Error(`ack ${res.status}`);
      // A reply in the ack itself has arrived with it.
      const inAck = text.startsWith('{') && Array.isArray((JSON.parse(text) as { blocks?: unknown }).blocks);
      return { started, ack, inAck, id: responseUrl.split('/').at(-1) as string };
    };
    const delivered = async (results: Array<Awaited<ReturnType<typeof one>>>) => {
      const times: number[] = [];
      for (const r of results) {
        if (r.inAck) {
          times.push(r.ack);
          continue;
        }
        const [post] = await responses.waitForPosts(r.id, 1, 60_000);
        times.push(Math.max(...responses.postsTo(r.id).map((p) => p.at), post?.at ?? 0) - r.started);
      }
      return times;
    };
    await delivered(await Promise.all(signed(20).map(one))); // warm-up
    for (const n of SIZES) {
      const requests = signed(n);
      const stats = processStats(bot);
      const results = await Promise.all(requests.map(one));
      const times = await delivered(results);
      const extra = stats();
      rows.push(
        row(
          'slack /brief: ack',
          n,
          results.map((r) => r.ack),
          { in_ack: results.filter((r) => r.inAck).length, ...extra },
        ),
      );
      rows.push(row('slack /brief: reply delivered', n, times));
    }
  } finally {
    await stopBot(bot);
    await Promise.all([fake.close(), responses.close()]);
  }
  return rows;
}

async function discord(dir: string): Promise<Array<Record<string, string | number>>> {
  const rows: Array<Record<string, string | number>> = [];
  const [fake, port] = await Promise.all([startFakeDiscord(), freePort()]);
  const keys = generateSigningKeys();
  const news = join(dir, 'discord-news.json');
  writeFileSync(news, JSON.stringify(bigNews()));
  const bot = await startBot(
    {
      LOG_LEVEL: 'info',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_HTTP_PORT: String(port),
      HOST: '127.0.0.1',
      BRIEFER_SOURCE: news,
      BRIEFER_DB: join(dir, 'discord.db'),
      BRIEFER_MAX_CONNECTIONS: '5000',
    },
    botOptions(dir, port, 'the Discord bot'),
  );
  try {
    const url = `${bot.origin}/interactions`;
    const signed = (n: number) =>
      Array.from({ length: n }, () => {
        const body = JSON.stringify(fake.command('brief'));
        return {
          body,
          headers: { 'content-type': 'application/json', ...discordHeaders(keys.privateKey, body) },
        };
      });
    const one = async ({ body, headers }: ReturnType<typeof signed>[number]) => {
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body, dispatcher: client });
      const json = (await res.json()) as { type: number };
      if (res.status !== 200 || (json.type !== 4 && json.type !== 5))
        throw new Error(`interaction ${res.status} type ${json.type}`);
      return { first: performance.now() - started, deferred: json.type === 5 };
    };
    await Promise.all(signed(20).map(one));
    for (const n of SIZES) {
      const requests = signed(n);
      const stats = processStats(bot);
      const results = await Promise.all(requests.map(one));
      rows.push(
        row(
          'discord http /brief: first response',
          n,
          results.map((r) => r.first),
          { deferred: results.filter((r) => r.deferred).length, ...stats() },
        ),
      );
    }
  } finally {
    await stopBot(bot);
    await fake.close();
  }
  return rows;
}

export async function benchLoad(): Promise<Array<Record<string, string | number>>> {
  if (!isBuildFresh()) await build();
  const dir = mkdtempSync(join(tmpdir(), 'briefer-load-'));
  try {
    return [...(await slack(dir)), ...(await discord(dir))];
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/load.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchLoad());
