/**
 * Gateway mode: a discord.js client with only the Guilds intent (no privileged intents), answering
 * slash commands, autocomplete and pagination buttons. discord.js resumes after a disconnect and
 * waits out REST 429s; both are logged.
 */
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import type { App } from '../../app.ts';
import type { Env } from '../../config.ts';
import { BrieferError } from '../../core/errors.ts';
import { InFlight } from '../in-flight.ts';
import { LoadGauge } from '../load-gauge.ts';
import type { Running } from '../running.ts';
import { discordJsResponder, fromDiscordJs, isSupported } from './gateway-interaction.ts';
import { handleInteraction } from './handle-interaction.ts';
import { loggableError, scrubText } from './log-safe.ts';
import { logRateLimits, restOptions } from './rest.ts';

export interface GatewayOptions {
  /** Answer directly when a command takes less; defer otherwise (default 1,200 ms). */
  deferAfterMs?: number;
  /** Interactions in progress from which a command not answered at once is deferred at once (default 8;
   * Infinity: never busy, nor on a stalled event loop — for tests that must take one path). */
  busyAt?: number;
}

export interface RunningGateway extends Running {
  client: Client;
}

export async function startGateway(app: App, options: GatewayOptions = {}): Promise<RunningGateway> {
  const token = app.config.env.DISCORD_TOKEN;
  if (!token) throw new BrieferError('CONFIG_INVALID', 'DISCORD_TOKEN: required for the Discord gateway');
  const secrets = [token];
  const log = app.logger.child({ platform: 'discord', transport: 'gateway' });

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Belt and braces: every payload also carries its own `allowed_mentions: { parse: [] }`.
    allowedMentions: { parse: [] },
    rest: restOptions(app.config),
    ...shardOptions(app.config.env.DISCORD_SHARDS),
  });

  client.on(Events.ClientReady, (c) => {
    log.info(
      { user: c.user.tag, application: c.application.id, guilds: c.guilds.cache.size },
      'discord gateway ready',
    );
  });
  let stopping = false;
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ shard, code: event.code }, 'discord gateway closed'),
  );
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) log.warn({ shard }, 'discord gateway connection lost; reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info({ shard, replayed }, 'discord gateway resumed'),
  );
  client.on(Events.ShardError, (error, shard) =>
    log.error({ shard, err: loggableError(error, secrets) }, 'discord gateway error'),
  );
  client.on(Events.Error, (error) =>
    log.error({ err: loggableError(error, secrets) }, 'discord client error'),
  );
  client.on(Events.Warn, (message) =>
    log.warn({ detail: scrubText(message, secrets) }, 'discord client warning'),
  );
  client.on(Events.Debug, (message) => log.trace({ detail: scrubText(message, secrets) }, 'discord debug'));
  logRateLimits(client.rest, log);

  const deps = {
    app,
    logger: log,
    deferAfterMs: options.deferAfterMs,
    secrets,
    renderCache: app.renderCache,
    load: new LoadGauge(options.busyAt),
  };
  // Interactions being answered; stopping waits for them before the client (and its REST) goes.
  const inFlight = new InFlight();
  client.on(Events.InteractionCreate, (interaction) => {
    if (!isSupported(interaction)) return;
    // handleInteraction never throws; the catch is for a bug in the adapter itself.
    void inFlight
      .run(() => handleInteraction(deps, fromDiscordJs(interaction), discordJsResponder(interaction)))
      .catch((error) =>
        log.error({ err: loggableError(error, secrets) }, 'discord interaction handler crashed'),
      );
  });

  try {
    await client.login(token);
  } catch (error) {
    await client.destroy().catch(() => {});
    const reason = scrubText(error instanceof Error ? error.message : String(error), secrets);
    throw new BrieferError('PLATFORM_ERROR', `Discord: could not connect to the gateway: ${reason}`, {
      cause: error,
    });
  }

  return {
    name: 'discord-gateway',
    client,
    async stop() {
      stopping = true;
      if (inFlight.size) log.info({ interactions: inFlight.size }, 'finishing interactions in flight');
      if (!(await inFlight.drain()))
        log.warn({ interactions: inFlight.size }, 'gave up on interactions in flight');
      await client.destroy();
      log.info('discord gateway stopped');
    },
  };
}

/**
 * discord.js internal sharding: one gateway connection per shard, all in this process, or only this
 * instance's share when DISCORD_SHARDS names them (`0,1/4`), so several instances split the guilds.
 */
export function shardOptions(shards: Env['DISCORD_SHARDS']): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (!shards) return {};
  if (shards.count === 'auto') return { shards: 'auto' };
  return {
    shards: shards.ids ?? Array.from({ length: shards.count }, (_, i) => i),
    shardCount: shards.count,
  };
}
