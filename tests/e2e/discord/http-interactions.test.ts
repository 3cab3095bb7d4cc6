/**
 * HTTP interactions mode (no gateway, no bot token): Discord POSTs signed interactions to
 * `/interactions`; Briefer verifies the Ed25519 signature, answers PING, commands, autocomplete and
 * buttons in the HTTP response, and edits the original over REST when it had to defer.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInteractionsHandler,
  type InteractionsHandlerOptions,
} from '../../../src/adapters/discord/http-interactions.ts';
import type { StoredMessage } from '../../fakes/discord/fake-discord.ts';
import { GatedSource, smallNews, staticSource } from '../../fakes/discord/news.ts';
import { generateSigningKeys, signatureHeaders } from '../../fakes/discord/signing.ts';
import { type Bot, startBot } from './harness.ts';

interface Posted {
  status: number;
  json: { type?: number; data?: Record<string, unknown>; error?: string };
}

async function post(
  url: string,
  body: unknown,
  sign: { privateKey: import('node:crypto').KeyObject; timestamp?: number } | undefined,
): Promise<Posted> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = {
    'content-type': 'application/json',
    ...(sign ? signatureHeaders(sign.privateKey, text, sign.timestamp) : {}),
  };
  const res = await fetch(url, { method: 'POST', headers, body: text });
  return { status: res.status, json: (await res.json()) as Posted['json'] };
}

describe('HTTP interactions', () => {
  let bot: Bot;
  let url: string;
  beforeAll(async () => {
    bot = await startBot({ source: staticSource(smallNews()), transports: ['http'] });
    url = bot.http?.url ?? '';
  });
  afterAll(async () => {
    await bot?.stop();
  });

  const valid = () => ({ privateKey: bot.keys.privateKey });

  it('runs without a gateway connection or a bot token', () => {
    expect(bot.running.map((r) => r.name)).toEqual(['discord-http']);
    expect(bot.fake.identifies).toEqual([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/interactions$/);
  });

  it('answers a signed PING with PONG', async () => {
    const res = await post(
      url,
      { id: '1', application_id: bot.fake.applicationId, type: 1, token: 't', version: 1 },
      valid(),
    );
    expect(res).toEqual({ status: 200, json: { type: 1 } });
  });

  it('rejects a forged, tampered, unsigned or stale request with 401', async () => {
    const ping = { id: '1', application_id: bot.fake.applicationId, type: 1, token: 't', version: 1 };
    const forged = await post(url, ping, { privateKey: generateSigningKeys().privateKey });
    expect(forged.status).toBe(401);
    expect((await post(url, ping, undefined)).status).toBe(401);
    const stale = await post(url, ping, {
      privateKey: bot.keys.privateKey,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);

    const text = JSON.stringify(ping);
    const headers = signatureHeaders(bot.keys.privateKey, text);
    const tampered = await fetch(url, {
      method: 'POST',
      headers,
      body: text.replace('"type":1', '"type":2'),
    });
    expect(tampered.status).toBe(401);
    expect(
      bot.log.entries().filter((e) => e.msg === 'rejected an interaction request: bad signature'),
    ).toHaveLength(4);
  });

  it('answers /brief in the HTTP response (type 4) with embeds and no mentions', async () => {
    const i = bot.fake.command('brief');
    const res = await post(url, i, valid());
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(4);
    expect(res.json.data?.allowed_mentions).toEqual({ parse: [] });
    expect(bot.fake.acknowledge(i, res.json)).toEqual([]);
    const embeds = res.json.data?.embeds as Array<{ title?: string }>;
    expect(embeds[0]?.title).toBe('Ports agree a $5 billion green shipping fund');
  });

  it('refuses a replayed interaction: the same signed request sent again runs nothing', async () => {
    const text = JSON.stringify(bot.fake.command('brief'));
    const headers = { 'content-type': 'application/json', ...signatureHeaders(bot.keys.privateKey, text) };
    const send = () => fetch(url, { method: 'POST', headers, body: text });
    const first = await send();
    expect(first.status).toBe(200);
    expect(((await first.json()) as Posted['json']).type).toBe(4);
    // Byte for byte the same, signature still fresh: only the interaction id gives it away.
    const again = await send();
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'interaction already handled' });
    expect(bot.log.entries().filter((e) => e.msg.startsWith('ignored a replayed interaction'))).toHaveLength(
      1,
    );
    // A new interaction (a new id) still runs.
    expect((await post(url, bot.fake.command('brief'), valid())).json.type).toBe(4);
  });

  it('answers /help ephemerally and autocomplete with type 8', async () => {
    const help = await post(url, bot.fake.command('help'), valid());
    expect(help.json.data?.flags).toBe(64);
    const auto = await post(url, bot.fake.autocomplete('headlines', 'category', 'spo'), valid());
    expect(auto.json.type).toBe(8);
    expect(JSON.stringify(auto.json.data)).toContain('"value":"sports"');
  });

  it('updates the message in place (type 7) when a page button is clicked', async () => {
    const message = {
      id: '1',
      channel_id: bot.fake.channelId,
      content: '',
      embeds: [],
      components: [],
      flags: 0,
    };
    const res = await post(
      url,
      bot.fake.button(message as StoredMessage, 'bp|headlines|0|category=sports#p'),
      valid(),
    );
    expect(res.json.type).toBe(7);
    expect(JSON.stringify(res.json.data?.embeds)).toContain('Striker scores twice');
  });

  it('says 405 to GET, 404 elsewhere, 400 to a signed body that is not an interaction', async () => {
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url.replace('/interactions', '/other'), { method: 'POST' })).status).toBe(404);
    expect((await post(url, 'not json', valid())).status).toBe(400);
    expect((await post(url, { hello: 'world' }, valid())).status).toBe(400);
  });
});

describe('HTTP interactions: slow command', () => {
  it('answers type 5 at once, then PATCHes the original through the interaction webhook', async () => {
    const source = new GatedSource(smallNews());
    const bot = await startBot({ source, transports: ['http'], deferAfterMs: 100 });
    try {
      const i = bot.fake.command('story');
      const res = await post(bot.http?.url ?? '', i, { privateKey: bot.keys.privateKey });
      expect(res.json).toEqual({ type: 5, data: {} });
      // Discord got the acknowledgement in the HTTP response; tell the fake, which then accepts webhook edits.
      expect(bot.fake.acknowledge(i, res.json)).toEqual([]);
      source.release();
      const edit = await bot.fake.waitForRequest('PATCH /webhooks/:applicationId/:token/messages/:messageId');
      expect(edit.params).toMatchObject({
        applicationId: bot.fake.applicationId,
        token: i.token,
        messageId: '@original',
      });
      expect(edit.headers.authorization).toBeUndefined();
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    } finally {
      await bot.stop();
    }
  });
});

/** The handler mounted in a server of the test's own (any other path answers "other app"); `close` ends all. */
async function mounted(
  bot: Bot,
  options: Partial<InteractionsHandlerOptions> = {},
): Promise<{ base: string; close(): Promise<void> }> {
  const rest = new REST({ api: bot.fake.apiBase });
  const path = options.path ?? '/interactions';
  const handler = createInteractionsHandler(bot.app, { publicKey: bot.keys.publicKeyHex, rest, ...options });
  const server = createServer((req, res) => {
    if (req.url?.startsWith(path)) handler(req, res);
    else res.writeHead(200).end('other app');
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((r) => server.close(r));
      await handler.idle();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
      await bot.stop();
    },
  };
}

