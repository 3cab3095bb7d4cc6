/**
 * Starts the real bot (createApp + startDiscord) against a fresh fake Discord, with logs captured
 * in memory, and stops both afterwards.
 */

import type { RunningHttpInteractions } from '../../../src/adapters/discord/http-interactions.ts';
import { startDiscord } from '../../../src/adapters/discord/start.ts';
import type { Running } from '../../../src/adapters/running.ts';
import { type App, createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import type { NewsSource } from '../../../src/sources/source.ts';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { MemoryLog } from '../../fakes/discord/memory-log.ts';
import { generateSigningKeys, type SigningKeys } from '../../fakes/discord/signing.ts';

export { MemoryLog };

export interface Bot {
  fake: FakeDiscord;
  app: App;
  log: MemoryLog;
  running: Running[];
  http?: RunningHttpInteractions;
  keys: SigningKeys;
  stop(): Promise<void>;
}

export async function startBot(options: {
  source: NewsSource;
  /** Default: gateway only. */
  transports?: Array<'gateway' | 'http'>;
  deferAfterMs?: number;
  /** Default Infinity: never busy, so a test takes the same path however loaded the machine is. */
  busyAt?: number;
  /** More environment (e.g. listener limits, headline limits). */
  env?: Record<string, string>;
}): Promise<Bot> {
  const fake = await startFakeDiscord();
  const keys = generateSigningKeys();
  const transports = options.transports ?? ['gateway'];
  const config = loadConfig({
    LOG_LEVEL: 'debug',
    ...(transports.includes('gateway') ? { DISCORD_TOKEN: fake.token } : {}),
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
    ...(transports.includes('http') ? { DISCORD_PUBLIC_KEY: keys.publicKeyHex } : {}),
    HOST: '127.0.0.1',
    ...options.env,
  });
  const log = new MemoryLog();
  const app = createApp(config, { source: options.source, logger: createLogger('debug', log) });
  const bot: Bot = {
    fake,
    app,
    log,
    keys,
    running: [],
    async stop() {
      await Promise.allSettled(bot.running.map((r) => r.stop()));
      app.briefings.stop();
      await fake.close();
    },
  };
  try {
    bot.running = await startDiscord(app, {
      deferAfterMs: options.deferAfterMs,
      httpPort: 0,
      busyAt: options.busyAt ?? Number.POSITIVE_INFINITY,
    });
    bot.http = bot.running.find((r) => r.name === 'discord-http') as RunningHttpInteractions | undefined;
    if (transports.includes('gateway')) await fake.waitForGateway();
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return bot;
}
