/**
 * Finding 9, the parts a test can check without timing anything (speed is in `npm run bench -- load`):
 * a reply is rendered once per briefing version and reused; on Slack a busy bot puts a reply that is
 * ready at once in the ack itself (the same messages); a Discord interaction that arrives while the bot
 * is busy is deferred at once instead of waiting for a timer that load could delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { News } from '../../../src/core/schemas.ts';
import type { NewsSource } from '../../../src/sources/source.ts';
import { smallNews } from '../../fakes/discord/news.ts';
import { signatureHeaders } from '../../fakes/discord/signing.ts';
import { messageProblems } from '../../fakes/slack/block-kit-rules.ts';
import { makeNews } from '../../fakes/slack/news.ts';
import { type Bot, startBot } from '../discord/harness.ts';
import { ackMessage, type SlackHarness, startSlackHarness } from '../slack/harness.ts';

describe('render once per briefing version (finding 9)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renders /brief once for 20 people asking at once, and again after a refresh', async () => {
    const warm = await h.command('/brief');
    await h.replies(warm.responseId);
    const before = { ...h.app.renderCache.stats };
    const results = await Promise.all(Array.from({ length: 20 }, () => h.command('/brief')));
    const replies = await Promise.all(results.map((r) => h.replies(r.responseId)));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(h.app.renderCache.stats.made - before.made).toBe(0);
    expect(h.app.renderCache.stats.reused - before.reused).toBe(20);
    await h.app.briefings.refresh();
    const after = await h.command('/brief');
    await h.replies(after.responseId);
    expect(h.app.renderCache.stats.made - before.made).toBe(1);
  });
});

/** Every headline shown: a /brief long enough to need several messages. */
const SHOW_ALL = { BRIEFER_MAX_PER_CATEGORY: '1000', BRIEFER_MAX_HEADLINES: '1000' };

describe('Slack answers in the ack when busy (finding 9)', () => {
  let busy: SlackHarness;
  let quiet: SlackHarness;
  beforeAll(async () => {
    const news = makeNews({ headlines: 200, storyChars: 50_000, titleChars: 400, headlineChars: 180 });
    [busy, quiet] = await Promise.all([
      startSlackHarness({ news, busyAt: 0, env: SHOW_ALL }),
      startSlackHarness({ news, env: SHOW_ALL }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([busy?.close(), quiet?.close()]);
  });

  it('puts a ready /brief in the ack and the rest on the response_url: the same messages as when quiet', async () => {
    // The first ask builds this briefing (in slices); the next is answered from it.
    await busy.replies((await busy.command('/brief', '10')).responseId);

    const fast = await busy.command('/brief', '10');
    expect(fast.ack.status).toBe(200);
    const inAck = ackMessage(fast.ackBody);
    expect(inAck?.response_type).toBe('ephemeral');
    const replies = await busy.replies(fast.responseId);
    expect(replies.length).toBeGreaterThan(1);
    for (const r of replies) expect(messageProblems(r)).toEqual([]);
    expect(busy.responses.postsTo(fast.responseId)).toHaveLength(replies.length - 1);

    const slow = await quiet.command('/brief', '10');
    expect(slow.ackBody).toBe('');
    const delivered = await quiet.replies(slow.responseId);
    const shown = (messages: Array<Record<string, unknown>>) =>
      messages.map((m) => JSON.stringify([m.response_type, m.text, m.blocks]));
    expect(shown(replies)).toEqual(shown(delivered));
  });

  it('still looks up admins first: /digest is never answered in the ack', async () => {
    const digest = await busy.command('/digest', 'status', { user_id: 'U0ADMIN' });
    expect(digest.ackBody).toBe('');
    expect((await busy.replies(digest.responseId)).length).toBeGreaterThan(0);
  });
});

describe('Discord defers at once when busy (finding 9)', () => {
  let bot: Bot;
  let release: (news: News) => void = () => {};
  const gated: NewsSource = {
    name: 'gated news',
    load: () => new Promise<News>((resolve) => (release = resolve)),
  };
  beforeAll(async () => {
    // A deferral timer of a minute: only the busy rule can make these defer within the test.
    bot = await startBot({ source: gated, transports: ['http'], deferAfterMs: 60_000, busyAt: 8 });
  });
  afterAll(async () => {
    release(smallNews());
    await bot?.stop();
  });

  it('defers interactions that arrive while 8 are already in progress, then edits in the answer', async () => {
    const url = bot.http?.url as string;
    const post = async () => {
      const body = JSON.stringify(bot.fake.command('brief'));
      const headers = { 'content-type': 'application/json', ...signatureHeaders(bot.keys.privateKey, body) };
      const res = await fetch(url, { method: 'POST', headers, body });
      return ((await res.json()) as { type: number }).type;
    };
    // Twelve at once: whichever arrive while eight are in progress must defer; the news is held back
    // until four have answered, and only a deferral can answer before the news exists.
    let answered = 0;
    let fourAnswered: () => void = () => {};
    const four = new Promise<void>((resolve) => (fourAnswered = resolve));
    const pending = Array.from({ length: 12 }, () =>
      post().then((type) => {
        if (++answered === 4) fourAnswered();
        return type;
      }),
    );
    await four;
    release(smallNews());
    const types = await Promise.all(pending);
    const deferred = types.filter((t) => t === 5).length;
    // At least the four that answered before the news existed; the rest answered directly.
    expect(deferred).toBeGreaterThanOrEqual(4);
    expect(types.filter((t) => t === 4)).toHaveLength(12 - deferred);
    await bot.http?.stop();
    const edits = bot.fake.requests.filter(
      (r) => r.route === 'PATCH /webhooks/:applicationId/:token/messages/:messageId',
    );
    expect(edits).toHaveLength(deferred);
  });
});
