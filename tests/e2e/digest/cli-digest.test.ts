/** `briefer digest --channel …` posts a digest now: the CLI (in this process) against the fake Slack over HTTP. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
