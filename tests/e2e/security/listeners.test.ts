/**
 * Finding 4: every HTTP listener (Slack's receiver, Discord's interactions endpoint, the Socket Mode
 * /health server) closes a connection that stalls mid-request, caps open connections, answers an
 * oversized body with 413 the client actually receives, and logs an aborted request once, without a
 * stack trace. Limits are lowered through the configuration so the test does not wait 10 s.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallNews, staticSource } from '../../fakes/discord/news.ts';
import { type Bot, startBot } from '../discord/harness.ts';
import { type SlackHarness, startSlackHarness } from '../slack/harness.ts';

const LIMITS = { BRIEFER_REQUEST_TIMEOUT_MS: '1000', BRIEFER_MAX_CONNECTIONS: '20' };

/** Opens a raw connection and sends `text`; resolves with everything the server sent once it closes. */
function rawExchange(port: number, text: string): { socket: Socket; closed: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d) => {
    received += d.toString('latin1');
  });
  socket.on('error', () => {});
  socket.write(text);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, closed };
}

const halfBody = (path: string) =>
  `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"type":`;

/** Until `predicate` holds (polled); the test's own timeout is the limit, not a fixed sleep. */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((r) => setTimeout(r, 20));
}

function stacks(records: Array<Record<string, unknown>>): number {
  return records.filter((r) => JSON.stringify(r).includes('    at ')).length;
}

describe('listener limits (finding 4): Slack HTTP receiver', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ env: LIMITS });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('closes a connection that sent headers and half a body (408), and logs no stack', async () => {
    const { closed } = rawExchange(h.bot.port, halfBody('/slack/events'));
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(stacks(h.log.records())).toBe(0);
  });

  it('closes a connection that never finishes its headers', async () => {
    const { closed } = rawExchange(h.bot.port, 'POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('logs a request aborted mid-body once, at debug, without a stack trace', async () => {
    const before = h.log.records().length;
    const { socket, closed } = rawExchange(h.bot.port, halfBody('/slack/events'));
    await until(() => socket.bytesWritten > 0);
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    await closed;
    await until(() =>
      h.log
        .records()
        .slice(before)
        .some((r) => String(r.msg).includes('aborted')),
    );
    const added = h.log.records().slice(before);
    expect(added.filter((r) => String(r.msg).includes('aborted'))).toHaveLength(1);
    // At debug, as docs/security.md says: a client going away is not the operator's problem.
    expect(added.every((r) => Number(r.level) <= 20)).toBe(true);
    expect(stacks(added)).toBe(0);
  });

  it('answers an oversized body with 413', async () => {
    const body = 'x'.repeat(2 * 1024 * 1024);
    const res = await fetch(`${h.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(res.status).toBe(413);
  });

  it('caps concurrent connections; the listener still answers once they close', async () => {
    const held = Array.from({ length: 40 }, () => rawExchange(h.bot.port, halfBody('/slack/events')));
    const answers = await Promise.all(held.map((c) => c.closed));
    // Connections past the cap (20) are closed at once with nothing sent; the rest time out (408).
    expect(answers.filter((a) => a.startsWith('HTTP/1.1 408')).length).toBeLessThanOrEqual(20);
    expect(answers.filter((a) => a === '').length).toBeGreaterThanOrEqual(20);
    const health = await fetch(`${h.baseUrl}/health`);
    expect(health.status).toBe(200);
  });
});

describe('listener limits (finding 4): Discord HTTP interactions', () => {
  let bot: Bot;
  let url: string;
  beforeAll(async () => {
    bot = await startBot({ source: staticSource(smallNews()), transports: ['http'], env: LIMITS });
    url = bot.http?.url as string;
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('closes a connection that sent headers and half a body (408)', async () => {
    const port = Number(new URL(url).port);
    const { closed } = rawExchange(port, halfBody('/interactions'));
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('sends the 413 of a 10 MB body to the client instead of resetting the connection', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload too large' });
  });

  it('logs a request aborted mid-body once, at debug, without a stack trace', async () => {
    const port = Number(new URL(url).port);
    const before = bot.log.entries().length;
    const { socket, closed } = rawExchange(port, halfBody('/interactions'));
    await until(() => socket.bytesWritten > 0);
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    await closed;
    await until(() =>
      bot.log
        .entries()
        .slice(before)
        .some((r) => String(r.msg).includes('aborted')),
    );
    const added = bot.log.entries().slice(before);
    const aborted = added.filter((r) => String(r.msg).includes('aborted'));
    expect(aborted).toHaveLength(1);
    expect(aborted[0]?.level).toBe(20);
    expect(stacks(added)).toBe(0);
  });
});
