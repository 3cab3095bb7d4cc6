/**
 * Limits every HTTP listener of Briefer gets (Slack's receiver, Discord's interactions endpoint, the
 * Socket Mode /health server), so stalled or abusive clients cannot hold connections forever:
 * deadlines for the headers and the whole request, a short keep-alive, and a cap on open connections.
 * Malformed or aborted requests are answered (400/408/431) and logged once, at debug, without a stack.
 */
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Env } from '../config.ts';
import { BrieferError } from '../core/errors.ts';
import type { Logger } from '../log.ts';

export interface ListenerLimits {
  /** The request line and headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are refused until some close. */
  maxConnections: number;
}

const KEEP_ALIVE_MS = 5_000;

export const DEFAULT_LISTENER_LIMITS: ListenerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: KEEP_ALIVE_MS,
  maxConnections: 2_000,
};

/** The limits the configuration asks for (BRIEFER_REQUEST_TIMEOUT_MS, BRIEFER_MAX_CONNECTIONS). */
export function listenerLimits(
  env: Pick<Env, 'BRIEFER_REQUEST_TIMEOUT_MS' | 'BRIEFER_MAX_CONNECTIONS'>,
): ListenerLimits {
  return {
    headersTimeoutMs: env.BRIEFER_REQUEST_TIMEOUT_MS,
    requestTimeoutMs: env.BRIEFER_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: Math.min(KEEP_ALIVE_MS, env.BRIEFER_REQUEST_TIMEOUT_MS),
    maxConnections: env.BRIEFER_MAX_CONNECTIONS,
  };
}

/** Options for `http.createServer` (or Bolt's `receiver.start(port, options)`). */
export function serverOptions(limits: ListenerLimits = DEFAULT_LISTENER_LIMITS): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two deadlines above this often (default 30 s, which would triple them).
    connectionsCheckingInterval: Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2)),
  };
}

const GONE = new Set(['ECONNRESET', 'EPIPE', 'HPE_INVALID_EOF_STATE']);

const CLIENT_ERROR_STATUS: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
};

/** Applies what `createServer` options cannot (the connection cap) and the quiet client-error handler. */
export function limitServer(
  server: Server,
  logger: Logger,
  limits: ListenerLimits = DEFAULT_LISTENER_LIMITS,
): void {
  server.maxConnections = limits.maxConnections;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const code = error.code ?? 'unknown';
    // The client went away mid-request: whoever was reading the request logs that, once.
    if (GONE.has(code) || !socket.writable) {
      socket.destroy();
      return;
    }
    // One line per bad client, no stack: these are the client's problem, and can come by the thousand.
    logger.debug({ code, reason: error.message }, 'malformed or timed-out HTTP request');
    const status = CLIENT_ERROR_STATUS[code] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
}

/**
 * Listens on host:port; a failure names the variable to fix: HOST for an address that is not this
 * machine's, `portVariable` for a port in use or not allowed.
 */
export async function listen(
  server: Server,
  port: number,
  host: string,
  portVariable = 'PORT',
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    throw listenError(error, host, port, portVariable);
  });
}

const HOST_PROBLEMS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL', 'EAI_NONAME', 'EAI_FAIL']);

export function listenError(error: unknown, host: string, port: number, portVariable = 'PORT'): BrieferError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const variable = HOST_PROBLEMS.has(code) ? 'HOST' : portVariable;
  return new BrieferError('CONFIG_INVALID', `${variable}: cannot listen on ${host}:${port} (${code})`, {
    cause: error,
  });
}
