/**
 * `npm start` with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: the real entry point in its own process
 * serves Bolt on PORT (/slack/events and /health), answers a signed command, and exits 0 on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { type FakeResponseUrls, startFakeResponseUrls } from '../../fakes/slack/response-url.ts';
import { postSigned, slashCommandBody } from '../../fakes/slack/signed-request.ts';
import { freePort } from '../../helpers/free-port.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECRET = 'npm-start-signing-secret-42';
const TOKEN = 'xoxb-npm-start-token-42';

let slack: FakeSlack;
let responses: FakeResponseUrls;
let child: ChildProcess;
let output = '';
let base = '';
let exited: Promise<number | null>;
let dir = '';

beforeAll(async () => {
  slack = await startFakeSlack();
  responses = await startFakeResponseUrls();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dir = mkdtempSync(join(tmpdir(), 'briefer-slack-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  // Up when /health answers; give a loaded 2-core machine time to compile and start.
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`npm start did not come up:\n${output}`);
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
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
    const [reply] = await responses.waitForPosts(id, 1, 10_000);
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body.blocks)).toContain('Headlines');
  });

  it('exits 0 on SIGTERM, and never printed a secret', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('slack listening for /slack/events');
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(TOKEN);
  }, 15_000);
});
