import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import { loadTaxonomy } from '../../src/core/taxonomy.ts';
import { createLogger } from '../../src/log.ts';
import { DeliveryError } from '../../src/schedule/delivery.ts';
import { DigestService, type DigestServiceOptions } from '../../src/schedule/digest-service.ts';
import type { BriefingProvider } from '../../src/service/briefing-provider.ts';
import { makeBriefing } from '../helpers/briefing.ts';
import { FakePoster, rateLimited, unreachable } from '../helpers/fake-poster.ts';

const H = 3_600_000;
const taxonomy = loadTaxonomy();
const logger = createLogger('silent');

/** A clock the test moves by hand; no real waiting anywhere. */
function clock(iso: string) {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    set: (s: string) => (t = Date.parse(s)),
    advance: (ms: number) => (t += ms),
  };
}

const services: DigestService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop().catch(() => {});
});

async function service(
  opts: Partial<Omit<DigestServiceOptions, 'store'>> & { now: () => Date; dbPath?: string },
  posters = { slack: new FakePoster('slack'), discord: new FakePoster('discord') },
) {
  const briefings: BriefingProvider = { get: async () => ({ briefing: makeBriefing({}, 6) }) };
  const s = await DigestService.open({
    dbPath: opts.dbPath ?? ':memory:',
    briefings: opts.briefings ?? briefings,
    taxonomy,
    posters,
    logger,
    catchUpMs: 3 * H,
    retry: { sleep: async () => {}, baseMs: 10, maxMs: 60_000 },
    ...opts,
  });
  services.push(s);
  return { s, posters };
}

