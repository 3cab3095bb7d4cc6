/** `/health` and `/metrics` over real HTTP on 127.0.0.1: the front end and the store decide health. */
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LISTENER_LIMITS } from '../../src/adapters/http-limits.ts';
import { type OpsDeps, portOf, startOpsServer } from '../../src/adapters/ops-endpoints.ts';
import { createLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(deps: OpsDeps): Promise<string> {
  server = await startOpsServer(
    deps,
    { port: 0, host: '127.0.0.1', limits: DEFAULT_LISTENER_LIMITS },
    createLogger('silent'),
  );
  return `http://127.0.0.1:${portOf(server)}`;
}

const up = () => ({ ok: true, platform: 'discord', mode: 'gateway' });

describe('/health', () => {
  it('is 200 with the store when both answer', async () => {
    const base = await serve({ frontEnd: up, store: { ping: async () => {} } });
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', platform: 'discord', mode: 'gateway', store: 'ok' });
  });

  it('is 503 when the store fails, and records the failed ping', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const store = { ping: () => Promise.reject(new Error('connection refused')) };
    const base = await serve({ frontEnd: up, store, metrics });
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', store: 'unavailable' });
    expect(await metrics.text()).toContain(
      'briefer_store_duration_seconds_count{operation="ping",outcome="error"} 1',
    );
  });

  it('is 503 when the front end cannot take commands, and answers HEAD without a body', async () => {
    const base = await serve({ frontEnd: () => ({ ok: false, platform: 'slack', mode: 'socket' }) });
    const res = await fetch(`${base}/health`, { method: 'HEAD' });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('');
  });
});

describe('/metrics', () => {
  it('serves the Prometheus text of this process only, and 404 elsewhere', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.digestPost('slack', 'posted');
    const base = await serve({ frontEnd: up, metrics });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('briefer_digest_posts_total{platform="slack",outcome="posted"} 1');
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('is 404 when the process keeps no metrics', async () => {
    const base = await serve({ frontEnd: up });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });
});
