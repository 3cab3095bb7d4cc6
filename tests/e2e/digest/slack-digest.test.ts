/**
 * The daily digest on Slack end to end: the real SlackPoster (Web API client) and DigestService
 * against the fake Slack on loopback, and `/digest` through the real Bolt app with signed requests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDigestSlackClient } from '../../../src/adapters/slack/web-client.ts';
import { loadConfig } from '../../../src/config.ts';
import { buildBriefing } from '../../../src/core/briefing.ts';
import { createCategorizer } from '../../../src/core/categorizer.ts';
import { loadTaxonomy } from '../../../src/core/taxonomy.ts';
import { createLogger } from '../../../src/log.ts';
import { DigestService } from '../../../src/schedule/digest-service.ts';
import { SlackPoster } from '../../../src/schedule/slack-poster.ts';
import type { BriefingProvider } from '../../../src/service/briefing-provider.ts';
import { controlSequences, messageProblems } from '../../fakes/slack/block-kit-rules.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { HOSTILE, makeNews } from '../../fakes/slack/news.ts';
import { attachDigests, type SlackHarness, startSlackHarness } from '../slack/harness.ts';

const taxonomy = loadTaxonomy();
/** Mentions and channel links (links to articles are fine). */
const pings = (payload: Record<string, unknown>) =>
  controlSequences(payload as { text: unknown; blocks: unknown }).filter((s) => /^<[!@#]/.test(s));
const categorizer = createCategorizer(taxonomy);
const logger = createLogger('silent');
const provider = (headlines = 200): BriefingProvider => ({
  get: async () => ({
    briefing: buildBriefing(makeNews({ headlines, hostile: true }), {
      source: 'test',
      categorizer,
      taxonomy,
    }),
  }),
});

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});

const services: DigestService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

async function digest(
  now: () => Date,
  briefings = provider(),
  options: {
    fake?: FakeSlack;
    timeoutMs?: number;
    dbPath?: string;
    sleep?: (ms: number) => Promise<void>;
  } = {},
) {
  const env = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-digest-test',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: (options.fake ?? slack).apiUrl,
    DIGEST_POST_TIMEOUT_MS: String(options.timeoutMs ?? 10_000),
  }).env;
  const s = await DigestService.open({
    dbPath: options.dbPath ?? join(mkdtempSync(join(tmpdir(), 'briefer-e2e-')), 'briefer.db'),
    briefings,
    taxonomy,
    posters: { slack: new SlackPoster(createDigestSlackClient(env, logger)) },
    logger,
    catchUpMs: 3 * 3_600_000,
    retry: { sleep: options.sleep ?? (async () => {}), baseMs: 1 },
    // Every headline posted, to test the platform's own limits (the briefing limits have their own tests).
    limits: { maxPerCategory: 1000, maxHeadlines: 1000 },
    now,
  });
  services.push(s);
  return s;
}

