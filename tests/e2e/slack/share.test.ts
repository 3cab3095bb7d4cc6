/**
 * "Share to channel": the button under an ephemeral reply posts it for everyone with chat.postMessage,
 * waits out a 429 (Retry-After), and falls back to the response_url where the bot cannot post.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_SHARE_ACTION } from '../../../src/render/slack.ts';
import { messageProblems } from '../../fakes/slack/block-kit-rules.ts';
import { type SlackHarness, startSlackHarness } from './harness.ts';

type Block = { type: string; elements?: Array<{ text?: string; action_id?: string; value?: string }> };
const contextTexts = (blocks: unknown) =>
  (blocks as Block[])
    .filter((b) => b.type === 'context')
    .flatMap((b) => (b.elements ?? []).map((e) => e.text));

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Runs a command and returns the value of the share button it came with. */
async function shareValueOf(command: string, text = ''): Promise<string> {
  const { responseId } = await h.command(command, text);
  const replies = await h.replies(responseId);
  const blocks = (replies.at(-1)?.blocks ?? []) as Block[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SLACK_SHARE_ACTION);
  if (!button?.value) throw new Error('no share button');
  return button.value;
}

describe('Share to channel', () => {
  let posted = 0;
  beforeEach(() => {
    posted = h.slack.callsTo('chat.postMessage').length;
  });
  const newPosts = () => h.slack.callsTo('chat.postMessage').slice(posted);

  it('posts the same command publicly with chat.postMessage and removes the button from the ephemeral copy', async () => {
    const value = await shareValueOf('/headlines', 'markets');
    const { ack, ackBody, responseId } = await h.click(SLACK_SHARE_ACTION, value);
    expect(ack.status).toBe(200);
    expect(ackBody).toBe('');
    const replies = await h.replies(responseId);

    const [post, ...more] = newPosts();
    expect(more).toEqual([]);
    expect(post?.status).toBe(200);
    expect(post?.token).toBe('xoxb-test-bot-token-1234');
    expect(post?.params).toMatchObject({ channel: 'C0NEWS', unfurl_links: 'false' });
    expect(messageProblems(post?.params ?? {})).toEqual([]);
    expect(contextTexts(post?.params.blocks)).toContain('📣 Shared by <@U0ALICE>');
    expect(JSON.stringify(post?.params.blocks)).toContain('Markets headlines');
    expect(JSON.stringify(post?.params.blocks)).not.toContain(SLACK_SHARE_ACTION);

    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ replace_original: true });
    expect(contextTexts(replies[0]?.blocks)).toContain('✓ Shared to the channel.');
    expect(JSON.stringify(replies[0])).not.toContain(SLACK_SHARE_ACTION);
  });

  it('waits out a Web API rate limit (429 + Retry-After) and then posts', async () => {
    const value = await shareValueOf('/story');
    h.slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 1 });
    const { ack, responseId } = await h.click(SLACK_SHARE_ACTION, value);
    expect(ack.status).toBe(200);
    await h.replies(responseId);

    const [limited, retried, ...more] = newPosts();
    expect(more).toEqual([]);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // Retry-After is honoured: the retry does not come before the second Slack asked for.
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(retried?.params.blocks).toEqual(limited?.params.blocks);
    expect(h.log.records().some((r) => String(r.msg).includes('rate limit'))).toBe(true);
  });

  it('falls back to the response_url (in_channel) where the bot is not in the channel', async () => {
    const value = await shareValueOf('/story');
    h.slack.failNext('chat.postMessage', 'not_in_channel');
    const { responseId } = await h.click(SLACK_SHARE_ACTION, value, { channel_id: 'G0PRIVATE' });
    const replies = await h.replies(responseId);
    expect(newPosts().map((c) => c.response.error)).toEqual(['not_in_channel']);
    expect(replies.map((r) => r.response_type ?? (r.replace_original ? 'replace' : '?'))).toEqual([
      'in_channel',
      'replace',
    ]);
    expect(contextTexts(replies[0]?.blocks)).toContain('📣 Shared by <@U0ALICE>');
    expect(messageProblems(replies[0] ?? {})).toEqual([]);
  });

  it('tells the user when Slack refuses the post, and logs why', async () => {
    const value = await shareValueOf('/story');
    h.slack.failNext('chat.postMessage', 'is_archived');
    const { responseId } = await h.click(SLACK_SHARE_ACTION, value);
    const [reply, ...more] = await h.replies(responseId);
    expect(more).toEqual([]);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply?.text)).toContain('Could not share this to the channel (Slack said: is_archived)');
    const failure = h.log.records().find((r) => r.msg === 'slack share failed');
    expect(failure).toMatchObject({ level: 50, command: 'story', user: 'U0ALICE' });
  });

  it('refuses a button value Briefer did not write', async () => {
    const { ack, responseId } = await h.click(SLACK_SHARE_ACTION, '{"c":"rm -rf","t":""}');
    expect(ack.status).toBe(200);
    const [reply] = await h.replies(responseId);
    expect(String(reply?.text)).toContain('This button no longer works');
    expect(newPosts()).toEqual([]);
  });
});
