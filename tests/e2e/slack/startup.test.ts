/** Start-up mistakes are reported at once, in one line that names the variable and never the secret. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../../src/adapters/slack/start.ts';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack.ts';
import { makeNews, memorySource } from '../../fakes/slack/news.ts';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

async function start(env: Record<string, string>) {
  slack ??= await startFakeSlack();
  const config = loadConfig({ SLACK_API_URL: slack.apiUrl, PORT: '0', HOST: '127.0.0.1', ...env });
  const app = createApp(config, { logger: createLogger('silent'), source: memorySource(makeNews()) });
  return startSlackBot(app, { autoReconnect: false });
}

describe('Slack start-up', () => {
  it('a bot token Slack rejects fails start with the reason, naming SLACK_BOT_TOKEN', async () => {
    const token = 'xoxp-user-token-not-a-bot-0001';
    const failure = start({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: 'secret-123456' });
    await expect(failure).rejects.toMatchObject({
      code: 'PLATFORM_ERROR',
      message: expect.stringMatching(/SLACK_BOT_TOKEN \(invalid_auth\)/),
    });
    await expect(failure).rejects.not.toThrow(token);
  });

  it('a bot token in SLACK_APP_TOKEN is caught before connecting', async () => {
    const failure = start({ SLACK_BOT_TOKEN: 'xoxb-1-bot', SLACK_APP_TOKEN: 'xoxb-2-bot' });
    await expect(failure).rejects.toThrow(/SLACK_APP_TOKEN: expected an app-level token \(xapp-…\)/);
    expect(slack?.callsTo('apps.connections.open')).toEqual([]);
  });

  it('a port already in use is reported as a PORT problem', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const failure = start({
        SLACK_BOT_TOKEN: 'xoxb-1-bot',
        SLACK_SIGNING_SECRET: 'secret-123456',
        PORT: port,
      });
      await expect(failure).rejects.toThrow(`PORT: cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    } finally {
      busy.close();
    }
  });

  it('an app token Slack refuses fails Socket Mode start with the reason', async () => {
    slack = await startFakeSlack();
    slack.handle('apps.connections.open', () => ({ ok: false, error: 'invalid_auth' }));
    const failure = start({ SLACK_BOT_TOKEN: 'xoxb-1-bot', SLACK_APP_TOKEN: 'xapp-1-revoked' });
    await expect(failure).rejects.toThrow(/Socket Mode connection \(invalid_auth\); check SLACK_APP_TOKEN/);
  });
});
