/**
 * HTTP interactions mode: Discord POSTs each interaction to `/interactions` instead of using the
 * gateway. Every request's Ed25519 signature is checked (401 otherwise, stale timestamps too), PING
 * is answered with PONG, and commands go through the same handler as the gateway.
 *
 * `createInteractionsHandler` is a plain Node request handler, so it can be mounted in another
 * server; `startHttpInteractions` runs it on its own port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import type { App } from '../../app.ts';
import { errorReply } from '../../commands/dispatch.ts';
import { ConfigError } from '../../core/errors.ts';
import type { Logger } from '../../log.ts';
import { EPHEMERAL_FLAG, renderDiscordMessages } from '../../render/discord.ts';
import type { ReplayGuard } from '../../store/shared-state.ts';
import { firstDelivery } from '../first-delivery.ts';
import { limitServer, listen, listenerLimits, serverOptions } from '../http-limits.ts';
import { LoadGauge } from '../load-gauge.ts';
import { serveOps } from '../ops-endpoints.ts';
import type { Running } from '../running.ts';
import { fromApi, InteractionType, isApiInteraction } from './api-interaction.ts';
import { handleInteraction } from './handle-interaction.ts';
import { CallbackType, HttpResponder, sendJson } from './http-responder.ts';
import { loggableError } from './log-safe.ts';
import { logRateLimits, restOptions } from './rest.ts';
import { checkSignature, MAX_SIGNATURE_AGE_MS, publicKeyFromHex } from './verify-signature.ts';

/** Discord's interaction payloads are small; anything near this is not from Discord. */
const MAX_BODY_BYTES = 256 * 1024;

export interface InteractionsHandlerOptions {
  /** The application's public key (64 hex), from the Developer Portal. */
  publicKey: string;
  /** For edits and follow-ups after the first response. */
  rest: REST;
  deferAfterMs?: number;
  /** Interactions in progress from which a command not answered at once is deferred at once (default 8;
   * Infinity: never busy, nor on a stalled event loop — for tests that must take one path). */
  busyAt?: number;
  /** Where Discord posts (default `/interactions`). */
  path?: string;
  /** For tests of stale timestamps. */
  now?: () => number;
  /** Scrubbed from logs. */
  secrets?: ReadonlyArray<string | undefined>;
}

export interface InteractionsHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Settles when every interaction in progress (deferred edits included) has finished. */
  idle(): Promise<void>;
}

class BodyTooLarge extends Error {}
class RequestAborted extends Error {}

/**
 * The body, up to `max` bytes. Past the cap (or a Content-Length over it) it rejects with BodyTooLarge
 * and keeps discarding what arrives, so the 413 reaches the client before the connection closes;
 * the listener's request timeout ends a client that never stops sending.
 */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new RequestAborted()));
    req.on('aborted', () => reject(new RequestAborted()));
  });
}

