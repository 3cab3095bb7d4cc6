/**
 * The simplest load balancer that fits stateless HTTP interactions: each request goes to the next
 * upstream in turn, body streamed through, answer streamed back. No health checks, no retries — a
 * benchmark's stand-in for nginx or a cloud load balancer, on 127.0.0.1 only.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  /** e.g. http://127.0.0.1:40123 — append the upstream path (`/interactions`). */
  url: string;
  /** Requests sent to each upstream so far, in the order given. */
  counts: number[];
  close(): Promise<void>;
}

/** `upstreams` are origins such as `http://127.0.0.1:3001`. */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('a proxy needs at least one upstream');
  const targets = upstreams.map((u) => new URL(u));
  const counts = targets.map(() => 0);
  // Kept-alive connections to the upstreams, as a real balancer keeps them; no cap on how many.
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  let next = 0;

  const server = createServer((req, res) => {
    const i = next;
    next = (next + 1) % targets.length;
    counts[i] = (counts[i] ?? 0) + 1;
    const target = targets[i] as URL;
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
