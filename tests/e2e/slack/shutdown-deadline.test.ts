/**
 * SIGTERM with a reply that never completes (its response_url does not answer): the process still
 * exits, within the 10 s an orchestrator gives it, and says what it left unfinished.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { type FakeResponseUrls, startFakeResponseUrls } from '../../fakes/slack/response-url.ts';
import { postSigned, slashCommandBody } from '../../fakes/slack/signed-request.ts';
import { startBriefer } from '../../helpers/briefer-process.ts';
import { freePort } from '../../helpers/free-port.ts';

const SECRET = 'deadline-signing-secret';
let slack: FakeSlack | undefined;
let responses: FakeResponseUrls | undefined;
const dir = mkdtempSync(join(tmpdir(), 'briefer-deadline-'));

afterAll(async () => {
  await Promise.all([slack?.close(), responses?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

it('exits at the shutdown deadline when a reply hangs', { timeout: 60_000 }, async () => {
  slack = await startFakeSlack();
  responses = await startFakeResponseUrls();
  const port = await freePort();
  const bot = startBriefer({
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: 'xoxb-deadline-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BRIEFER_DB: join(dir, 'briefer.db'),
    },
  });
  try {
    await bot.waitFor('briefer started');
    const held = responses.holdNext();
    const body = slashCommandBody({ command: '/brief', response_url: responses.url() });
    expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, body)).status).toBe(200);
    await held.arrived;
    bot.child.kill('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
    const log = bot
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; time: number; replies?: number });
    const stopping = log.find((e) => e.msg === 'shutting down');
    const gaveUp = log.find((e) => e.msg === 'gave up on replies still in flight');
    const stopped = log.find((e) => e.msg === 'stopped');
    expect(gaveUp).toMatchObject({ replies: 1 });
    // By the process's own clock: it waited for the reply, then stopped before the 10 s were up.
    const waited = (stopped?.time ?? Number.NaN) - (stopping?.time ?? Number.NaN);
    expect(waited).toBeGreaterThanOrEqual(8_000);
    expect(waited).toBeLessThan(10_000);
    held.release();
  } finally {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  }
});
