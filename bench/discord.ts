/**
 * Discord on loopback: time from the fake Discord sending INTERACTION_CREATE on the gateway to it
 * recording the bot's reply (the interaction callback), and, for HTTP interactions, from the signed
 * POST to its response. The real discord.js client, Briefer's real pipeline, the fake Discord.
 * Sequential interactions (one user typing), after a warm-up; median and p99 over INTERACTIONS each.
 */

import type { RunningHttpInteractions } from '../src/adapters/discord/http-interactions.ts';
import { startDiscord } from '../src/adapters/discord/start.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { News } from '../src/core/schemas.ts';
import { createLogger } from '../src/log.ts';
import { type FakeDiscord, startFakeDiscord } from '../tests/fakes/discord/fake-discord.ts';
import type { ApiInteraction } from '../tests/fakes/discord/interactions.ts';
import { bigNews, smallNews, staticSource } from '../tests/fakes/discord/news.ts';
import { generateSigningKeys, signatureHeaders } from '../tests/fakes/discord/signing.ts';
import { percentile as nearestRank } from './table.ts';

const INTERACTIONS = 250;
const WARM_UP = 25;

/** Nearest-rank percentile, in ms with two decimals. */
const percentile = (sorted: number[], p: number): number => Number(nearestRank(sorted, p).toFixed(2));

function row(label: string, xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    case: `discord ${label}`,
    interactions: sorted.length,
    median_ms: percentile(sorted, 50),
    p99_ms: percentile(sorted, 99),
    max_ms: Number((sorted.at(-1) ?? 0).toFixed(2)),
  };
}

async function withBot<T>(
  news: News,
  run: (
    fake: FakeDiscord,
    http: RunningHttpInteractions,
    key: ReturnType<typeof generateSigningKeys>,
  ) => Promise<T>,
): Promise<T> {
  const fake = await startFakeDiscord();
  const keys = generateSigningKeys();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    HOST: '127.0.0.1',
  });
  const app = createApp(config, { source: staticSource(news, 'bench news'), logger: createLogger('silent') });
  const running = await startDiscord(app, { httpPort: 0 });
  try {
    await fake.waitForGateway();
    const http = running.find((r) => r.name === 'discord-http') as RunningHttpInteractions;
    return await run(fake, http, keys);
  } finally {
    await Promise.allSettled(running.map((r) => r.stop()));
    await fake.close();
  }
}

/** INTERACTION_CREATE sent → callback recorded by the fake. */
async function gateway(fake: FakeDiscord, make: () => ApiInteraction): Promise<number[]> {
  const xs: number[] = [];
  for (let n = 0; n < WARM_UP + INTERACTIONS; n++) {
    const i = await fake.dispatchInteraction(make());
    const answer = await fake.waitForAnswer(i);
    const callback = answer.requests[0];
    if (!callback || callback.status >= 300 || answer.callbackType === 5)
      throw new Error(`interaction ${n}: no direct reply`);
    if (n >= WARM_UP) xs.push(callback.at - i.sentAt);
  }
  return xs;
}

/** Signed POST sent → HTTP response received. */
async function http(
  fake: FakeDiscord,
  url: string,
  keys: ReturnType<typeof generateSigningKeys>,
): Promise<number[]> {
  const xs: number[] = [];
  for (let n = 0; n < WARM_UP + INTERACTIONS; n++) {
    const body = JSON.stringify(fake.command('brief'));
    const headers = { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) };
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    const json = (await res.json()) as { type: number };
    const done = performance.now();
    if (res.status !== 200 || json.type !== 4)
      throw new Error(`interaction ${n}: ${res.status} type ${json.type}`);
    if (n >= WARM_UP) xs.push(done - started);
  }
  return xs;
}

export async function benchDiscord(): Promise<Array<Record<string, string | number>>> {
  const rows: Array<Record<string, string | number>> = [];
  await withBot(smallNews(), async (fake, server, keys) => {
    rows.push(
      row(
        'gateway /brief, 4 headlines: INTERACTION_CREATE → reply',
        await gateway(fake, () => fake.command('brief')),
      ),
    );
    rows.push(
      row(
        'gateway autocomplete: INTERACTION_CREATE → choices',
        await gateway(fake, () => fake.autocomplete('headlines', 'category', 'ma')),
      ),
    );
    rows.push(row('http /brief, 4 headlines: POST → response', await http(fake, server.url, keys)));
  });
  await withBot(bigNews(), async (fake) => {
    rows.push(
      row(
        'gateway /brief, 200 headlines: INTERACTION_CREATE → reply',
        await gateway(fake, () => fake.command('brief')),
      ),
    );
  });
  return rows;
}

// `npx tsx bench/discord.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchDiscord());
