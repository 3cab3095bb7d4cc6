/**
 * Huge news still posts: a briefing with hundreds of headlines and a 50 kB story goes through the real
 * summarizer, categorizer and renderer, and every message that reaches the fake Slack passes Slack's
 * checks (the fakes refuse what Slack would refuse: > 50 blocks, long sections, msg_blocks_too_long).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK } from '../../../src/render/limits.ts';
import { SLACK_SHARE_ACTION } from '../../../src/render/slack.ts';
import { messageProblems } from '../../fakes/slack/block-kit-rules.ts';
import { makeNews } from '../../fakes/slack/news.ts';
import { type SlackHarness, startSlackHarness } from './harness.ts';

/** Every headline shown, to test Slack's own limits (the briefing limits have their own tests). */
const SHOW_ALL = { BRIEFER_MAX_PER_CATEGORY: '1000', BRIEFER_MAX_HEADLINES: '1000' };

const headlineLines = (replies: Array<Record<string, unknown>>) =>
  replies.flatMap((r) =>
    (r.blocks as Array<{ type: string; text?: { text: string } }>)
      .filter((b) => b.type === 'section' && b.text)
      .flatMap((b) => (b.text?.text ?? '').split('\n').filter((l) => l.startsWith('• '))),
  );

describe('a briefing with 200 headlines and a 50 kB story', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      news: makeNews({ headlines: 200, storyChars: 50_000, titleChars: 400, headlineChars: 180 }),
      env: SHOW_ALL,
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/brief is split into valid messages within the response_url budget', async () => {
    const { ack, responseId } = await h.command('/brief', '10');
    expect(ack.status).toBe(200);
    const replies = await h.replies(responseId);
    expect(h.responses.postsTo(responseId).map((p) => p.status)).toEqual(replies.map(() => 200));
    expect(replies.length).toBeGreaterThan(1);
    expect(replies.length).toBeLessThanOrEqual(SLACK.responseUrlPosts);
    for (const r of replies) {
      expect(messageProblems(r)).toEqual([]);
      expect(String(r.text).length).toBeLessThanOrEqual(SLACK.fallbackText);
    }
    const first = replies[0]?.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(first[0]?.type).toBe('header');
    expect(first[0]?.text?.text.length).toBeLessThanOrEqual(SLACK.headerText);
    expect(first[0]?.text?.text.endsWith('…')).toBe(true);

    // Every headline is either shown or counted in the "not shown" note; none silently lost.
    const shown = headlineLines(replies).length;
    const all = JSON.stringify(replies);
    const cut = Number(/and (\d+) more headlines? not shown/.exec(all)?.[1] ?? 0);
    const total = Number(/Headlines \((\d+)\)/.exec(all)?.[1]);
    expect(shown + cut).toBe(total);
    expect(total).toBeGreaterThan(150);
    // Later parts say where they belong; only the last carries the share button and footer.
    expect(JSON.stringify(replies[1])).toContain(`continued (2/${replies.length})`);
    expect(JSON.stringify(replies.at(-1))).toContain(SLACK_SHARE_ACTION);
    expect(JSON.stringify(replies.slice(0, -1))).not.toContain(SLACK_SHARE_ACTION);
  });

  it('/story with 10 sentences of a 50 kB story fits one message', async () => {
    const { responseId } = await h.command('/story', '10');
    const replies = await h.replies(responseId);
    expect(replies).toHaveLength(1);
    expect(messageProblems(replies[0] ?? {})).toEqual([]);
  });

  it('sharing the huge briefing posts every part with chat.postMessage, each accepted', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    const { responseId } = await h.command('/headlines');
    const replies = await h.replies(responseId);
    const blocks = (replies.at(-1)?.blocks ?? []) as Array<{ elements?: Array<{ value?: string }> }>;
    const value = blocks.at(-1)?.elements?.[0]?.value ?? '';
    const click = await h.click(SLACK_SHARE_ACTION, value);
    await h.replies(click.responseId);
    const posts = h.slack.callsTo('chat.postMessage').slice(before);
    expect(posts.length).toBe(Math.min(replies.length, SLACK.responseUrlPosts - 1));
    expect(posts.map((p) => p.response.ok)).toEqual(posts.map(() => true));
  });
});

describe('a pathological feed (800 headlines of 1,000 characters)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ news: makeNews({ headlines: 800, headlineChars: 1000 }), env: SHOW_ALL });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('still answers, with five valid messages and a note of what was left out', async () => {
    const { responseId } = await h.command('/headlines');
    const replies = await h.replies(responseId);
    expect(replies).toHaveLength(SLACK.responseUrlPosts);
    for (const r of replies) expect(messageProblems(r)).toEqual([]);
    const note = /and (\d+) more headlines not shown/.exec(JSON.stringify(replies.at(-1)));
    expect(Number(note?.[1])).toBeGreaterThan(300);
  });

  it('shared where the bot cannot post, it fits the button’s response_url: four parts, then the update', async () => {
    const { responseId } = await h.command('/headlines');
    const replies = await h.replies(responseId);
    const blocks = (replies.at(-1)?.blocks ?? []) as Array<{ elements?: Array<{ value?: string }> }>;
    h.slack.failNext('chat.postMessage', 'not_in_channel');
    const click = await h.click(SLACK_SHARE_ACTION, blocks.at(-1)?.elements?.[0]?.value ?? '');
    await h.bot.settled();
    const posts = h.responses.postsTo(click.responseId);
    expect(posts.map((p) => p.status)).toEqual([200, 200, 200, 200, 200]);
    expect(posts.map((p) => p.body.response_type ?? 'replace')).toEqual([
      'in_channel',
      'in_channel',
      'in_channel',
      'in_channel',
      'replace',
    ]);
    for (const p of posts) expect(messageProblems(p.body)).toEqual([]);
  });
});