describe('daily digest on Slack', () => {
  it('posts a 200-headline briefing with chat.postMessage, every message valid and mention-safe', async () => {
    const clock = { t: Date.parse('2026-11-24T12:00:00Z') };
    const s = await digest(() => new Date(clock.t));
    await s.subscribe({ platform: 'slack', channelId: 'C0DIGEST1', time: '07:30', timezone: 'Europe/Paris' });
    clock.t = Date.parse('2026-11-25T06:30:00Z');
    const before = slack.callsTo('chat.postMessage').length;
    const [outcome] = await s.tick();
    expect(outcome?.status).toBe('sent');
    const posts = slack.callsTo('chat.postMessage').slice(before);
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) {
      expect(p.token).toBe('xoxb-digest-test');
      expect(p.params.channel).toBe('C0DIGEST1');
      expect(typeof p.params.text).toBe('string');
      expect(messageProblems(p.params as { text: unknown; blocks: unknown })).toEqual([]);
      expect(pings(p.params)).toEqual([]);
    }
    // Exactly once: a later tick the same day posts nothing.
    clock.t += 30 * 60_000;
    expect((await s.tick())[0]).toMatchObject({ status: 'skipped' });
  });

  it('never repeats a message: after a failed attempt the next one posts only the rest', async () => {
    const clock = { t: Date.parse('2026-11-25T06:30:00Z') };
    const s = await digest(() => new Date(clock.t));
    await s.subscribe({ platform: 'slack', channelId: 'C0DIGEST4', time: '07:30', timezone: 'Europe/Paris' });
    // The next tick is the first due: let the first message through, then fail every retry.
    clock.t = Date.parse('2026-11-26T06:30:00Z');
    slack.failNext('chat.postMessage', 'service_unavailable', { after: 1, times: 5 });
    const before = slack.callsTo('chat.postMessage').length;
    expect((await s.tick())[0]).toMatchObject({ status: 'failed' });
    const firstAttempt = slack.callsTo('chat.postMessage').slice(before);
    expect(firstAttempt.map((c) => c.response.ok)).toEqual([true, false, false, false, false, false]);

    // A failed digest is tried again after five minutes.
    clock.t += 5 * 60_000;
    const [outcome] = await s.tick();
    expect(outcome?.status).toBe('sent');
    const all = slack
      .callsTo('chat.postMessage')
      .slice(before)
      .filter((c) => c.response.ok);
    const texts = all.map((c) => JSON.stringify(c.params.blocks));
    // Every message of the digest went out once: none repeated, and the first one is in the result.
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThan(2);
    expect(outcome?.status === 'sent' && outcome.messageIds[0]).toBe(all[0]?.response.ts);
  });

  it('notifies only the opted-in user group', async () => {
    const s = await digest(() => new Date('2026-11-25T06:00:00Z'), provider(5));
    await s.subscribe({ platform: 'slack', channelId: 'C0DIGEST2', mention: '<!subteam^S0NEWS|@news>' });
    const before = slack.callsTo('chat.postMessage').length;
    await s.preview('slack', 'C0DIGEST2');
    const first = slack.callsTo('chat.postMessage')[before];
    expect(String(first?.params.text)).toMatch(/^<!subteam\^S0NEWS>/);
    // The only control sequence anywhere is the opted-in group; nothing from the headlines.
    expect(new Set(pings(first?.params ?? {}))).toEqual(new Set(['<!subteam^S0NEWS>']));
    expect(HOSTILE.length).toBeGreaterThan(0);
  });

  it('waits out a ratelimited answer (Retry-After) and posts', async () => {
    const waits: number[] = [];
    const s = await digest(() => new Date('2026-11-25T06:00:00Z'), provider(5), {
      sleep: async (ms) => void waits.push(ms),
    });
    slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 1 });
    const before = slack.callsTo('chat.postMessage').length;
    const { messageIds } = await s.preview('slack', 'C0DIGEST3');
    const calls = slack.callsTo('chat.postMessage').slice(before);
    expect(calls[0]?.status).toBe(429);
    expect(calls[1]?.status).toBe(200);
    // The client hands the 429 back (it never retries digest posts itself); the runner waits the
    // second Slack asked for before trying again.
    expect(waits).toEqual([1000]);
    expect(messageIds).toHaveLength(1);
  });

  it('marks channel_not_found and not_in_channel as unreachable and goes on with the others', async () => {
    const clock = { t: Date.parse('2026-11-24T00:00:00Z') };
    const s = await digest(() => new Date(clock.t), provider(5));
    for (const id of ['C0GONE', 'C0KICKED', 'C0FINE'])
      await s.subscribe({ platform: 'slack', channelId: id, time: '07:30', timezone: 'UTC' });
    slack.handle('chat.postMessage', (params) => {
      if (params.channel === 'C0GONE') return { ok: false, error: 'channel_not_found' };
      if (params.channel === 'C0KICKED') return { ok: false, error: 'not_in_channel' };
      return { ok: true, channel: params.channel, ts: `${Date.now()}.000100` };
    });
    try {
      clock.t = Date.parse('2026-11-25T07:30:00Z');
      const outcomes = Object.fromEntries((await s.tick()).map((o) => [o.channel, o.status]));
      expect(outcomes).toEqual({
        'slack:C0FINE': 'sent',
        'slack:C0GONE': 'failed',
        'slack:C0KICKED': 'failed',
      });
      expect((await s.status('slack', 'C0GONE')).subscription?.unreachable?.reason).toBe(
        'Slack: channel_not_found',
      );
      expect((await s.status('slack', 'C0KICKED')).subscription?.unreachable?.reason).toBe(
        'Slack: not_in_channel',
      );
    } finally {
      slack.handle('chat.postMessage', (params) => ({
        ok: true,
        channel: params.channel,
        ts: `${Date.now()}.000200`,
      }));
    }
  });
});

