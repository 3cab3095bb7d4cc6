/**
 * What a hostile request or a hostile feed can do to the Slack bot: nothing. Forged and stale
 * signatures are refused (401) and logged without the secret; mentions in headlines notify no one;
 * a failing command reaches the user as one short line and the log as a full record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/core/errors.ts';
import { controlSequences, messageProblems } from '../../fakes/slack/block-kit-rules.ts';
import { HOSTILE, makeNews } from '../../fakes/slack/news.ts';
import { signatureHeaders, slashCommandBody } from '../../fakes/slack/signed-request.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './harness.ts';

describe('Slack request signatures', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = (headers: Record<string, string>, body: string) =>
    fetch(`${h.baseUrl}/slack/events`, { method: 'POST', headers, body });

  it('rejects a forged signature with 401, runs nothing, and logs it without the secret', async () => {
    const responseUrl = h.responses.url();
    const body = slashCommandBody({ command: '/brief', response_url: responseUrl });
    const res = await send(signatureHeaders('not-the-secret', body), body);
    expect(res.status).toBe(401);
    await h.bot.settled();
    expect(h.responses.posts.filter((p) => responseUrl.endsWith(p.id))).toEqual([]);
    const warning = h.log.records().find((r) => String(r.msg).includes('signature mismatch'));
    expect(warning?.level).toBe(40);
    expect(h.log.text()).not.toContain(SIGNING_SECRET);
  });

  it('rejects a body changed after signing', async () => {
    const body = slashCommandBody({ command: '/brief', response_url: h.responses.url() });
    const res = await send(signatureHeaders(SIGNING_SECRET, body), body.replace('alice', 'mallory'));
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed but stale request (replay older than 5 minutes)', async () => {
    const body = slashCommandBody({ command: '/brief', response_url: h.responses.url() });
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const res = await send(signatureHeaders(SIGNING_SECRET, body, tenMinutesAgo), body);
    expect(res.status).toBe(401);
    expect(h.log.records().some((r) => String(r.msg).includes('stale'))).toBe(true);
  });

  it('rejects a request with no signature at all', async () => {
    const body = slashCommandBody({ command: '/brief', response_url: h.responses.url() });
    const res = await send({ 'content-type': 'application/x-www-form-urlencoded' }, body);
    expect(res.status).toBe(401);
    expect(h.log.text()).not.toContain(SIGNING_SECRET);
  });
});

describe('untrusted text', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ news: makeNews({ hostile: true, headlines: 30 }) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows <!channel>, <!here> and <@U…> from the feed as text in every reply, never as mentions', async () => {
    for (const [command, text] of [
      ['/brief', ''],
      ['/story', '5'],
      ['/headlines', ''],
    ] as const) {
      const { responseId } = await h.command(command, text);
      const replies = await h.replies(responseId);
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) {
        expect(messageProblems(reply)).toEqual([]);
        // Wherever Slack parses mrkdwn (the text fallback, mrkdwn objects) the only control sequences
        // left are Briefer's own links. Plain-text objects (headers) are never parsed for mentions.
        for (const seq of controlSequences(reply)) expect(seq).toMatch(/^<https?:\/\/[^|<>\s]+\|[^<>]*>$/);
      }
      const shown = replies.map((r) => JSON.stringify(r)).join('');
      expect(shown).toContain('&lt;!channel&gt;');
      expect(shown).toContain('&lt;@U0BADBAD&gt;');
    }
    expect(HOSTILE).toContain('<!channel>');
  });
});

describe('a command that fails', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      source: {
        name: 'broken feed',
        load: async () => {
          throw new SourceError('SOURCE_NETWORK', 'https://feeds.example/news', 'connection refused');
        },
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells the user in one short ephemeral line and logs the full record', async () => {
    const { ack, responseId } = await h.command('/brief');
    expect(ack.status).toBe(200);
    const [reply, ...more] = await h.replies(responseId);
    expect(more).toEqual([]);
    expect(reply?.response_type).toBe('ephemeral');
    expect(String(reply?.text)).toContain('connection refused');
    expect(String(reply?.text).length).toBeLessThan(300);
    expect(JSON.stringify(reply)).not.toContain('briefer_share');
    const failure = h.log.records().find((r) => r.msg === 'command failed');
    expect(failure).toMatchObject({
      command: 'brief',
      platform: 'slack',
      user: 'U0ALICE',
      channel: 'C0NEWS',
    });
    expect((failure?.err as { stack?: string } | undefined)?.stack).toContain('SourceError');
  });

  it('an unexpected error shows a generic line to the user; the log keeps the stack', async () => {
    h.app.registry.add({
      definition: { name: 'explode', description: 'Throws', options: [] },
      async execute() {
        throw new TypeError('cannot read properties of undefined (reading "lead")');
      },
    });
    const { responseId } = await h.command('/explode');
    const [reply] = await h.replies(responseId);
    expect(String(reply?.text)).toContain('Something went wrong');
    expect(String(reply?.text)).not.toContain('reading');
    const failure = h.log.records().find((r) => r.msg === 'command failed' && r.command === 'explode');
    expect(failure?.level).toBe(50);
    expect(JSON.stringify(failure?.err)).toContain('cannot read properties of undefined');
  });

  it('when Slack refuses the reply, the user still gets a plain-text apology', async () => {
    h.responses.failNext(400);
    const { responseId } = await h.command('/help');
    const replies = await h.replies(responseId);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Sorry') });
    expect(
      h.log.records().some((r) => r.msg === 'slack reply could not be delivered' && r.level === 50),
    ).toBe(true);
  });
});
