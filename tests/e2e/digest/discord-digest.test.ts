/**
 * The daily digest on Discord end to end: the real DiscordPoster (discord.js REST) and DigestService
 * against the fake Discord on loopback, with a hand-moved clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../../src/core/briefing.ts';
import { createCategorizer } from '../../../src/core/categorizer.ts';
import { loadTaxonomy } from '../../../src/core/taxonomy.ts';
import { createLogger } from '../../../src/log.ts';
import { DigestService } from '../../../src/schedule/digest-service.ts';
import { DiscordPoster } from '../../../src/schedule/discord-poster.ts';
import type { BriefingProvider } from '../../../src/service/briefing-provider.ts';
import { DiscordErrors, type FakeDiscord, startFakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { bigNews, hostileNews } from '../../fakes/discord/news.ts';
import { messageProblems } from '../../fakes/discord/validate.ts';

const taxonomy = loadTaxonomy();
const categorizer = createCategorizer(taxonomy);
const provider = (news = bigNews()): BriefingProvider => ({
  get: async () => ({ briefing: buildBriefing(news, { source: 'test', categorizer, taxonomy }) }),
});

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

const services: DigestService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

async function digest(now: () => Date, briefings = provider(), options: { timeoutMs?: number } = {}) {
  const s = await DigestService.open({
    dbPath: join(mkdtempSync(join(tmpdir(), 'briefer-e2e-')), 'briefer.db'),
    briefings,
    taxonomy,
    posters: {
      discord: DiscordPoster.create(fake.token, {
        api: fake.apiBase,
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      }),
    },
    logger: createLogger('silent'),
    catchUpMs: 3 * 3_600_000,
    retry: { sleep: async () => {}, baseMs: 1 },
    // Every headline posted, to test the platform's own limits (the briefing limits have their own tests).
    limits: { maxPerCategory: 1000, maxHeadlines: 1000 },
    now,
  });
  services.push(s);
  return s;
}

const at = (iso: string) => () => new Date(iso);

describe('daily digest on Discord', () => {
  it('posts a 200-headline briefing as channel messages Discord accepts, with the bot token', async () => {
    const before = fake.requests.length;
    const s = await digest(at('2026-11-25T07:30:00Z'));
    const posts = await s.preview('discord', '700000000000000001');
    const requests = fake.requests
      .slice(before)
      .filter((r) => r.route === 'POST /channels/:channelId/messages');
    expect(requests.length).toBe(posts.messageIds.length);
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) {
      expect(r.status).toBe(200);
      expect(r.problems).toEqual([]);
      expect(r.headers.authorization).toBe(`Bot ${fake.token}`);
      expect(messageProblems(r.body, { create: true })).toEqual([]);
      expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
      // Channel posts have no pagination buttons: every page is posted.
      expect((r.body as { components?: unknown[] }).components ?? []).toEqual([]);
    }
    const text = JSON.stringify(requests.map((r) => r.body));
    for (let i = 1; i <= 200; i += 37) expect(text).toContain(`story-${i}`);
  });

  it('pings only the opted-in role, never anything a headline says', async () => {
    const now = at('2026-11-25T06:00:00Z');
    const s = await digest(now, provider(hostileNews()));
    await s.subscribe({
      platform: 'discord',
      channelId: '700000000000000002',
      mention: '<@&123456789012345678>',
    });
    const before = fake.requests.length;
    await s.preview('discord', '700000000000000002');
    const first = fake.requests.slice(before).find((r) => r.route === 'POST /channels/:channelId/messages');
    const body = first?.body as { content: string; allowed_mentions: unknown };
    expect(body.content.startsWith('<@&123456789012345678>')).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: ['123456789012345678'] });
  });

  it('waits out a 429 and posts', async () => {
    const s = await digest(at('2026-11-25T07:30:00Z'));
    fake.rateLimitNext('POST /channels/700000000000000003/messages', 0.2);
    const before = fake.requests.length;
    const { messageIds } = await s.preview('discord', '700000000000000003');
    expect(messageIds.length).toBeGreaterThan(0);
    const statuses = fake.requests
      .slice(before)
      .filter((r) => r.path === '/channels/700000000000000003/messages')
      .map((r) => r.status);
    expect(statuses[0]).toBe(429);
    expect(statuses.slice(1).every((st) => st === 200)).toBe(true);
  });

  it('marks a channel it can no longer reach, and keeps posting to the others', async () => {
    const clock = { t: Date.parse('2026-11-24T00:00:00Z') };
    const s = await digest(() => new Date(clock.t));
    await s.subscribe({
      platform: 'discord',
      channelId: '700000000000000004',
      time: '07:30',
      timezone: 'UTC',
    });
    await s.subscribe({
      platform: 'discord',
      channelId: '700000000000000005',
      time: '07:30',
      timezone: 'UTC',
    });
    await s.subscribe({
      platform: 'discord',
      channelId: '700000000000000006',
      time: '07:30',
      timezone: 'UTC',
    });
    fake.failNext('POST /channels/700000000000000004/messages', DiscordErrors.missingAccess);
    fake.failNext('POST /channels/700000000000000005/messages', DiscordErrors.unknownChannel);
    clock.t = Date.parse('2026-11-25T07:30:00Z');
    const outcomes = await s.tick();
    expect(Object.fromEntries(outcomes.map((o) => [o.channel, o.status]))).toEqual({
      'discord:700000000000000004': 'failed',
      'discord:700000000000000005': 'failed',
      'discord:700000000000000006': 'sent',
    });
    expect((await s.status('discord', '700000000000000004')).subscription?.unreachable?.reason).toMatch(
      /Missing Access/,
    );
    expect((await s.status('discord', '700000000000000005')).subscription?.unreachable?.reason).toMatch(
      /Unknown Channel/,
    );
    // Never retried: tomorrow only the reachable channel gets its digest.
    clock.t = Date.parse('2026-11-26T07:30:00Z');
    expect((await s.tick()).map((o) => o.channel)).toEqual(['discord:700000000000000006']);
  });

  it('retries a 5xx with backoff until it goes through', async () => {
    const s = await digest(at('2026-11-25T07:30:00Z'));
    fake.failNext('POST /channels/700000000000000007/messages', { ...DiscordErrors.serverError, times: 2 });
    const { messageIds } = await s.preview('discord', '700000000000000007');
    expect(messageIds.length).toBeGreaterThan(0);
  });

  it('a slow Discord gets exactly one copy: the next try finds the message in the channel', async () => {
    const clock = { t: Date.parse('2026-11-24T00:00:00Z') };
    const s = await digest(() => new Date(clock.t), provider(), { timeoutMs: 300 });
    const channel = '700000000000000008';
    await s.subscribe({ platform: 'discord', channelId: channel, time: '07:30', timezone: 'UTC' });
    clock.t = Date.parse('2026-11-25T07:30:00Z');
    // Discord creates the first message at once but answers 2 s late, after the 300 ms timeout.
    fake.slowNext(`POST /channels/${channel}/messages`, 2_000);
    const [outcome] = await s.tick();
    expect(outcome).toMatchObject({ status: 'sent' });
    const created = fake.channelMessages.filter((m) => m.channel_id === channel);
    expect(created.length).toBeGreaterThan(1);
    expect(outcome?.status === 'sent' && outcome.messageIds).toEqual(created.map((m) => m.id));
    const posts = fake.requests.filter(
      (r) => r.route === 'POST /channels/:channelId/messages' && r.path === `/channels/${channel}/messages`,
    );
    // One request per message: the timed-out one was found by reading the channel, not sent again.
    expect(posts).toHaveLength(created.length);
    expect(
      fake.requests.filter(
        (r) => r.route === 'GET /channels/:channelId/messages' && r.path === `/channels/${channel}/messages`,
      ).length,
    ).toBeGreaterThan(0);
    for (const r of posts) {
      const body = r.body as { nonce?: string; enforce_nonce?: boolean };
      expect(body.enforce_nonce).toBe(true);
      expect(body.nonce?.length).toBeLessThanOrEqual(25);
    }
  });

  it('a Discord that answers every post too late still gets no second copy of anything', async () => {
    const s = await digest(at('2026-11-25T07:30:00Z'), provider(), { timeoutMs: 300 });
    const channel = '700000000000000009';
    fake.slowNext(`POST /channels/${channel}/messages`, 1_000, { times: 100 });
    // Every post times out though Discord created it; each next try finds it in the channel and goes
    // on to the next part, until the attempt's tries run out.
    await expect(s.preview('discord', channel)).rejects.toThrow(/Discord/);
    const created = fake.channelMessages.filter((m) => m.channel_id === channel);
    expect(created.length).toBeGreaterThan(1);
    const posts = fake.requests.filter(
      (r) => r.route === 'POST /channels/:channelId/messages' && r.path === `/channels/${channel}/messages`,
    );
    // Never the same part twice: one request per message, and no two messages alike.
    expect(posts).toHaveLength(created.length);
    expect(new Set(created.map((m) => JSON.stringify(m.embeds))).size).toBe(created.length);
  });

  /**
   * A digest due at 07:30 whose first part Discord creates but answers too late, with the nonce forgotten
   * at once and the four retries' reads of the channel failing: the attempt fails with the part in the
   * channel. Runs `then` with the service and clock, the nonce memory restored afterwards.
   */
  async function withLostFirstPart(
    channel: string,
    then: (s: DigestService, clock: { t: number }) => Promise<void>,
  ): Promise<void> {
    const clock = { t: Date.parse('2026-11-24T00:00:00Z') };
    const s = await digest(() => new Date(clock.t), provider(), { timeoutMs: 300 });
    await s.subscribe({ platform: 'discord', channelId: channel, time: '07:30', timezone: 'UTC' });
    clock.t = Date.parse('2026-11-25T07:30:00Z');
    // The nonce is forgotten at once: only reading the channel can tell the message is there.
    fake.nonceWindowMs = 0;
    try {
      fake.slowNext(`POST /channels/${channel}/messages`, 1_000, { times: 1 });
      fake.failNext(`GET /channels/${channel}/messages`, { status: 500, times: 4 });
      const [first] = await s.tick();
      expect(first).toMatchObject({ status: 'failed' });
      expect(fake.channelMessages.filter((m) => m.channel_id === channel)).toHaveLength(1);
      await then(s, clock);
    } finally {
      fake.nonceWindowMs = 5 * 60_000;
    }
  }

  it('a Discord still slow after its nonce memory has passed gets no second copy at the later attempt', async () => {
    const channel = '700000000000000010';
    await withLostFirstPart(channel, async (s, clock) => {
      // The later attempt, 5 minutes on: the channel can be read again.
      clock.t += 6 * 60_000;
      const [later] = await s.tick();
      expect(later).toMatchObject({ status: 'sent' });
      const created = fake.channelMessages.filter((m) => m.channel_id === channel);
      expect(later?.status === 'sent' && later.messageIds).toEqual(created.map((m) => m.id));
      // The first message once, then the rest: no part twice.
      expect(new Set(created.map((m) => JSON.stringify(m.embeds))).size).toBe(created.length);
    });
  });

  it('a preview posted between two attempts is not taken for one of the digest’s parts', async () => {
    const channel = '700000000000000011';
    await withLostFirstPart(channel, async (s, clock) => {
      const [part0] = fake.channelMessages.filter((m) => m.channel_id === channel);
      // Someone asks for a preview meanwhile: the bot's own messages, posted after the digest was due.
      clock.t += 60_000;
      const preview = await s.preview('discord', channel);
      expect(preview.messageIds.length).toBeGreaterThan(1);
      clock.t += 6 * 60_000;
      const [later] = await s.tick();
      expect(later).toMatchObject({ status: 'sent' });
      const ids = later?.status === 'sent' ? later.messageIds : [];
      // The digest is the first part and then its own later parts: no preview message among them.
      expect(ids[0]).toBe(part0?.id);
      expect(ids.filter((id) => preview.messageIds.includes(id))).toEqual([]);
      expect(ids).toHaveLength(preview.messageIds.length);
    });
  });

  it('a preview posted by another instance between two attempts is not taken for a part, and is silent', async () => {
    const channel = '700000000000000021';
    await withLostFirstPart(channel, async (s, clock) => {
      const [part0] = fake.channelMessages.filter((m) => m.channel_id === channel);
      // Another instance (or this one before a restart): it knows the channel but not this one's memory.
      const other = await digest(() => new Date(clock.t), provider(), { timeoutMs: 300 });
      await other.subscribe({ platform: 'discord', channelId: channel, time: '23:30', timezone: 'UTC' });
      clock.t += 60_000;
      const preview = await other.preview('discord', channel);
      const posted = fake.channelMessages.filter((m) => preview.messageIds.includes(m.id));
      // A preview notifies nobody; the digest's own part does.
      expect(posted.map((m) => m.flags)).toEqual(posted.map(() => 4096));
      expect(part0?.flags).toBe(0);
      clock.t += 6 * 60_000;
      const [later] = await s.tick();
      const ids = later?.status === 'sent' ? later.messageIds : [];
      expect(ids[0]).toBe(part0?.id);
      expect(ids.filter((id) => preview.messageIds.includes(id))).toEqual([]);
    });
  });

  it('a preview whose own answer was lost is not taken for a part', async () => {
    const channel = '700000000000000022';
    await withLostFirstPart(channel, async (s, clock) => {
      const [part0] = fake.channelMessages.filter((m) => m.channel_id === channel);
      clock.t += 60_000;
      // The preview's first message is created, its answer lost, and the channel cannot be read: it gives up,
      // and nobody knows that message's id.
      fake.slowNext(`POST /channels/${channel}/messages`, 1_000, { times: 1 });
      fake.failNext(`GET /channels/${channel}/messages`, { status: 500, times: 4 });
      await expect(s.preview('discord', channel)).rejects.toThrow(/Discord/);
      const previewPart = fake.channelMessages.filter((m) => m.channel_id === channel)[1];
      expect(previewPart).toBeDefined();
      clock.t += 6 * 60_000;
      const [later] = await s.tick();
      const ids = later?.status === 'sent' ? later.messageIds : [];
      expect(ids[0]).toBe(part0?.id);
      expect(ids).not.toContain(previewPart?.id);
    });
  });
});
