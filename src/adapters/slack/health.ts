/** `/health` and `/metrics` as routes of Bolt's HTTPReceiver (`customRoutes`). */
import type { CustomRoute } from '@slack/bolt';
import { HEALTH_PATH, METRICS_PATH, type OpsDeps, serveOps } from '../ops-endpoints.ts';

export function opsRoutes(deps: OpsDeps): CustomRoute[] {
  return [HEALTH_PATH, METRICS_PATH].map((path) => ({
    path,
    method: ['GET', 'HEAD'],
    handler: (req, res) => {
      if (!serveOps(deps, req, res)) res.writeHead(404).end();
    },
  }));
}
