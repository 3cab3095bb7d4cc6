/**
 * Load on 2 cores: N requests in flight at once, per platform, over loopback. Slack: N signed `/brief`
 * commands → each ack (Slack's 3 s deadline) and each reply delivered to its response_url. Discord HTTP
 * interactions: N signed `/brief` POSTs → each first response (a message, or a deferral) and the share
 * that was deferred. The bot, the fakes and the load generator share one process, so the figures are
 * pessimistic. Bounded: N ≤ 1,000 per round, one round per size.
 */
import { Agent, fetch } from 'undici';
import type { RunningHttpInteractions } from '../src/adapters/discord/http-interactions.ts';
import { startDiscord } from '../src/adapters/discord/start.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { SIGNING_SECRET, startSlackHarness } from '../tests/e2e/slack/harness.ts';
import { startFakeDiscord } from '../tests/fakes/discord/fake-discord.ts';
import { bigNews, staticSource } from '../tests/fakes/discord/news.ts';
import { signatureHeaders as discordHeaders, generateSigningKeys } from '../tests/fakes/discord/signing.ts';
import { makeNews } from '../tests/fakes/slack/news.ts';
import { signatureHeaders, slashCommandBody } from '../tests/fakes/slack/signed-request.ts';
import { percentile as nearestRank } from './table.ts';

const SIZES = (process.env.BRIEFER_LOAD_SIZES ?? '200,1000').split(',').map(Number);
const HEADLINES = 60;
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

async function slack(): Promise<Array<Record<string, string | number>>> {
  const rows: Array<Record<string, string | number>> = [];
  const h = await startSlackHarness({
    news: makeNews({ headlines: HEADLINES }),
    logLevel: 'warn',
    env: { BRIEFER_MAX_CONNECTIONS: '5000' },
  });
  try {
    const url = `${h.baseUrl}/slack/events`;
    const one = async () => {
      const responseUrl = h.responses.url();
      const body = slashCommandBody({ command: '/brief', response_url: responseUrl });
      const started = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: signatureHeaders(SIGNING_SECRET, body),
        body,
        dispatcher: client,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`ack ${res.status}`);
      return { started, ack: performance.now() - started, id: responseUrl.split('/').at(-1) as string };
    };
    await Promise.all(Array.from({ length: 20 }, one)); // warm-up
    await h.bot.settled();
    for (const n of SIZES) {
      const results = await Promise.all(Array.from({ length: n }, one));
      await h.bot.settled();
      const delivered = results.map((r) => {
        const posts = h.responses.postsTo(r.id);
        if (!posts.length) throw new Error('a reply was not delivered');
        return Math.max(...posts.map((p) => p.at)) - r.started;
      });
      rows.push(
        row(
          'slack /brief: ack',
          n,
          results.map((r) => r.ack),
        ),
      );
      rows.push(row('slack /brief: reply delivered', n, delivered));
    }
  } finally {
    await h.close();
  }
  return rows;
}

async function discord(): Promise<Array<Record<string, string | number>>> {
  const rows: Array<Record<string, string | number>> = [];
  const fake = await startFakeDiscord();
  const keys = generateSigningKeys();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    HOST: '127.0.0.1',
    BRIEFER_MAX_CONNECTIONS: '5000',
  });
  const app = createApp(config, {
    source: staticSource(bigNews(), 'bench news'),
    logger: createLogger('silent'),
  });
  const running = await startDiscord(app, { httpPort: 0 });
  const http = running.find((r) => r.name === 'discord-http') as RunningHttpInteractions;
  try {
    const one = async () => {
      const body = JSON.stringify(fake.command('brief'));
      const headers = { 'content-type': 'application/json', ...discordHeaders(keys.privateKey, body) };
      const started = performance.now();
      const res = await fetch(http.url, { method: 'POST', headers, body, dispatcher: client });
      const json = (await res.json()) as { type: number };
      if (res.status !== 200) throw new Error(`interaction ${res.status}`);
      return { first: performance.now() - started, deferred: json.type === 5 };
    };
    await Promise.all(Array.from({ length: 20 }, one));
    for (const n of SIZES) {
      const results = await Promise.all(Array.from({ length: n }, one));
      rows.push(
        row(
          'discord http /brief: first response',
          n,
          results.map((r) => r.first),
          {
            deferred: results.filter((r) => r.deferred).length,
          },
        ),
      );
    }
  } finally {
    await Promise.allSettled(running.map((r) => r.stop()));
    await fake.close();
  }
  return rows;
}

export async function benchLoad(): Promise<Array<Record<string, string | number>>> {
  const rows = [...(await slack()), ...(await discord())];
  await client.close();
  return rows;
}

// `npx tsx bench/load.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchLoad());
