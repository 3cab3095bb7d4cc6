/**
 * Finding 7: a captured signed Slack request replayed within Bolt's five-minute window is ignored (the
 * signature is remembered in the app's ReplayGuard), and one reply shared twice is posted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_SHARE_ACTION } from '../../../src/render/slack.ts';
import { blockActionBody, postSigned, slashCommandBody } from '../../fakes/slack/signed-request.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from '../slack/harness.ts';

type Block = { elements?: Array<{ action_id?: string; value?: string }> };

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

async function shareValue(): Promise<string> {
  const { responseId } = await h.command('/brief');
  const blocks = ((await h.replies(responseId)).at(-1)?.blocks ?? []) as Block[];
  const value = blocks
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === SLACK_SHARE_ACTION)?.value;
  if (!value) throw new Error('no share button');
  return value;
}

describe('replay protection (finding 7)', () => {
  it('posts a "Share to channel" click replayed five times once', async () => {
    const value = await shareValue();
    const before = h.slack.callsTo('chat.postMessage').length;
    const body = blockActionBody({
      actionId: SLACK_SHARE_ACTION,
      value,
      response_url: h.responses.url(),
      channel_id: 'C0REPLAY',
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const events = `${h.baseUrl}/slack/events`;
    // The same captured request (same body, timestamp and so signature), five times at once.
    const acks = await Promise.all(
      Array.from({ length: 5 }, () => postSigned(events, SIGNING_SECRET, body, timestamp)),
    );
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    await h.bot.settled();
    const posts = h.slack.callsTo('chat.postMessage').slice(before);
    expect(posts.filter((p) => p.params.channel === 'C0REPLAY')).toHaveLength(1);
    expect(h.log.records().filter((r) => String(r.msg).includes('replayed Slack request'))).toHaveLength(4);
  });

  it('answers a replayed slash command once', async () => {
    const responseUrl = h.responses.url();
    const responseId = responseUrl.split('/').at(-1) as string;
    const body = slashCommandBody({ command: '/story', response_url: responseUrl });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++)
      await postSigned(`${h.baseUrl}/slack/events`, SIGNING_SECRET, body, timestamp);
    expect(await h.replies(responseId)).toHaveLength(1);
  });

  it('refuses a request timestamped over five minutes ahead, and runs one less far ahead once', async () => {
    const events = `${h.baseUrl}/slack/events`;
    const now = Math.floor(Date.now() / 1000);
    const farUrl = h.responses.url();
    const far = slashCommandBody({ command: '/story', response_url: farUrl });
    expect((await postSigned(events, SIGNING_SECRET, far, now + 600)).status).toBe(200);
    const nearUrl = h.responses.url();
    const near = slashCommandBody({ command: '/story', response_url: nearUrl });
    for (let i = 0; i < 2; i++) await postSigned(events, SIGNING_SECRET, near, now + 240);
    await h.bot.settled();
    expect(await h.replies(nearUrl.split('/').at(-1) as string)).toHaveLength(1);
    expect(await h.replies(farUrl.split('/').at(-1) as string)).toHaveLength(0);
    expect(h.log.records().filter((r) => String(r.msg).includes('ahead of this clock'))).toHaveLength(1);
  });

  it('shares one reply once even when clicked twice (two genuine, differently signed requests)', async () => {
    const value = await shareValue();
    const before = h.slack.callsTo('chat.postMessage').length;
    const click = () =>
      postSigned(
        `${h.baseUrl}/slack/events`,
        SIGNING_SECRET,
        blockActionBody({
          actionId: SLACK_SHARE_ACTION,
          value,
          response_url: h.responses.url(),
          channel_id: 'C0TWICE',
          message_ts: '1700000099.000001',
        }),
      );
    await click();
    // A different body (new response_url) → a different signature: not a replay, a second click.
    await click();
    await h.bot.settled();
    const posts = h.slack.callsTo('chat.postMessage').slice(before);
    expect(posts.filter((p) => p.params.channel === 'C0TWICE')).toHaveLength(1);
  });

  it('still runs a fresh request with a new signature', async () => {
    const a = await h.command('/story');
    const b = await h.command('/story');
    expect(await h.replies(a.responseId)).toHaveLength(1);
    expect(await h.replies(b.responseId)).toHaveLength(1);
  });
});
