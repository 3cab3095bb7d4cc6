/**
 * The slash commands end to end over HTTP: signed request → Bolt → ack → command → Block Kit →
 * response_url, against a fake Slack on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_SHARE_ACTION } from '../../../src/render/slack.ts';
import { messageProblems } from '../../fakes/slack/block-kit-rules.ts';
import { type SlackHarness, startSlackHarness } from './harness.ts';

type Block = {
  type: string;
  text?: { text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<Record<string, unknown>>;
};
const blocksOf = (body: Record<string, unknown>) => body.blocks as Block[];
const textsOf = (body: Record<string, unknown>) =>
  blocksOf(body)
    .flatMap((b) => [
      b.text?.text,
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => String(e.text ?? '')),
    ])
    .filter(Boolean)
    .join('\n');

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Slack slash commands over HTTP', () => {
  it('acks /brief at once with an empty 200, then delivers the briefing in Block Kit', async () => {
    const { ack, ackBody, responseId } = await h.command('/brief');
    expect(ack.status).toBe(200);
    expect(ackBody).toBe('');

    const replies = await h.replies(responseId);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    for (const r of replies) {
      expect(r.response_type).toBe('ephemeral');
      expect(typeof r.text).toBe('string');
      expect((r.text as string).length).toBeGreaterThan(0);
      expect(messageProblems(r)).toEqual([]);
    }
    const first = blocksOf(replies[0] as Record<string, unknown>);
    expect(first[0]?.type).toBe('header');
    expect(first[0]?.text?.text).toContain('Central bank holds rates');
    expect(first.some((b) => b.type === 'section' && b.fields?.length)).toBe(true);
    const all = replies.map(textsOf).join('\n');
    // Headlines grouped under category headings with their emoji, and the source/time footer.
    expect(all).toMatch(/\*\S+ [A-Z][a-z]+\* \(\d+\)/);
    expect(all).toContain('Headline 1:');
    expect(all).toMatch(/Example Wire · test news · \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    const last = blocksOf(replies.at(-1) as Record<string, unknown>);
    const button = last.at(-1)?.elements?.[0] as { action_id?: string; value?: string } | undefined;
    expect(button?.action_id).toBe(SLACK_SHARE_ACTION);
    expect(JSON.parse(button?.value ?? '{}')).toEqual({ c: 'brief', t: '' });
  });

  it('/story 2 delivers the lead with a two-sentence summary and key facts', async () => {
    const { ack, responseId } = await h.command('/story', '2');
    expect(ack.status).toBe(200);
    const [reply, ...more] = await h.replies(responseId);
    expect(more).toEqual([]);
    const text = textsOf(reply as Record<string, unknown>);
    expect(text).toContain('2 of ');
    expect(text).toContain('Read the full story');
    expect(text).not.toContain('Headline 1:');
  });

  it('/headlines markets delivers only that category', async () => {
    const { responseId } = await h.command('/headlines', 'markets');
    const replies = await h.replies(responseId);
    const blocks = replies.flatMap((r) => blocksOf(r));
    expect(blocks[0]?.type).toBe('header');
    expect(blocks[0]?.text?.text).toMatch(/Markets headlines \(\d+\)/);
    const headings =
      replies
        .map(textsOf)
        .join('\n')
        .match(/^\*\S+ [A-Za-z]+\*/gm) ?? [];
    expect(new Set(headings)).toEqual(new Set(['*💹 Markets*']));
  });

  it('/headlines with an unknown category answers with the categories to try, without a share button', async () => {
    const { responseId } = await h.command('/headlines', 'quidditch');
    const [reply] = await h.replies(responseId);
    expect(textsOf(reply as Record<string, unknown>)).toContain('There is no category "quidditch"');
    expect(blocksOf(reply as Record<string, unknown>).some((b) => b.type === 'actions')).toBe(false);
  });

  it('answers bad argument text in the ack itself, with the usage line, and posts nothing', async () => {
    const { ack, ackBody, responseId } = await h.command('/story', 'lots');
    expect(ack.status).toBe(200);
    const body = JSON.parse(ackBody) as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Usage: /story [sentences]');
    expect(messageProblems(body)).toEqual([]);
    await h.bot.settled();
    expect(h.responses.postsTo(responseId)).toEqual([]);
  });

  it('/help lists every registered command', async () => {
    const { responseId } = await h.command('/help');
    const [reply] = await h.replies(responseId);
    const text = textsOf(reply as Record<string, unknown>);
    for (const c of h.app.registry.list()) expect(text).toContain(`/${c.definition.name}`);
  });

  it('a command Slack sends but Briefer does not know gets a helpful reply, not a timeout', async () => {
    const { ack, responseId } = await h.command('/weather');
    expect(ack.status).toBe(200);
    const [reply] = await h.replies(responseId);
    expect(textsOf(reply as Record<string, unknown>)).toContain('Unknown command /weather');
  });

  it('serves GET /health for load balancers', async () => {
    const res = await fetch(`${h.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', platform: 'slack', mode: 'http' });
    expect((await fetch(`${h.baseUrl}/nope`)).status).toBe(404);
  });

  it('checked the token with auth.test at start, against SLACK_API_URL', () => {
    const [auth] = h.slack.callsTo('auth.test');
    expect(auth?.token).toBe('xoxb-test-bot-token-1234');
  });
});
