/**
 * Starts Briefer on Slack. With SLACK_SIGNING_SECRET it serves Bolt over HTTP on PORT (Slack posts to
 * `/slack/events`; `GET /health` answers load balancers, `GET /metrics` Prometheus); with SLACK_APP_TOKEN
 * it connects out over Socket Mode instead (no public URL) and serves only `/health` and `/metrics` on PORT.
 */
import type { Server } from 'node:http';
import { App as BoltApp, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { App } from '../../app.ts';
import { BrieferError } from '../../core/errors.ts';
import { limitServer, listenError, listenerLimits, serverOptions } from '../http-limits.ts';
import { InFlight } from '../in-flight.ts';
import { portOf, startOpsServer } from '../ops-endpoints.ts';
import type { Running } from '../running.ts';
import { SlackAdmins } from './admins.ts';
import { boltLogger } from './bolt-logger.ts';
import { opsRoutes } from './health.ts';
import { registerListeners } from './listeners/index.ts';
import { replayMiddleware, signatureProperty } from './replay.ts';
import { slackApiUrl, slackClientOptions, slackSecrets } from './web-client.ts';

/** Slack's payloads are small (a button click carries its message: tens of kB); more is not Slack. */
export const SLACK_MAX_BODY_BYTES = 1024 * 1024;

/** Bolt's standard request path; the manifest points Slack at it. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackBotOptions {
  /** Listen here instead of PORT / HOST (tests use 0 and 127.0.0.1). */
  port?: number;
  host?: string;
  /** Force HTTP or Socket Mode; by default Socket Mode when SLACK_APP_TOKEN is set. */
  socketMode?: boolean;
  /** Socket Mode: reconnect when the connection drops (default true; tests turn it off). */
  autoReconnect?: boolean;
  /** Replies in flight from which a reply ready at once goes in the ack (default 8; tests use 0). */
  busyAt?: number;
}

export interface SlackBot extends Running {
  mode: 'http' | 'socket';
  /** The port the HTTP receiver (or, in Socket Mode, the health server) listens on. */
  port: number;
  bolt: BoltApp;
  /** Resolves when every reply already acked has been delivered (tests, benchmarks, shutdown). */
  settled(): Promise<void>;
}

/** What `src/main.ts` calls when SLACK_BOT_TOKEN is set. */
export async function startSlack(app: App): Promise<Running[]> {
  return [await startSlackBot(app)];
}

