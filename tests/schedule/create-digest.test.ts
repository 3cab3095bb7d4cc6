/**
 * The digest loads only the clients of the platforms it posts to. Checked in a fresh process on the
 * compiled build (tests/global-setup.ts builds it), where the module cache shows what was loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/briefer-process.ts';

function loadedWith(env: Record<string, string>): { discord: boolean; bolt: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    const dist = ${JSON.stringify(join(ROOT, 'dist/src'))};
    const { createApp } = await import(dist + '/app.js');
    const { loadConfig } = await import(dist + '/config.js');
    const { createLogger } = await import(dist + '/log.js');
    const { openConfiguredStore } = await import(dist + '/store/store.js');
    const { createDigestService } = await import(dist + '/schedule/create-digest.js');
    const config = loadConfig(${JSON.stringify(env)});
    const app = createApp(config, { logger: createLogger('silent') });
    const digest = await createDigestService(app, await openConfiguredStore(config.env));
    digest.stop?.();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({
      discord: loaded.some((k) => k.includes('/node_modules/discord.js/')),
      bolt: loaded.some((k) => k.includes('/node_modules/@slack/')),
    }));
    process.exit(0);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
}

describe('createDigestService', () => {
  const db = () => join(mkdtempSync(join(tmpdir(), 'briefer-digest-lazy-')), 'briefer.db');

  it('loads neither discord.js for a Slack-only bot nor Slack for a Discord-only one', () => {
    const base = { LOG_LEVEL: 'silent' };
    expect(
      loadedWith({ ...base, BRIEFER_DB: db(), SLACK_BOT_TOKEN: 'xoxb-t', SLACK_SIGNING_SECRET: 's' }),
    ).toEqual({
      discord: false,
      bolt: true,
    });
    expect(
      loadedWith({
        ...base,
        BRIEFER_DB: db(),
        DISCORD_TOKEN: 'discord-token',
        DISCORD_APPLICATION_ID: '100000000000000001',
      }),
    ).toEqual({
      discord: true,
      bolt: false,
    });
  });
});
