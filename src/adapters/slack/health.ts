/**
 * `GET /health` for load balancers and container checks: 200 while the Slack front end can take
 * commands, 503 when it cannot (Socket Mode disconnected). It says nothing about the workspace.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from '../../log.ts';
import { type ListenerLimits, limitServer, listen, serverOptions } from '../http-limits.ts';

export const HEALTH_PATH = '/health';

export type HealthStatus = () => { ok: boolean; mode: 'http' | 'socket' };

export function answerHealth(status: HealthStatus, req: IncomingMessage, res: ServerResponse): void {
  const { ok, mode } = status();
  const body = JSON.stringify({ status: ok ? 'ok' : 'unavailable', platform: 'slack', mode });
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The route for Bolt's HTTPReceiver (`customRoutes`). */
export function healthRoute(status: HealthStatus): CustomRoute {
  return {
    path: HEALTH_PATH,
    method: ['GET', 'HEAD'],
    handler: (req, res) => answerHealth(status, req, res),
  };
}

/** Socket Mode has no HTTP server of its own; this one serves only /health. */
export async function startHealthServer(
  status: HealthStatus,
  where: { port: number; host: string; limits: ListenerLimits },
  logger: Logger,
): Promise<Server> {
  const server = createServer(serverOptions(where.limits), (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD'))
      return answerHealth(status, req, res);
    res.writeHead(404).end();
  });
  limitServer(server, logger, where.limits);
  await listen(server, where.port, where.host);
  return server;
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