export function createInteractionsHandler(
  app: App,
  options: InteractionsHandlerOptions,
): InteractionsHandler {
  const key = publicKeyFromHex(options.publicKey);
  const path = options.path ?? '/interactions';
  const now = options.now ?? Date.now;
  const log = app.logger.child({ platform: 'discord', transport: 'http' });
  const deps = {
    app,
    logger: log,
    deferAfterMs: options.deferAfterMs,
    secrets: options.secrets,
    renderCache: app.renderCache,
    load: new LoadGauge(options.busyAt),
  };
  const inFlight = new Set<Promise<void>>();

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== path) return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'POST' });

    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        log.warn({ limit: MAX_BODY_BYTES }, 'rejected an interaction request: body too large');
        // The rest of the body is read and dropped (the request timeout bounds it), so the client,
        // still sending, gets this answer instead of a reset connection.
        return sendJson(res, 413, { error: 'payload too large' });
      }
      if (error instanceof RequestAborted) {
        // The client went away mid-body: nothing to answer, nothing to debug.
        log.debug('interaction request aborted by the client');
        return;
      }
      throw error;
    }
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const problem = checkSignature(
      key,
      { signature: header('x-signature-ed25519'), timestamp: header('x-signature-timestamp') },
      body,
      now(),
    );
    if (problem) {
      log.warn({ problem }, 'rejected an interaction request: bad signature');
      return sendJson(res, 401, { error: 'invalid request signature' });
    }

    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    if (!isApiInteraction(json)) return sendJson(res, 400, { error: 'not an interaction' });
    if (json.type === InteractionType.Ping) return sendJson(res, 200, { type: CallbackType.Pong });

    // A signed request stays valid for MAX_SIGNATURE_AGE_MS; within that, one captured and sent again
    // would run again (`/digest on` twice). Discord never sends one interaction twice, so a repeated
    // interaction id is a replay: refused, and nothing runs.
    if (!(await firstInteraction(app.replayGuard, json.id, log)))
      return sendJson(res, 409, { error: 'interaction already handled' });

    const incoming = fromApi(json);
    if (!incoming) {
      const [payload] = renderDiscordMessages(
        errorReply('Briefer does not handle this kind of interaction.'),
        app.taxonomy,
      );
      return sendJson(res, 200, { type: CallbackType.Message, data: { ...payload, flags: EPHEMERAL_FLAG } });
    }

    const responder = new HttpResponder(res, options.rest, json);
    const work = handleInteraction(deps, incoming, responder);
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    await Promise.race([responder.answered, work]);
    // handleInteraction always answers or reports; if it somehow did neither, Discord gets a clear failure.
    if (!responder.hasAnswered) sendJson(res, 500, { error: 'no response' });
  }

  const handler = ((req, res) => {
    serve(req, res).catch((error) => {
      log.error({ err: loggableError(error, options.secrets) }, 'interaction request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  }) as InteractionsHandler;
  handler.idle = async () => {
    await Promise.allSettled([...inFlight]);
  };
  return handler;
}

/**
 * How long an interaction id is remembered. A timestamp is accepted up to MAX_SIGNATURE_AGE_MS either
 * side of this server's clock, so a request first seen while its timestamp is minutes ahead (Discord's
 * clock ahead of ours) stays acceptable for up to twice that: remembering it for only one window let a
 * replay through once the id was forgotten but the signature was still fresh.
 */
export const INTERACTION_ID_TTL_MS = 2 * MAX_SIGNATURE_AGE_MS;

async function firstInteraction(guard: ReplayGuard, id: string, log: Logger): Promise<boolean> {
  if (await firstDelivery(guard, `discord:${id}`, INTERACTION_ID_TTL_MS, log)) return true;
  log.warn({ interaction: id }, 'ignored a replayed interaction (id already seen)');
  return false;
}

export interface RunningHttpInteractions extends Running {
  /** e.g. http://127.0.0.1:3001/interactions */
  url: string;
  port: number;
}

export interface HttpInteractionsOptions {
  /** Default: DISCORD_HTTP_PORT, else PORT + 1 (0 = any free port). */
  port?: number;
  host?: string;
  deferAfterMs?: number;
  busyAt?: number;
}

export async function startHttpInteractions(
  app: App,
  options: HttpInteractionsOptions = {},
): Promise<RunningHttpInteractions> {
  const { env } = app.config;
  if (!env.DISCORD_PUBLIC_KEY) throw new ConfigError('DISCORD_PUBLIC_KEY: required for HTTP interactions');
  const rest = new REST(restOptions(app.config));
  if (env.DISCORD_TOKEN) rest.setToken(env.DISCORD_TOKEN);
  logRateLimits(rest, app.logger.child({ platform: 'discord', transport: 'http' }));
  const handler = createInteractionsHandler(app, {
    publicKey: env.DISCORD_PUBLIC_KEY,
    rest,
    deferAfterMs: options.deferAfterMs,
    busyAt: options.busyAt,
    secrets: [env.DISCORD_TOKEN],
  });
  let stopping = false;
  const ops = {
    frontEnd: () => ({ ok: !stopping, platform: 'discord', mode: 'http' }),
    store: app.store,
    metrics: app.metrics,
  };
  // /health and /metrics beside /interactions, for the load balancer and Prometheus.
  const limits = listenerLimits(env);
  const server = createServer(serverOptions(limits), (req, res) => {
    if (!serveOps(ops, req, res)) handler(req, res);
  });
  limitServer(server, app.logger.child({ platform: 'discord', transport: 'http' }), limits);
  const port = options.port ?? env.DISCORD_HTTP_PORT ?? defaultInteractionsPort(env.PORT);
  const host = options.host ?? env.HOST;
  await listen(server, port, host, env.DISCORD_HTTP_PORT === undefined ? 'PORT' : 'DISCORD_HTTP_PORT');
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${bound}/interactions`;
  app.logger.info(
    { platform: 'discord', transport: 'http', url, port: bound },
    'discord http interactions listening',
  );

  return {
    name: 'discord-http',
    url,
    port: bound,
    async stop() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Let deferred answers finish their edits before the REST client goes.
      await handler.idle();
      await closed;
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

/** Beside Slack's PORT: the next port up (the one below at the top of the range); any free one for PORT=0. */
export function defaultInteractionsPort(port: number): number {
  if (port === 0) return 0;
  return port < 65535 ? port + 1 : port - 1;
}
