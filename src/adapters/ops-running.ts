/** `/health` and `/metrics` on PORT for a process whose front ends have no HTTP server (a gateway-only Discord bot). */
import type { App } from '../app.ts';
import { listenerLimits } from './http-limits.ts';
import { type FrontEndStatus, portOf, startOpsServer } from './ops-endpoints.ts';
import type { Running } from './running.ts';

export async function startOpsRunning(
  app: App,
  options: { frontEnd: () => FrontEndStatus },
): Promise<Running> {
  const { env } = app.config;
  let stopping = false;
  const server = await startOpsServer(
    {
      frontEnd: () => ({ ...options.frontEnd(), ...(stopping ? { ok: false } : {}) }),
      store: app.store,
      metrics: app.metrics,
    },
    { port: env.PORT, host: env.HOST, limits: listenerLimits(env) },
    app.logger,
  );
  const port = portOf(server);
  app.logger.info({ port, host: env.HOST }, 'serving /health and /metrics');
  return {
    name: `ops (port ${port})`,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