export async function startSlackBot(app: App, options: SlackBotOptions = {}): Promise<SlackBot> {
  const { env } = app.config;
  const token = env.SLACK_BOT_TOKEN;
  if (!token) throw new BrieferError('CONFIG_INVALID', 'SLACK_BOT_TOKEN: required to start on Slack');
  const socketMode = options.socketMode ?? app.config.platforms.slackSocketMode;
  const port = options.port ?? env.PORT;
  const host = options.host ?? env.HOST;
  const secrets = slackSecrets(env);
  const log = boltLogger(app.logger, secrets, 'slack');
  const clientOptions = () => slackClientOptions(env, log);
  const limits = listenerLimits(env);

  const appToken = env.SLACK_APP_TOKEN ?? '';
  const signingSecret = env.SLACK_SIGNING_SECRET ?? '';
  if (socketMode && !appToken.startsWith('xapp-')) {
    // Slack answers a bot token here with an error the client retries forever; say it now instead.
    throw new BrieferError(
      'CONFIG_INVALID',
      'SLACK_APP_TOKEN: expected an app-level token (xapp-…) with the connections:write scope',
    );
  }
  if (!socketMode && !signingSecret) {
    throw new BrieferError(
      'CONFIG_INVALID',
      'SLACK_SIGNING_SECRET: required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }

  // Checking the token first turns a wrong token into one clear start-up error, and gives Bolt the
  // bot's ids so no command waits for auth.test.
  const { botId, botUserId } = await whoAmI(token, clientOptions(), slackApiUrl(env));
  const inFlight = new InFlight();
  let connected = !socketMode;
  const ops = {
    frontEnd: () => ({ ok: connected, platform: 'slack', mode: socketMode ? 'socket' : 'http' }),
    store: app.store,
    metrics: app.metrics,
  };

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (socketMode) {
    receiver = new SocketModeReceiver({
      appToken,
      logger: log,
      autoReconnectEnabled: options.autoReconnect ?? true,
      // apps.connections.open goes to the same (possibly GovSlack) API base; retries are the client's own.
      installerOptions: { clientOptions: { ...clientOptions(), retryConfig: undefined } },
    });
    const client = receiver.client;
    client.on('connected', () => {
      connected = true;
    });
    for (const state of ['disconnected', 'reconnecting']) {
      client.on(state, () => {
        connected = false;
      });
    }
  } else {
    receiver = new HTTPReceiver({
      signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      customRoutes: opsRoutes(ops),
      logger: log,
      // Ack first, work after: the HTTP response goes out the moment ack() is called.
      processBeforeResponse: false,
      bodyLimit: SLACK_MAX_BODY_BYTES,
      // The verified signature, for the replay guard.
      customPropertiesExtractor: signatureProperty,
    });
  }

  const bolt = new BoltApp({
    token,
    botId,
    botUserId,
    receiver,
    logger: log,
    clientOptions: clientOptions(),
    convoStore: false,
  });
  bolt.use(replayMiddleware(app.replayGuard, app.logger.child({ platform: 'slack' })));
  registerListeners(bolt, {
    app,
    inFlight,
    admins: new SlackAdmins(env.SLACK_DIGEST_ADMINS),
    ...(options.busyAt === undefined ? {} : { busyAt: options.busyAt }),
  });

  let server: Server;
  if (receiver instanceof HTTPReceiver) {
    server = await receiver.start({ port, host }, serverOptions(limits)).catch((error: unknown) => {
      throw listenError(error, host, port);
    });
    limitServer(server, app.logger.child({ platform: 'slack' }), limits);
  } else {
    try {
      await receiver.start();
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      throw new BrieferError(
        'PLATFORM_ERROR',
        `Slack refused the Socket Mode connection${code ? ` (${code})` : ''}; check SLACK_APP_TOKEN (an app-level token, xapp-…, with connections:write) and that Socket Mode is enabled for the app`,
        { cause: error },
      );
    }
    server = await startOpsServer(ops, { port, host, limits }, app.logger.child({ platform: 'slack' })).catch(
      async (error: unknown) => {
        await receiver.client.disconnect();
        throw error;
      },
    );
  }
  const boundPort = portOf(server);
  const mode = socketMode ? 'socket' : 'http';
  app.logger.info(
    { platform: 'slack', mode, port: boundPort, host, api: slackApiUrl(env) },
    socketMode ? 'slack connected over Socket Mode' : `slack listening for ${SLACK_EVENTS_PATH}`,
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      connected = false;
      if (receiver instanceof SocketModeReceiver) {
        await receiver.client.disconnect();
        await closeServer(server);
      } else {
        const closing = receiver.stop().catch(() => {});
        // Keep-alive connections from Slack's proxies would otherwise hold close() open.
        server.closeIdleConnections();
        await closing;
      }
      // Replies already acked are still delivered.
      if (inFlight.size)
        app.logger.info({ platform: 'slack', replies: inFlight.size }, 'finishing replies in flight');
      if (!(await inFlight.drain()))
        app.logger.warn({ platform: 'slack', replies: inFlight.size }, 'gave up on replies still in flight');
    })();
    return stopping;
  };

  return {
    name: `slack (${mode}, port ${boundPort})`,
    mode,
    port: boundPort,
    bolt,
    stop,
    settled: async () => {
      await inFlight.drain();
    },
  };
}

async function whoAmI(
  token: string,
  options: webApi.WebClientOptions,
  apiUrl: string,
): Promise<{ botId?: string; botUserId?: string }> {
  try {
    const auth = await new webApi.WebClient(token, options).auth.test();
    return { botId: auth.bot_id, botUserId: auth.user_id };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    const message = code
      ? `Slack rejected SLACK_BOT_TOKEN (${code}); use the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page`
      : `cannot reach Slack at ${apiUrl} (${(error as Error).message})`;
    throw new BrieferError('PLATFORM_ERROR', message, { cause: error });
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
