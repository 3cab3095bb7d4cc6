import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RoundRobinProxy, startRoundRobinProxy } from '../../bench/round-robin-proxy.ts';

/** An upstream that answers with its name, the path and the body it received. */
async function upstream(name: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': name });
      res.end(JSON.stringify({ name, path: req.url, method: req.method, body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('round-robin proxy (bench)', () => {
  const servers: Server[] = [];
  let proxy: RoundRobinProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    servers.length = 0;
  });

  it('sends each request to the next upstream in turn, body, path and answer intact', async () => {
    const ups = await Promise.all(['a', 'b', 'c'].map(upstream));
    servers.push(...ups.map((u) => u.server));
    proxy = await startRoundRobinProxy(ups.map((u) => u.origin));
    const seen: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${proxy.url}/interactions?n=${i}`, { method: 'POST', body: `body ${i}` });
      expect(res.status).toBe(201);
      const json = (await res.json()) as { name: string; path: string; method: string; body: string };
      expect(res.headers.get('x-upstream')).toBe(json.name);
      expect(json).toMatchObject({ path: `/interactions?n=${i}`, method: 'POST', body: `body ${i}` });
      seen.push(json.name);
    }
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
    expect(proxy.counts).toEqual([3, 2, 2]);
  });

  it('answers 502 when an upstream is gone', async () => {
    const up = await upstream('a');
    await new Promise((r) => up.server.close(r));
    proxy = await startRoundRobinProxy([up.origin]);
    const res = await fetch(`${proxy.url}/x`);
    expect(res.status).toBe(502);
  });
});
