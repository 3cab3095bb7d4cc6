/**
 * A loopback HTTP server that plays news sites for tests and the benchmark: fixture feeds and article
 * pages from `tests/fakes/news/`, plus the misbehaviours real servers show (slow answers, redirect
 * loops, huge bodies, legacy encodings, conditional GET). Routes can be swapped while it runs.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import iconv from 'iconv-lite';

export const FIXTURES_DIR = new URL('./news/', import.meta.url);

/** The "current time" the fixture feeds are written around. */
export const FIXTURE_NOW = new Date('2026-11-24T12:00:00Z');

export interface Route {
  status?: number;
  /** Content-Type header (default: by file extension). */
  type?: string;
  headers?: Record<string, string>;
  /** Body text; `{{base}}` becomes the server's base URL. */
  body?: string;
  /** A fixture file under tests/fakes/news/ (read as UTF-8 text, `{{base}}` substituted). */
  file?: string;
  /** Encode the body in this charset (e.g. windows-1252) instead of UTF-8. */
  encoding?: string;
  /** Enables conditional GET: a matching If-None-Match gets 304. */
  etag?: string;
  lastModified?: string;
  /** Full control, for misbehaving servers. */
  handler?: (req: IncomingMessage, res: ServerResponse, server: NewsServer) => void;
}

export interface RequestRecord {
  path: string;
  headers: IncomingMessage['headers'];
  /** Status sent (undefined while a handler still holds the request). */
  status?: number;
}

export interface NewsServer {
  readonly base: string;
  url(path: string): string;
  set(path: string, route: Route): void;
  readonly requests: RequestRecord[];
  hits(path: string): number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  opml: 'text/x-opml; charset=utf-8',
  json: 'application/json',
};

export function readFixture(file: string): string {
  return readFileSync(new URL(file, FIXTURES_DIR), 'utf8');
}

export async function startNewsServer(routes: Record<string, Route> = {}): Promise<NewsServer> {
  const table = new Map(Object.entries(routes));
  const sockets = new Set<Socket>();
  const requests: RequestRecord[] = [];
  let base = '';

  const api: NewsServer = {
    get base() {
      return base;
    },
    url: (path) => `${base}${path}`,
    set: (path, route) => void table.set(path, route),
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const record: RequestRecord = { path, headers: req.headers };
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    const route = table.get(path) ?? table.get(path.split('?')[0] ?? path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.handler) {
      route.handler(req, res, api);
      return;
    }
    if (route.etag && req.headers['if-none-match'] === route.etag) {
      res.writeHead(304, { etag: route.etag }).end();
      return;
    }
    if (route.lastModified && !route.etag && req.headers['if-modified-since'] === route.lastModified) {
      res.writeHead(304, { 'last-modified': route.lastModified }).end();
      return;
    }
    const text = (route.body ?? (route.file ? readFixture(route.file) : '')).replaceAll('{{base}}', base);
    const bytes = route.encoding ? iconv.encode(text, route.encoding) : Buffer.from(text, 'utf8');
    const ext = route.file?.split('.').pop() ?? '';
    const headers: Record<string, string> = {
      'content-type': route.type ?? TYPES[ext] ?? 'text/plain; charset=utf-8',
      'content-length': String(bytes.length),
      ...(route.etag ? { etag: route.etag } : {}),
      ...(route.lastModified ? { 'last-modified': route.lastModified } : {}),
      ...route.headers,
    };
    res.writeHead(route.status ?? 200, headers).end(bytes);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}

/** Never answers (until the server closes): the client must give up on its own. */
export const silent: Route = { handler: () => {} };

/** Sends headers and a first chunk, then stalls: a timeout must cover the body too. */
export const stalls: Route = {
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Stalling</title>');
  },
};

export function redirect(to: string, status = 302): Route {
  return { handler: (_req, res) => void res.writeHead(status, { location: to }).end() };
}

/**
 * A body of `bytes` bytes, streamed in 64 kB chunks without Content-Length (so only counting can catch
 * it), or with an honest Content-Length when `declare` is set.
 */
export function huge(bytes: number, declare = false): Route {
  return {
    handler: (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        ...(declare ? { 'content-length': String(bytes) } : {}),
      });
      const chunk = Buffer.alloc(64 * 1024, ' ');
      chunk.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title><description>');
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          const n = Math.min(chunk.length, bytes - sent);
          sent += n;
          if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => {});
      res.socket?.on('error', () => {});
      pump();
    },
  };
}
