/**
 * The store's behaviour, the same suite on SQLite and on a real PostgreSQL (BRIEFER_TEST_PG_URL):
 * migrations, subscriptions, the digest ledger's claims and leases, the shared summary cache and
 * replay guard. Two store objects on one database stand for two instances.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrationNames } from '../../src/store/migrations.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { PG_SKIP_REASON, STORE_TARGETS } from '../helpers/store-targets.ts';

const t0 = new Date('2026-11-25T07:30:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe.each(STORE_TARGETS)('store on $name', (target) => {
  if (!target.available) {
    it.skip(PG_SKIP_REASON, () => {});
    return;
  }
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  /** Opens the same database `count` times, as that many instances would. */
  async function stores(count: number, options: Parameters<typeof openStore>[1] = {}) {
    const url = await target.fresh();
    const out: Store[] = [];
    for (let i = 0; i < count; i++) out.push(await openStore(url, options));
    open.push(...out);
    return out;
  }

  it('applies every migration once, and opening again changes nothing', async () => {
    const [a, b] = (await stores(2)) as [Store, Store];
    const applied = await b.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .orderBy('name' as never)
      .execute();
    expect(applied.map((r) => (r as { name: string }).name)).toEqual(migrationNames);
    await a.ping();
    expect(a.dialect).toBe(target.name);
  });

  it('stores subscriptions: upsert, list, re-subscribe clears unreachable, remove', async () => {
    const [a, b] = (await stores(2)) as [Store, Store];
    const s = await a.subscriptions.upsert({
      platform: 'slack',
      channelId: 'C1',
      time: '07:30',
      timezone: 'Europe/Paris',
      origin: 'chat',
      categories: ['world', 'tech'],
      mention: 'S0TEAM',
      createdBy: 'U1',
    });
    expect(s).toMatchObject({ channel: 'slack:C1', weekdays: '*', categories: ['world', 'tech'] });
    // Another instance sees it at once.
    expect(await b.subscriptions.get('slack:C1')).toEqual(s);
    await b.subscriptions.markUnreachable('slack:C1', 'channel_not_found');
    await b.subscriptions.recordError('slack:C1', 'boom');
    expect(await a.subscriptions.get('slack:C1')).toMatchObject({
      unreachable: { reason: 'channel_not_found' },
      lastError: { message: 'boom' },
    });
    const again = await a.subscriptions.upsert({
      platform: 'slack',
      channelId: 'C1',
      time: '08:00',
      timezone: 'UTC',
      origin: 'chat',
    });
    expect(again.unreachable).toBeUndefined();
    expect(again.lastError).toBeUndefined();
    expect(again.createdBy).toBe('U1');
    expect(again.categories).toBeUndefined();
    await a.subscriptions.upsert({
      platform: 'discord',
      channelId: '42',
      time: '09:00',
      timezone: 'UTC',
      origin: 'config',
    });
    expect((await b.subscriptions.list()).map((x) => x.channel)).toEqual(['discord:42', 'slack:C1']);
    expect(await b.subscriptions.remove('slack:C1')).toBe(true);
    expect(await a.subscriptions.remove('slack:C1')).toBe(false);
  });

  it('lets exactly one of two instances claim a day', async () => {
    const [a, b] = (await stores(2)) as [Store, Store];
    expect(await a.ledger.claim('slack:C1', '2026-11-25', 'A', t0)).toEqual({
      claimed: true,
      attempt: 1,
      recovering: false,
      posted: [],
    });
    expect(await b.ledger.claim('slack:C1', '2026-11-25', 'B', t0)).toMatchObject({
      claimed: false,
      reason: 'in-progress',
    });
    await a.ledger.complete('slack:C1', '2026-11-25', ['m1'], t0);
    expect(await b.ledger.claim('slack:C1', '2026-11-25', 'B', later(3600_000))).toMatchObject({
      claimed: false,
      reason: 'already-sent',
    });
    expect(await b.ledger.get('slack:C1', '2026-11-25')).toMatchObject({
      status: 'sent',
      messageIds: ['m1'],
      claimedBy: 'A',
    });
    expect((await b.ledger.claim('slack:C1', '2026-11-26', 'B', later(86_400_000))).claimed).toBe(true);
  });

  it('claims in batches: concurrent instances split the due digests, none twice, none left', async () => {
    const [a, b, c] = (await stores(3)) as [Store, Store, Store];
    const keys = Array.from({ length: 120 }, (_, i) => ({ channel: `slack:C${i}`, localDate: '2026-11-25' }));
    await Promise.all([a.ledger.enqueue(keys), b.ledger.enqueue(keys)]);
    const take = async (s: Store, owner: string) => {
      const mine: string[] = [];
      for (;;) {
        const batch = await s.ledger.claimBatch(keys, owner, t0, 5);
        if (batch.length === 0) return mine;
        expect(batch.length).toBeLessThanOrEqual(5);
        for (const p of batch) {
          mine.push(p.channel);
          await s.ledger.complete(p.channel, p.localDate, [`${owner}-${p.channel}`], t0);
        }
      }
    };
    const all = (await Promise.all([take(a, 'A'), take(b, 'B'), take(c, 'C')])).flat();
    expect(all).toHaveLength(120);
    expect(new Set(all).size).toBe(120);
    const records = await a.ledger.records(keys);
    expect([...records.values()].every((r) => r.status === 'sent')).toBe(true);
  });

  it('takes over a claim whose instance died, once its lease runs out; a heartbeat keeps it', async () => {
    const [a, b] = (await stores(2, { ledger: { leaseMs: 15_000 } })) as [Store, Store];
    await a.ledger.claim('discord:1', '2026-11-25', 'alive', t0);
    await a.ledger.claim('discord:2', '2026-11-25', 'crashed', t0);
    // `alive` renews its lease; `crashed` stopped.
    expect(await a.ledger.renew('alive', later(10_000))).toBe(1);
    expect((await b.ledger.claim('discord:2', '2026-11-25', 'new', later(14_999))).claimed).toBe(false);
    expect(await b.ledger.claim('discord:2', '2026-11-25', 'new', later(15_000))).toEqual({
      claimed: true,
      attempt: 2,
      recovering: true,
      posted: [],
    });
    expect(await b.ledger.claim('discord:1', '2026-11-25', 'new', later(20_000))).toMatchObject({
      claimed: false,
      reason: 'in-progress',
    });
  });

  it('hands the next attempt the messages earlier ones posted, after a crash or a failure', async () => {
    const [{ ledger }] = (await stores(1, { ledger: { leaseMs: 60_000 } })) as [Store];
    await ledger.claim('slack:C1', 'd', 'crashed', t0);
    await ledger.recordPosted('slack:C1', 'd', 'crashed', ['m1']);
    await ledger.recordPosted('slack:C1', 'd', 'crashed', ['m1', 'm2']);
    expect(await ledger.claim('slack:C1', 'd', 'next', later(60_000))).toMatchObject({
      claimed: true,
      recovering: true,
      posted: ['m1', 'm2'],
    });
    // An instance that lost its claim cannot overwrite the new owner's progress.
    await ledger.recordPosted('slack:C1', 'd', 'crashed', ['stale']);
    await ledger.recordPosted('slack:C1', 'd', 'next', ['m1', 'm2', 'm3']);
    await ledger.fail('slack:C1', 'd', '503', false);
    expect(await ledger.claim('slack:C1', 'd', 'third', later(120_000))).toMatchObject({
      claimed: true,
      recovering: false,
      posted: ['m1', 'm2', 'm3'],
    });
    await ledger.complete('slack:C1', 'd', ['m1', 'm2', 'm3', 'm4'], later(120_000));
    expect(await ledger.get('slack:C1', 'd')).toMatchObject({
      status: 'sent',
      messageIds: ['m1', 'm2', 'm3', 'm4'],
    });
  });

  it('retries a failed day until the attempts run out; a final failure stops at once', async () => {
    const [{ ledger }] = (await stores(1, { ledger: { maxAttempts: 3 } })) as [Store];
    await ledger.claim('slack:C1', 'd', 'p', t0);
    await ledger.fail('slack:C1', 'd', '503', false);
    expect(await ledger.claim('slack:C1', 'd', 'p', t0)).toMatchObject({
      claimed: true,
      attempt: 2,
      recovering: false,
    });
    await ledger.fail('slack:C1', 'd', '503', false);
    expect(await ledger.claim('slack:C1', 'd', 'p', t0)).toMatchObject({ claimed: true, attempt: 3 });
    await ledger.fail('slack:C1', 'd', '503', false);
    expect(await ledger.claim('slack:C1', 'd', 'p', t0)).toMatchObject({ claimed: false, reason: 'gave-up' });

    await ledger.claim('slack:C2', 'd', 'p', t0);
    await ledger.fail('slack:C2', 'd', 'channel_not_found', true);
    expect(await ledger.claim('slack:C2', 'd', 'p', t0)).toMatchObject({ claimed: false, reason: 'gave-up' });
    expect(await ledger.latest('slack:C2')).toMatchObject({ status: 'failed', error: 'channel_not_found' });
  });

  it('shares the summary cache between instances, with expiry', async () => {
    const clock = { t: t0.getTime() };
    const [a, b] = (await stores(2, { now: () => new Date(clock.t) })) as [Store, Store];
    expect(await a.summaryCache.get('story-1')).toBeUndefined();
    await a.summaryCache.set('story-1', 'A summary.', 60_000);
    expect(await b.summaryCache.get('story-1')).toBe('A summary.');
    await b.summaryCache.set('story-1', 'A better summary.', 60_000);
    expect(await a.summaryCache.get('story-1')).toBe('A better summary.');
    clock.t += 60_000;
    expect(await a.summaryCache.get('story-1')).toBeUndefined();
  });

  it('replay guard: of many instances seeing one id at once exactly one is first; it expires', async () => {
    const clock = { t: t0.getTime() };
    const instances = await stores(3, { now: () => new Date(clock.t) });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => instances[i % 3]?.replayGuard.firstSeen('sig-1', 300_000)),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await instances[0]?.replayGuard.firstSeen('sig-2', 300_000)).toBe(true);
    clock.t += 299_999;
    expect(await instances[1]?.replayGuard.firstSeen('sig-1', 300_000)).toBe(false);
    clock.t += 1;
    expect(await instances[2]?.replayGuard.firstSeen('sig-1', 300_000)).toBe(true);
    expect(await instances[0]?.replayGuard.firstSeen('sig-1', 300_000)).toBe(false);
  });
});
