import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/sources/feeds/fetch-error.ts';
import { originKey } from '../../../src/sources/feeds/fetch-policy.ts';
import { type FetchOptions, fetchBytes } from '../../../src/sources/feeds/http-fetch.ts';
import { huge, type NewsServer, redirect, silent, stalls, startNewsServer } from '../../fakes/news-server.ts';

const options: FetchOptions = {
  timeoutMs: 5000,
  maxBytes: 1024 * 1024,
  userAgent: 'Briefer/test (+https://briefer.example)',
  accept: 'application/rss+xml',
};

let server: NewsServer;
beforeEach(async () => {
  server = await startNewsServer();
  // The operator's own feed server: loopback is fine there (fetch-policy tests cover other hosts).
  options.policy = { trusted: [originKey(server.base)] };
});
afterEach(() => server.close());

async function failure(url: string, extra: Partial<FetchOptions> = {}): Promise<FetchError> {
  const error = await fetchBytes(url, { ...options, ...extra }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('fetchBytes', () => {
  it('identifies itself and returns the body, its type, final URL and validators', async () => {
    server.set('/feed', {
      body: '<rss/>',
      type: 'application/rss+xml',
      etag: '"v1"',
      lastModified: 'Tue, 24 Nov 2026 09:00:00 GMT',
    });
    const result = await fetchBytes(server.url('/feed'), options);
    expect(result).toMatchObject({
      status: 'ok',
      url: server.url('/feed'),
      contentType: 'application/rss+xml',
      validators: { etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 09:00:00 GMT' },
    });
    expect(result.status === 'ok' && Buffer.from(result.bytes).toString()).toBe('<rss/>');
    expect(server.requests[0]?.headers['user-agent']).toBe('Briefer/test (+https://briefer.example)');
    expect(server.requests[0]?.headers.accept).toBe('application/rss+xml');
  });

  it('sends the validators back and reports 304 Not Modified', async () => {
    server.set('/feed', { body: '<rss/>', etag: '"v1"' });
    const result = await fetchBytes(server.url('/feed'), { ...options, validators: { etag: '"v1"' } });
    expect(result).toEqual({ status: 'not-modified', url: server.url('/feed') });
    expect(server.requests[0]?.headers['if-none-match']).toBe('"v1"');
  });

  it('follows redirects and reports where it ended', async () => {
    server.set('/old', redirect('/new', 301));
    server.set('/new', redirect(`${server.base}/final`, 307));
    server.set('/final', { body: '<rss/>' });
    const result = await fetchBytes(server.url('/old'), options);
    expect(result.status === 'ok' && result.url).toBe(server.url('/final'));
  });

  it('names a redirect loop', async () => {
    server.set('/a', redirect('/b'));
    server.set('/b', redirect('/a'));
    const error = await failure(server.url('/a'));
    expect(error.kind).toBe('redirect');
    expect(error.message).toBe('redirect loop (/a → /b → /a)');
  });

  it('stops after too many redirects', async () => {
    for (let i = 0; i < 10; i++) server.set(`/hop${i}`, redirect(`/hop${i + 1}`));
    const error = await failure(server.url('/hop0'), { maxRedirects: 3 });
    expect(error.message).toBe('too many redirects (more than 3)');
  });

  it('reports HTTP errors with their status', async () => {
    const error = await failure(server.url('/missing'));
    expect(error).toMatchObject({ kind: 'http', message: 'HTTP 404 Not Found', details: { status: 404 } });
  });

  it('remembers Retry-After on 429 and 503', async () => {
    server.set('/busy', { status: 503, body: 'busy', headers: { 'retry-after': '120' } });
    const error = await failure(server.url('/busy'));
    expect(error.message).toBe('HTTP 503 Service Unavailable');
    expect(error.details.retryAfterMs).toBe(120_000);
  });

  it('times out on a server that never answers', async () => {
    server.set('/slow', silent);
    const error = await failure(server.url('/slow'), { timeoutMs: 300 });
    expect(error).toMatchObject({ kind: 'timeout', message: 'timed out after 300 ms' });
  });

  it('times out on a body that stops half-way', async () => {
    server.set('/stall', stalls);
    const error = await failure(server.url('/stall'), { timeoutMs: 300 });
    expect(error.kind).toBe('timeout');
  });

  it('cuts off a 20 MB body at the cap, even without Content-Length', async () => {
    server.set('/huge', huge(20 * 1024 * 1024));
    const error = await failure(server.url('/huge'));
    expect(error).toMatchObject({ kind: 'too-large', message: 'response too large (over the 1.0 MB limit)' });
  });

  it('refuses a declared 20 MB body before reading it', async () => {
    server.set('/huge', huge(20 * 1024 * 1024, true));
    const error = await failure(server.url('/huge'));
    expect(error.message).toBe('response too large (20.0 MB, over the 1.0 MB limit)');
  });

  it('says "connection refused" when nothing listens', async () => {
    const url = server.url('/gone');
    await server.close();
    const error = await failure(url);
    expect(error).toMatchObject({ kind: 'network', message: 'connection refused' });
    server = await startNewsServer();
    options.policy = { trusted: [originKey(server.base)] };
  });

  it('stops when the caller cancels', async () => {
    server.set('/slow', silent);
    const controller = new AbortController();
    const pending = failure(server.url('/slow'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await pending).kind).toBe('aborted');
  });
});