describe('a slow Slack gets exactly one copy (unknown outcomes are confirmed, not repeated)', () => {
  let slow: FakeSlack;
  beforeAll(async () => {
    slow = await startFakeSlack();
  });
  afterAll(async () => {
    await slow.close();
  });
  /** Every message a channel got, by the digest part its metadata names. */
  const parts = (channel: string) =>
    slow.channelMessages(channel).map((m) => {
      const meta = m.metadata as { event_type: string; event_payload: { digest_id: string; part: number } };
      expect(meta.event_type).toBe('briefer_digest');
      return `${meta.event_payload.digest_id}#${meta.event_payload.part}`;
    });

  it('a scheduled digest whose chat.postMessage answers after the client gave up is posted once', async () => {
    const clock = { t: Date.parse('2026-11-25T07:30:00Z') };
    const s = await digest(() => new Date(clock.t), provider(5), { fake: slow, timeoutMs: 300 });
    await s.subscribe({ platform: 'slack', channelId: 'C0SLOW1', time: '07:30', timezone: 'UTC' });
    clock.t = Date.parse('2026-11-26T07:30:00Z');
    // Slack takes every message at once but answers each 2 s late, long after the 300 ms timeout.
    slow.slowNext('chat.postMessage', 2_000, { times: 10 });
    const [outcome] = await s.tick();
    expect(outcome).toMatchObject({ status: 'sent' });
    const got = parts('C0SLOW1');
    expect(got.length).toBeGreaterThan(0);
    expect(new Set(got).size).toBe(got.length);
    expect(got[0]).toBe('slack:C0SLOW1/2026-11-26#0');
    // Each timed-out post was confirmed from the channel's history, with metadata asked for.
    const history = slow.callsTo('conversations.history');
    expect(history.length).toBeGreaterThan(0);
    expect(
      history.every(
        (c) => c.params.include_all_metadata === true || c.params.include_all_metadata === 'true',
      ),
    ).toBe(true);
    expect(outcome?.status === 'sent' && outcome.messageIds).toEqual(
      slow.channelMessages('C0SLOW1').map((m) => m.ts),
    );
  });

  it('a preview against a slow Slack is posted once', async () => {
    const s = await digest(() => new Date('2026-11-25T07:30:00Z'), provider(5), {
      fake: slow,
      timeoutMs: 300,
    });
    slow.slowNext('chat.postMessage', 2_000, { times: 10 });
    const { messageIds } = await s.preview('slack', 'C0SLOW2');
    expect(messageIds).toEqual(slow.channelMessages('C0SLOW2').map((m) => m.ts));
    const got = parts('C0SLOW2');
    expect(new Set(got).size).toBe(got.length);
  });

  it("an instance taking over a dead one's claim finds what it posted and does not post it again", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'briefer-e2e-')), 'briefer.db');
    const clock = { t: Date.parse('2026-11-24T00:00:00Z') };
    const dead = await digest(() => new Date(clock.t), provider(5), { fake: slow, dbPath });
    await dead.subscribe({ platform: 'slack', channelId: 'C0TAKEN', time: '07:30', timezone: 'UTC' });
    clock.t = Date.parse('2026-11-25T07:30:00Z');
    // The dead instance claimed the day and posted the whole digest, then died before recording it.
    expect((await dead.ledger.claim('slack:C0TAKEN', '2026-11-25', 'dead', new Date(clock.t))).claimed).toBe(
      true,
    );
    const subscription = await dead.subscriptions.get('slack:C0TAKEN');
    if (!subscription) throw new Error('setup');
    const env = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-dead',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: slow.apiUrl,
    }).env;
    const poster = new SlackPoster(createDigestSlackClient(env, logger));
    const reply = {
      view: { kind: 'brief' as const, briefing: (await provider(5).get()).briefing },
      visibility: 'public' as const,
      notices: [],
    };
    await poster.post(subscription, reply, taxonomy, {
      messageIds: [],
      digestId: 'slack:C0TAKEN/2026-11-25',
    });
    const posted = slow.channelMessages('C0TAKEN').length;
    expect(posted).toBeGreaterThan(0);

    // Another instance, after the dead one's lease ran out.
    const next = await digest(() => new Date(clock.t), provider(5), { fake: slow, dbPath });
    clock.t += dead.ledger.leaseMs;
    const [outcome] = await next.tick();
    expect(outcome).toMatchObject({ status: 'sent' });
    expect(slow.channelMessages('C0TAKEN')).toHaveLength(posted);
    expect(outcome?.status === 'sent' && outcome.messageIds).toEqual(
      slow.channelMessages('C0TAKEN').map((m) => m.ts),
    );
  });
});

describe('/digest on Slack', () => {
  let h: SlackHarness;
  let service: DigestService;
  beforeAll(async () => {
    h = await startSlackHarness();
    service = await attachDigests(h, logger);
  });
  afterAll(async () => {
    await service.stop();
    await h.close();
  });

  const replyText = (replies: Array<Record<string, unknown>>) => JSON.stringify(replies);

  it('lets a listed admin turn it on and anyone read the status', async () => {
    const on = await h.command('/digest', 'on time:06:45 timezone:Asia/Tokyo categories:markets', {
      user_id: 'U0ADMIN',
    });
    expect(on.ack.status).toBe(200);
    expect(replyText(await h.replies(on.responseId))).toMatch(/Posts every day at 06:45 \(Asia\/Tokyo\)/);
    expect((await service.status('slack', 'C0NEWS')).subscription).toMatchObject({
      time: '06:45',
      categories: ['markets'],
      createdBy: 'U0ADMIN',
    });
    const status = await h.command('/digest', 'status', { user_id: 'U0ALICE' });
    expect(replyText(await h.replies(status.responseId))).toMatch(/Next digest/);
  });

  it('refuses someone not in SLACK_DIGEST_ADMINS, and changes nothing', async () => {
    const off = await h.command('/digest', 'off', { user_id: 'U0ALICE' });
    expect(replyText(await h.replies(off.responseId))).toMatch(/Only people who manage/);
    expect((await service.status('slack', 'C0NEWS')).subscription).toBeDefined();
  });

  it('answers bad input with the usage line', async () => {
    const bad = await h.command('/digest', 'sometimes', { user_id: 'U0ADMIN' });
    expect(bad.ackBody + replyText(await h.replies(bad.responseId))).toMatch(
      /action must be one of on, off, status, preview/,
    );
  });
});