describe('DigestService', () => {
  it('posts at the local time in each zone, once per local day', async () => {
    const c = clock('2026-11-25T06:00:00Z');
    const { s, posters } = await service({ now: c.now });
    c.set('2026-11-24T12:00:00Z'); // subscribe the day before
    await s.subscribe({ platform: 'slack', channelId: 'CPARIS', time: '07:30', timezone: 'Europe/Paris' });
    await s.subscribe({ platform: 'discord', channelId: '111', time: '07:30', timezone: 'America/New_York' });

    c.set('2026-11-25T06:29:00Z');
    expect(await s.tick()).toEqual([]);
    c.set('2026-11-25T06:30:00Z'); // 07:30 in Paris
    expect((await s.tick()).map((o) => [o.channel, o.status])).toEqual([['slack:CPARIS', 'sent']]);
    expect(posters.slack.posts).toHaveLength(1);
    c.set('2026-11-25T07:00:00Z');
    expect((await s.tick()).map((o) => o.status)).toEqual(['skipped']);
    c.set('2026-11-25T12:30:00Z'); // 07:30 in New York
    expect((await s.tick()).map((o) => [o.channel, o.status])).toEqual([['discord:111', 'sent']]);
    expect(posters.discord.posts).toHaveLength(1);
    expect(posters.slack.posts).toHaveLength(1);
  });

  it('posts across a DST change at the new local time', async () => {
    const c = clock('2026-10-30T12:00:00Z');
    const { s, posters } = await service({ now: c.now });
    await s.subscribe({ platform: 'slack', channelId: 'CNY', time: '07:30', timezone: 'America/New_York' });
    c.set('2026-10-31T11:30:00Z'); // EDT
    expect((await s.tick())[0]?.status).toBe('sent');
    c.set('2026-11-01T11:30:00Z'); // would be 06:30 EST: not yet
    expect(await s.tick()).toEqual([]);
    c.set('2026-11-01T12:30:00Z'); // 07:30 EST
    expect((await s.tick())[0]).toMatchObject({ status: 'sent', localDate: '2026-11-01' });
    expect(posters.slack.posts).toHaveLength(2);
  });

  it('does not flood on subscribe: the first digest comes at the next time', async () => {
    const c = clock('2026-11-25T09:00:00Z');
    const { s, posters } = await service({ now: c.now });
    await s.subscribe({ platform: 'slack', channelId: 'C1', time: '08:00', timezone: 'UTC' });
    expect(await s.tick()).toEqual([]);
    c.set('2026-11-26T08:00:00Z');
    expect((await s.tick())[0]?.status).toBe('sent');
    expect(posters.slack.posts).toHaveLength(1);
  });

  it('catches up after a late start, and a restart on the same file does not post again', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'briefer-digest-')), 'briefer.db');
    const c = clock('2026-11-25T09:45:00Z'); // 07:30 was 2 h 15 min ago: inside the 3 h window
    const configured = { channels: ['slack:C1', 'discord:222'], time: '07:30', timezone: 'UTC' };
    const first = await service({ now: c.now, dbPath: path, configured });
    expect((await first.s.tick()).map((o) => o.status)).toEqual(['sent', 'sent']);
    await first.s.stop();

    // Restart: a new process on the same database.
    c.advance(60_000);
    const second = await service({ now: c.now, dbPath: path, configured });
    expect((await second.s.tick()).map((o) => o.status)).toEqual(['skipped', 'skipped']);
    expect(second.posters.slack.posts).toHaveLength(0);
    expect(second.posters.discord.posts).toHaveLength(0);
  });

  it('does not catch up past the window', async () => {
    const c = clock('2026-11-25T10:31:00Z');
    const { s, posters } = await service({
      now: c.now,
      configured: { channels: ['slack:C1'], time: '07:30', timezone: 'UTC' },
    });
    expect(await s.tick()).toEqual([]);
    expect(posters.slack.posts).toHaveLength(0);
  });

  it('two instances ticking at once on one file post once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'briefer-digest-')), 'briefer.db');
    const c = clock('2026-11-25T07:30:00Z');
    const configured = { channels: ['slack:C1'], time: '07:30', timezone: 'UTC' };
    const a = await service({ now: c.now, dbPath: path, configured });
    const b = await service({ now: c.now, dbPath: path, configured });
    const [ra, rb] = await Promise.all([a.s.tick(), b.s.tick()]);
    expect([...(ra ?? []), ...(rb ?? [])].map((o) => o.status).sort()).toEqual(['sent', 'skipped']);
    expect(a.posters.slack.posts.length + b.posters.slack.posts.length).toBe(1);
  });

  it('waits out a rate limit (Retry-After) and still posts', async () => {
    const c = clock('2026-11-25T07:30:00Z');
    const waits: number[] = [];
    const { s, posters } = await service({
      now: c.now,
      configured: { channels: ['slack:C1'], time: '07:30', timezone: 'UTC' },
      retry: { sleep: async (ms) => void waits.push(ms), baseMs: 100, maxMs: 60_000 },
    });
    posters.slack.failNext(rateLimited(7000), rateLimited(0));
    expect((await s.tick())[0]?.status).toBe('sent');
    expect(posters.slack.attempts).toBe(3);
    // The first wait honours Retry-After (7 s), the second falls back to exponential backoff.
    expect(waits).toEqual([7000, 200]);
  });

  it('never posts a message twice: a later attempt continues after what a failed one posted', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'briefer-digest-')), 'briefer.db');
    const c = clock('2026-11-25T07:30:00Z');
    const configured = { channels: ['slack:C1'], time: '07:30', timezone: 'UTC' };
    const posters = { slack: new FakePoster('slack', 3), discord: new FakePoster('discord') };
    // Page 1 goes out, then page 2 fails on every retry of this attempt (an outage).
    posters.slack.failNext(null, ...Array.from({ length: 5 }, () => new DeliveryError('retryable', '503')));
    const first = await service(
      { now: c.now, dbPath: path, configured, retry: { sleep: async () => {}, retries: 4 } },
      posters,
    );
    expect((await first.s.tick())[0]?.status).toBe('failed');
    expect(posters.slack.messages).toEqual(['C1-m1']);
    await first.s.stop();

    // The next attempt (failed digests wait 5 min), here by a restarted process on the same file,
    // posts pages 2 and 3 only.
    c.advance(5 * 60_000);
    const second = await service({ now: c.now, dbPath: path, configured }, posters);
    const [outcome] = await second.s.tick();
    expect(outcome).toMatchObject({ status: 'sent', messageIds: ['C1-m1', 'C1-m2', 'C1-m3'] });
    expect(posters.slack.messages).toEqual(['C1-m1', 'C1-m2', 'C1-m3']);
    expect((await second.s.tick()).map((o) => o.status)).toEqual(['skipped']);
  });

  it('marks an unreachable channel, reports it, never retries it, and keeps posting elsewhere', async () => {
    const c = clock('2026-11-25T07:30:00Z');
    const { s, posters } = await service({
      now: c.now,
      configured: { channels: ['slack:CGONE', 'slack:COK'], time: '07:30', timezone: 'UTC' },
    });
    posters.slack.failChannel('CGONE', unreachable('channel_not_found'));
    const outcomes = await s.tick();
    expect(outcomes.find((o) => o.channel === 'slack:CGONE')).toMatchObject({
      status: 'failed',
      unreachable: true,
    });
    expect(outcomes.find((o) => o.channel === 'slack:COK')).toMatchObject({ status: 'sent' });
    expect((await s.status('slack', 'CGONE')).subscription?.unreachable?.reason).toBe('channel_not_found');
    const attempts = posters.slack.attempts;
    c.advance(10 * 60_000);
    await s.tick();
    c.set('2026-11-26T07:30:00Z');
    await s.tick();
    expect(posters.slack.attempts).toBe(attempts + 1); // only COK's next-day post
    // Re-subscribing clears the mark.
    await s.subscribe({ platform: 'slack', channelId: 'CGONE', time: '08:00', timezone: 'UTC' });
    expect((await s.status('slack', 'CGONE')).subscription?.unreachable).toBeUndefined();
  });

  it('uses the last good briefing, says how old, and filters topics', async () => {
    const c = clock('2026-11-25T07:30:00Z');
    const briefings: BriefingProvider = {
      get: async () => ({
        briefing: makeBriefing({}, 6),
        stale: { since: new Date('2026-11-25T05:00:00Z'), error: 'feeds: timeout' },
      }),
    };
    const { s, posters } = await service({ now: c.now, briefings });
    c.set('2026-11-24T00:00:00Z');
    await s.subscribe({
      platform: 'slack',
      channelId: 'C1',
      time: '07:30',
      timezone: 'UTC',
      categories: 'markets, Sports',
    });
    c.set('2026-11-25T07:30:00Z');
    await s.tick();
    const reply = posters.slack.posts[0]?.reply;
    expect(reply?.notices?.[0]).toMatch(/2 h 30 min ago: feeds: timeout/);
    if (reply?.view.kind !== 'brief') throw new Error('expected a brief');
    expect(new Set(reply.view.briefing.headlines.map((h) => h.category))).toEqual(
      new Set(['markets', 'sports']),
    );
    expect(Object.keys(reply.view.briefing.categories).sort()).toEqual(['markets', 'sports']);
  });

  it('validates what people type, with a message that says how', async () => {
    const { s } = await service({ now: () => new Date('2026-11-25T07:30:00Z') });
    const base = { platform: 'slack' as const, channelId: 'C1' };
    await expect(s.subscribe({ ...base, time: '7.30' })).rejects.toThrow(UsageError);
    await expect(s.subscribe({ ...base, time: '24:00' })).rejects.toThrow(/HH:MM/);
    await expect(s.subscribe({ ...base, timezone: 'Paris' })).rejects.toThrow(/IANA zone/);
    await expect(s.subscribe({ ...base, weekdays: 'someday' })).rejects.toThrow(/weekdays/);
    await expect(s.subscribe({ ...base, categories: 'markets,gossip' })).rejects.toThrow(
      /unknown category "gossip"/,
    );
    await expect(s.subscribe({ ...base, mention: '@everyone' })).rejects.toThrow(/user group/);
    expect(await s.subscribe({ ...base, time: '7:05', mention: '<!subteam^S0123|@news>' })).toMatchObject({
      time: '07:05',
      mention: 'S0123',
    });
    expect(
      (await s.subscribe({ platform: 'discord', channelId: '9', mention: '<@&123456789012>' })).mention,
    ).toBe('123456789012');
  });

  it('gives status with the next run and the last post', async () => {
    const c = clock('2026-11-25T07:30:00Z');
    const { s } = await service({
      now: c.now,
      configured: { channels: ['slack:C1'], time: '07:30', timezone: 'UTC' },
    });
    await s.tick();
    const st = await s.status('slack', 'C1');
    expect(st.nextRun?.toISOString()).toBe('2026-11-26T07:30:00.000Z');
    expect(st.lastPost).toMatchObject({ status: 'sent', localDate: '2026-11-25' });
    expect((await s.status('slack', 'CNONE')).subscription).toBeUndefined();
  });

  it('previews without using up the day', async () => {
    const c = clock('2026-11-25T07:00:00Z');
    const { s, posters } = await service({
      now: c.now,
      configured: { channels: ['slack:C1'], time: '07:30', timezone: 'UTC' },
    });
    await s.preview('slack', 'C1');
    expect(posters.slack.posts[0]?.reply.notices).toContain('Preview of the daily digest');
    c.set('2026-11-25T07:30:00Z');
    expect((await s.tick())[0]?.status).toBe('sent');
  });
});
