/**
 * Socket Mode end to end: with SLACK_APP_TOKEN the bot opens a connection through a fake
 * `apps.connections.open` + WebSocket, acks slash commands over the socket and replies through
 * response_url; /health reports the connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_SHARE_ACTION } from '../../../src/render/slack.ts';
import { messageProblems } from '../../fakes/slack/block-kit-rules.ts';
import { blockActionPayload, slashCommandPayload } from '../../fakes/slack/signed-request.ts';
import { APP_TOKEN, type SlackHarness, startSlackHarness } from './harness.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ socketMode: true });
});
afterAll(async () => {
  await h?.close();
});

const slashCommand = (command: string, text: string, responseUrl: string) =>
  slashCommandPayload({ command, text, response_url: responseUrl });

describe('Slack over Socket Mode', () => {
  it('connected with the app token through apps.connections.open', async () => {
    expect(h.bot.mode).toBe('socket');
    const [open] = h.slack.callsTo('apps.connections.open');
    expect(open?.token).toBe(APP_TOKEN);
    expect(h.slack.socket.connections).toBe(1);
  });

  it('acks a slash command over the socket, then delivers the reply via response_url', async () => {
    const responseUrl = h.responses.url();
    const id = responseUrl.split('/').at(-1) as string;
    const ack = await h.slack.socket.send(
      'slash_commands',
      slashCommand('/headlines', 'markets', responseUrl),
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    const replies = await h.replies(id);
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) {
      expect(r.response_type).toBe('ephemeral');
      expect(messageProblems(r)).toEqual([]);
    }
    expect(JSON.stringify(replies[0])).toContain('Markets headlines');
  });

  it('puts a usage error in the ack payload', async () => {
    const responseUrl = h.responses.url();
    const ack = await h.slack.socket.send('slash_commands', slashCommand('/story', 'many', responseUrl));
    expect(ack.payload).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Usage: /story'),
    });
  });

  it('handles the Share button over the socket too', async () => {
    const responseUrl = h.responses.url();
    const id = responseUrl.split('/').at(-1) as string;
    const before = h.slack.callsTo('chat.postMessage').length;
    await h.slack.socket.send(
      'interactive',
      blockActionPayload({
        actionId: SLACK_SHARE_ACTION,
        value: '{"c":"story","t":"2"}',
        response_url: responseUrl,
      }),
    );
    await h.replies(id);
    const posts = h.slack.callsTo('chat.postMessage').slice(before);
    expect(posts.map((p) => p.status)).toEqual([200]);
    expect(h.responses.postsTo(id).map((p) => p.body.replace_original)).toEqual([true]);
  });

  it('serves /health on PORT, and reports the connection', async () => {
    const res = await fetch(`${h.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', platform: 'slack', mode: 'socket' });
  });

  it('stops cleanly: the socket closes and /health goes away', async () => {
    await h.bot.stop();
    await expect(fetch(`${h.baseUrl}/health`)).rejects.toThrow();
    await h.slack.socket.waitForConnections(0);
  });
});

describe('Socket Mode connection lost', () => {
  it('/health answers 503 while the socket is down, so an orchestrator can restart the bot', async () => {
    const lost = await startSlackHarness({ socketMode: true });
    try {
      expect((await fetch(`${lost.baseUrl}/health`)).status).toBe(200);
      lost.slack.socket.dropAll();
      await lost.slack.socket.waitForConnections(0);
      // The client notices the drop asynchronously; poll the endpoint rather than sleep.
      let status = 200;
      for (let i = 0; i < 100 && status === 200; i++) {
        status = (await fetch(`${lost.baseUrl}/health`)).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(503);
    } finally {
      await lost.close();
    }
  });
});
