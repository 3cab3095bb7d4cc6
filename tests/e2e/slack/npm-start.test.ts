/**
 * `npm start` with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: the compiled entry point in its own process
 * serves Bolt on PORT (/slack/events and /health), answers a signed command, and exits 0 on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { type FakeResponseUrls, startFakeResponseUrls } from '../../fakes/slack/response-url.ts';
import { postSigned, slashCommandBody } from '../../fakes/slack/signed-request.ts';
import { type BrieferProcess, startBriefer } from '../../helpers/briefer-process.ts';
import { freePort } from '../../helpers/free-port.ts';

const SECRET = 'npm-start-signing-secret-42';
const TOKEN = 'xoxb-npm-start-token-42';

let slack: FakeSlack;
let responses: FakeResponseUrls;
let bot: BrieferProcess;
let base = '';
let dir = '';

beforeAll(async () => {
  slack = await startFakeSlack();
  responses = await startFakeResponseUrls();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dir = mkdtempSync(join(tmpdir(), 'briefer-slack-'));
  bot = startBriefer({
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BRIEFER_DB: join(dir, 'briefer.db'),
    },
  });
  await bot.waitFor('briefer started');
  expect((await fetch(`${base}/health`)).ok).toBe(true);
});

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await Promise.all([slack?.close(), responses?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start on Slack (HTTP)', () => {
  it('serves /slack/events on PORT and delivers a reply', async () => {
    const responseUrl = responses.url();
    const id = responseUrl.split('/').at(-1) as string;
    const body = slashCommandBody({ command: '/headlines', response_url: responseUrl });
    const ack = await postSigned(`${base}/slack/events`, SECRET, body);
    expect(ack.status).toBe(200);
    const [reply] = await responses.waitForPosts(id, 1);
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body.blocks)).toContain('Headlines');
  });

  it('reports the store in /health and the command in /metrics', async () => {
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({ status: 'ok', platform: 'slack', mode: 'http', store: 'ok' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(
      'briefer_command_duration_seconds_count{platform="slack",command="headlines",outcome="ok"} 1',
    );
    expect(metrics).toMatch(/^briefer_briefing_age_seconds \d/m);
    expect(metrics).toMatch(/^briefer_store_duration_seconds_count\{operation="ping",outcome="ok"\} [1-9]/m);
  });

  it('on SIGTERM finishes the reply in flight, then exits 0, and never printed a secret', async () => {
    const responseUrl = responses.url();
    const id = responseUrl.split('/').at(-1) as string;
    const held = responses.holdNext();
    const body = slashCommandBody({ command: '/brief', response_url: responseUrl });
    expect((await postSigned(`${base}/slack/events`, SECRET, body)).status).toBe(200);
    await held.arrived;
    bot.child.kill('SIGTERM');
    // The process says it is waiting for the reply; only then does the reply's HTTP call complete.
    await bot.waitFor('finishing replies in flight');
    expect(bot.child.exitCode).toBeNull();
    held.release();
    const [reply] = await responses.waitForPosts(id, 1);
    expect(reply?.status).toBe(200);
    expect((await bot.exited).code).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
    expect(bot.output()).toContain('slack listening for /slack/events');
    expect(bot.output()).not.toContain(SECRET);
    expect(bot.output()).not.toContain(TOKEN);
  });
});
