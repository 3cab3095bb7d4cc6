/**
 * The real entry point (compiled `src/main.ts`, as `npm start` runs it) with Discord, Slack and the daily digest in
 * one process, against the fakes: both platforms answer, the configured digest catches up at start on
 * both, SIGTERM exits 0, and a restart on the same database does not post the digest again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/fake-discord.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/fake-slack.ts';
import { type FakeResponseUrls, startFakeResponseUrls } from '../fakes/slack/response-url.ts';
import { postSigned, slashCommandBody } from '../fakes/slack/signed-request.ts';
import { type BrieferProcess, startBriefer } from '../helpers/briefer-process.ts';
import { freePort } from '../helpers/free-port.ts';

const SECRET = 'both-platforms-signing-secret';
const SLACK_TOKEN = 'xoxb-both-platforms-token';
const DISCORD_CHANNEL = '900000000000000001';

let discord: FakeDiscord;
let slack: FakeSlack;
let responses: FakeResponseUrls;
let env: Record<string, string>;
let base = '';

async function start(): Promise<BrieferProcess> {
  const bot = startBriefer({ env });
  await bot.waitFor('briefer started');
  return bot;
}

/** Checks again as the fakes see traffic; the test's own timeout is the only clock. */
async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  [discord, slack, responses] = await Promise.all([
    startFakeDiscord(),
    startFakeSlack(),
    startFakeResponseUrls(),
  ]);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Today's digest time was two minutes ago (UTC): a process starting now catches it up.
  const t = new Date(Date.now() - 2 * 60_000);
  const hhmm = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  env = {
    PATH: process.env.PATH ?? '',
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_BASE: discord.apiBase,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    BRIEFER_DB: join(mkdtempSync(join(tmpdir(), 'briefer-both-')), 'briefer.db'),
    DIGEST_CHANNELS: `slack:C0BOTH,discord:${DISCORD_CHANNEL}`,
    DIGEST_TIME: hhmm,
    DIGEST_TZ: 'UTC',
  };
});

afterAll(async () => {
  await Promise.all([discord?.close(), slack?.close(), responses?.close()]);
});

const slackDigests = () =>
  slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0BOTH' && c.status === 200);
const discordDigests = () =>
  discord.requests.filter((r) => r.path === `/channels/${DISCORD_CHANNEL}/messages` && r.status === 200);

describe('Discord, Slack and the digest in one process', () => {
  it('answers on both platforms, catches up the digest on both, and stops on SIGTERM', async () => {
    const bot = await start();
    try {
      await discord.waitForGateway();
      const i = await discord.dispatchCommand('headlines', { category: 'sports' });
      const answer = await discord.waitForAnswer(i);
      expect(JSON.stringify(answer.message?.embeds)).toContain('league title');

      const responseUrl = responses.url();
      const ack = await postSigned(
        `${base}/slack/events`,
        SECRET,
        slashCommandBody({ command: '/story', response_url: responseUrl }),
      );
      expect(ack.status).toBe(200);
      const [reply] = await responses.waitForPosts(responseUrl.split('/').at(-1) as string, 1);
      expect(JSON.stringify(reply?.body.blocks)).toContain('Harbor nations');

      await waitFor(() => slackDigests().length > 0 && discordDigests().length > 0);
      expect(JSON.stringify(slackDigests()[0]?.params.blocks)).toContain('Harbor nations');
      expect(discordDigests()[0]?.headers.authorization).toBe(`Bot ${discord.token}`);
      // One /metrics for the process, on Slack's port: both platforms' digests and commands.
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('briefer_digest_posts_total{platform="slack",outcome="posted"} 1');
      expect(metrics).toContain('briefer_digest_posts_total{platform="discord",outcome="posted"} 1');
      expect(metrics).toContain(
        'briefer_command_duration_seconds_count{platform="discord",command="headlines",outcome="ok"} 1',
      );
      expect(metrics).toContain(
        'briefer_command_duration_seconds_count{platform="slack",command="story",outcome="ok"} 1',
      );
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect((await bot.exited).code).toBe(0);
    expect(bot.output()).not.toContain(SECRET);
    expect(bot.output()).not.toContain(SLACK_TOKEN);
    expect(bot.output()).not.toContain(discord.token);
  }, 60_000);

  it('does not post the digest again after a restart on the same database', async () => {
    const slackBefore = slackDigests().length;
    const discordBefore = discordDigests().length;
    const bot = await start();
    try {
      await discord.waitForGateway();
      // The start-up tick has run once the process answers a command after start.
      const i = await discord.dispatchCommand('help');
      await discord.waitForAnswer(i);
      await new Promise((r) => setTimeout(r, 500));
      expect(slackDigests()).toHaveLength(slackBefore);
      expect(discordDigests()).toHaveLength(discordBefore);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect((await bot.exited).code).toBe(0);
  }, 60_000);
});
