/**
 * A fake of Slack's `response_url` endpoints on 127.0.0.1: each `url()` is a fresh response URL to
 * put in a slash-command or button payload; what the app posts to it is recorded.
 * Like Slack, a URL takes at most five posts and refuses payloads Slack would refuse (`invalid_blocks`).
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SLACK } from '../../../src/render/limits.ts';
import { HANG_GUARD_MS } from '../hang-guard.ts';
import { messageProblems } from './block-kit-rules.ts';

export interface ResponsePost {
  /** Which response URL (the id given to or made by `url()`). */
  id: string;
  body: Record<string, unknown>;
  /** HTTP status the fake answered with. */
  status: number;
  /** `performance.now()` when the post arrived. */
  at: number;
}

export interface FakeResponseUrls {
  /** A new response URL (or the one for `id`). */
  url(id?: string): string;
  posts: ResponsePost[];
  postsTo(id: string): ResponsePost[];
  /** Resolves when `id` has received `count` posts. */
  waitForPosts(id: string, count: number, timeoutMs?: number): Promise<ResponsePost[]>;
  /** The next post(s) to any URL get this HTTP status. */
  failNext(status: number, times?: number): void;
  /** The next post is not answered until `release()`: a reply still in flight. */
  holdNext(): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

export async function startFakeResponseUrls(): Promise<FakeResponseUrls> {
  const posts: ResponsePost[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const failures: number[] = [];
  let next = 0;

  let hold: { arrive(): void; gate: Promise<void> } | undefined;

  const server = createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const held = hold;
      hold = undefined;
      if (held) {
        held.arrive();
        await held.gate;
      }
      const id = /^\/respond\/([\w-]+)$/.exec(new URL(req.url ?? '/', 'http://localhost').pathname)?.[1];
      if (!id || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400).end('invalid_payload');
        return;
      }
      const earlier = posts.filter((p) => p.id === id && p.status === 200).length;
      const failure = failures.shift();
      let status = 200;
      let reply = 'ok';
      if (failure) {
        status = failure;
        reply = `http_${failure}`;
      } else if (earlier >= SLACK.responseUrlPosts) {
        status = 404;
        reply = 'used_url';
      } else if (!body.delete_original && messageProblems(body).length) {
        status = 400;
        reply = 'invalid_blocks';
      }
      posts.push({ id, body, status, at });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(reply);
      events.emit('post', id);
    });
  });
  const connections = new Set<Socket>();
  server.on('connection', (c: Socket) => {
    connections.add(c);
    c.on('close', () => connections.delete(c));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const postsTo = (id: string) => posts.filter((p) => p.id === id);

  return {
    url: (id = `r${++next}`) => `${base}/respond/${id}`,
    posts,
    postsTo,
    waitForPosts: (id, count, timeoutMs = HANG_GUARD_MS) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const got = postsTo(id);
          if (got.length < count) return false;
          clearTimeout(timer);
          events.off('post', check);
          resolve(got);
          return true;
        };
        const timer = setTimeout(() => {
          events.off('post', check);
          reject(
            new Error(
              `fake response_url ${id}: got ${postsTo(id).length} of ${count} posts in ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        if (!check()) events.on('post', check);
      }),
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    holdNext() {
      let arrive = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => {
        arrive = resolve;
      });
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      hold = { arrive, gate };
      return { arrived, release };
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const c of connections) c.destroy();
      });
    },
  };
}