describe('createInteractionsHandler', () => {
  it('refuses a replay for as long as its signature is accepted, with our clock behind Discord', async () => {
    const bot = await startBot({ source: staticSource(smallNews()), transports: ['http'] });
    // One clock for the signature check and the replay guard, moved by hand.
    let clock = Date.now();
    const seen = new Map<string, number>();
    bot.app.replayGuard = {
      async firstSeen(id, ttlMs) {
        const until = seen.get(id);
        if (until !== undefined && until > clock) return false;
        seen.set(id, clock + ttlMs);
        return true;
      },
    };
    const server = await mounted(bot, { now: () => clock });
    try {
      // Discord's clock is 4 min 50 s ahead of ours: still within the accepted skew.
      const text = JSON.stringify(bot.fake.command('brief'));
      const headers = {
        'content-type': 'application/json',
        ...signatureHeaders(bot.keys.privateKey, text, Math.floor(clock / 1000) + 290),
      };
      const send = () => fetch(`${server.base}/interactions`, { method: 'POST', headers, body: text });
      expect((await send()).status).toBe(200);
      // Five minutes and a second later the signature is still fresh (its timestamp is 11 s old)…
      clock += 301_000;
      const again = await send();
      // …so the id must still be remembered.
      expect(again.status).toBe(409);
      // Past the signature's window it is refused as stale, whatever the guard says.
      clock += 300_000;
      expect((await send()).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('answers while the replay guard hangs (a locked or unreachable store), as when it is down', async () => {
    const bot = await startBot({ source: staticSource(smallNews()), transports: ['http'] });
    bot.app.replayGuard = { firstSeen: () => new Promise<boolean>(() => {}) };
    const server = await mounted(bot);
    try {
      const res = await post(`${server.base}/interactions`, bot.fake.command('brief'), {
        privateKey: bot.keys.privateKey,
      });
      expect(res.status).toBe(200);
      expect([4, 5]).toContain(res.json.type);
      expect(
        bot.log.entries().filter((e) => e.msg === 'replay guard unavailable; request allowed'),
      ).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('mounts into another server at any path', async () => {
    const bot = await startBot({ source: staticSource(smallNews()), transports: ['http'] });
    const server = await mounted(bot, { path: '/discord/interactions' });
    try {
      const res = await post(`${server.base}/discord/interactions`, bot.fake.command('headlines'), {
        privateKey: bot.keys.privateKey,
      });
      expect(res.json.type).toBe(4);
      expect(await (await fetch(`${server.base}/`)).text()).toBe('other app');
    } finally {
      await server.close();
    }
  });
});
