/** `briefer digest --channel …` posts a digest now: the CLI (in this process) against the fake Slack over HTTP. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { runBriefer } from '../../helpers/run-cli.ts';

const briefer = (args: string[], env: Record<string, string>) => runBriefer(args, '', env);

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});

describe('briefer digest --channel', () => {
  const env = () => ({
    SLACK_BOT_TOKEN: 'xoxb-cli-test',
    SLACK_SIGNING_SECRET: 'cli-secret',
    SLACK_API_URL: slack.apiUrl,
    BRIEFER_DB: join(mkdtempSync(join(tmpdir(), 'briefer-cli-')), 'b.db'),
  });

  it('posts the sample briefing to a Slack channel now', async () => {
    const r = await briefer(['digest', '--channel', 'slack:C0CLI'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Posted the digest to slack:C0CLI \(1 message: /);
    const post = slack.callsTo('chat.postMessage').at(-1);
    expect(post?.params.channel).toBe('C0CLI');
    expect(JSON.stringify(post?.params.blocks)).toContain('Harbor nations launch');
  });

  it('explains a missing token or a bad channel with exit 2', async () => {
    const noToken = await briefer(['digest', '--channel', 'discord:123'], env());
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/DISCORD_TOKEN must be set/);
    const bad = await briefer(['digest', '--channel', 'teams:42'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--channel slack:C0123/);
  });

  it('names the channel and Slack’s reason when the post fails', async () => {
    slack.failNext('chat.postMessage', 'channel_not_found');
    const r = await briefer(['digest', '--channel', 'slack:C0GONE'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not post to slack:C0GONE: Slack: channel_not_found/);
  });
});

describe('briefer digest --channel against a slow platform posts one copy', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(async () => {
    await discord.close();
  });
  const db = () => join(mkdtempSync(join(tmpdir(), 'briefer-cli-')), 'b.db');

  it('Slack answering after the client timeout: the post is confirmed from history, not repeated', async () => {
    slack.slowNext('chat.postMessage', 3_000, { times: 10 });
    const r = await briefer(['digest', '--channel', 'slack:C0CLISLOW'], {
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      SLACK_API_URL: slack.apiUrl,
      BRIEFER_DB: db(),
      DIGEST_POST_TIMEOUT_MS: '300',
    });
    // A warning about the late answer is fine; an error is not.
    expect(r.stderr).not.toMatch(/"level":50|briefer:/);
    expect(r.code).toBe(0);
    const messages = slack.channelMessages('C0CLISLOW');
    expect(messages).toHaveLength(1);
    expect(r.stdout).toContain(messages[0]?.ts);
  });

  it('Discord answering after the client timeout: the repeat carries the nonce and gets the first message', async () => {
    discord.slowNext(/^POST \/channels\/\d+\/messages$/, 3_000);
    const r = await briefer(['digest', '--channel', 'discord:700000000000000077'], {
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.apiBase,
      BRIEFER_DB: db(),
      DIGEST_POST_TIMEOUT_MS: '300',
    });
    // A warning about the late answer is fine; an error is not.
    expect(r.stderr).not.toMatch(/"level":50|briefer:/);
    expect(r.code).toBe(0);
    const created = discord.channelMessages.filter((m) => m.channel_id === '700000000000000077');
    const sent = discord.requests.filter((q) => q.path === '/channels/700000000000000077/messages');
    expect(sent.length).toBe(created.length + 1);
    expect(new Set(created.map((m) => m.id)).size).toBe(created.length);
    for (const m of created) expect(r.stdout).toContain(m.id);
  });
});
