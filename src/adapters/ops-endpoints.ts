/**
 * `GET /health` and `GET /metrics`, served by whichever HTTP server this process runs (Slack's
 * receiver, the Socket Mode health server, Discord's interactions listener, or a server of their own).
 * Health is 200 when the front end can take commands and the store answers, 503 otherwise; it says
 * nothing about the workspace or server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { type ListenerLimits, limitServer, listen, serverOptions } from './http-limits.ts';

export const HEALTH_PATH = '/health';
export const METRICS_PATH = '/metrics';

/** The store answers or throws (`select 1`); the health check gives it this long. */
const STORE_PING_TIMEOUT_MS = 2_000;

export interface StoreProbe {
  ping(): Promise<void>;
}

export interface FrontEndStatus {
  ok: boolean;
  platform: string;
  mode?: string;
}

export interface OpsDeps {
  /** Whether the front end serving this port can take commands. */
  frontEnd: () => FrontEndStatus;
  /** The digest store, when this process has one. */
  store?: StoreProbe;
  metrics?: Metrics;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  platform: string;
  mode?: string;
  store?: 'ok' | 'unavailable';
}

export async function healthReport(deps: OpsDeps): Promise<HealthReport> {
  const { ok, platform, mode } = deps.frontEnd();
  const store = deps.store ? await probe(deps.store, deps.metrics) : undefined;
  return {
    status: ok && store !== 'unavailable' ? 'ok' : 'unavailable',
    platform,
    ...(mode ? { mode } : {}),
    ...(store ? { store } : {}),
  };
}

async function probe(store: StoreProbe, metrics: Metrics | undefined): Promise<'ok' | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('store ping timed out')), STORE_PING_TIMEOUT_MS);
    timer.unref();
  });
  try {
    const ping = () => Promise.race([store.ping(), timeout]);
    await (metrics ? metrics.timeStore('ping', ping) : ping());
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/** Answers `/health` and `/metrics` (GET or HEAD); false for any other request, which is left alone. */
export function serveOps(deps: OpsDeps, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === HEALTH_PATH) {
    void answer(res, req, async () => {
      const report = await healthReport(deps);
      return {
        status: report.status === 'ok' ? 200 : 503,
        type: 'application/json',
        body: JSON.stringify(report),
      };
    });
    return true;
  }
  if (path === METRICS_PATH && deps.metrics) {
    const metrics = deps.metrics;
    void answer(res, req, async () => ({
      status: 200,
      type: metrics.contentType,
      body: await metrics.text(),
    }));
    return true;
  }
  return false;
}

async function answer(
  res: ServerResponse,
  req: IncomingMessage,
  make: () => Promise<{ status: number; type: string; body: string }>,
): Promise<void> {
  try {
    const { status, type, body } = await make();
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end();
  }
}

/** A server of its own for `/health` and `/metrics` (Socket Mode, a gateway-only Discord bot). */
export async function startOpsServer(
  deps: OpsDeps,
  where: { port: number; host: string; limits: ListenerLimits },
  logger: Logger,
): Promise<Server> {
  const server = createServer(serverOptions(where.limits), (req, res) => {
    if (!serveOps(deps, req, res)) res.writeHead(404).end();
  });
  limitServer(server, logger, where.limits);
  await listen(server, where.port, where.host);
  return server;
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
