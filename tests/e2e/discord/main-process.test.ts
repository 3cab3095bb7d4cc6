/**
 * `npm start` and `npm run register:discord` as real processes, configured only by environment
 * variables, against the fake Discord.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { generateSigningKeys, signatureHeaders } from '../../fakes/discord/signing.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
// An empty working directory, so a developer's .env can't leak into the test.
const cwd = mkdtempSync(join(tmpdir(), 'briefer-discord-'));

/** The bot runs from the compiled build, as `npm start` does; scripts/ run through tsx, as npm runs them. */
function run(script: string, env: Record<string, string>): ChildProcess & { out: string[]; err: string[] } {
  const args = script.endsWith('.ts') ? ['--import', tsx, join(root, script)] : [join(root, script)];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { out: string[]; err: string[] };
  child.out = [];
  child.err = [];
  child.stdout?.on('data', (d: Buffer) => child.out.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => child.err.push(d.toString()));
  return child;
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('npm start with Discord variables', () => {
  it('connects, answers, serves HTTP interactions, logs JSON without the token, and stops on SIGTERM', async () => {
    const keys = generateSigningKeys();
    const bot = run('dist/src/main.js', {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE: fake.apiBase,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_HTTP_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
    });
    const exited = once(bot, 'exit');
    try {
      // Fail fast, with its output, if the process dies instead of connecting.
      const died = exited.then(([code]) => {
        throw new Error(`briefer exited with ${code}:\n${bot.err.join('')}`);
      });
      await Promise.race([fake.waitForGateway(), died]);
      const answer = await fake.waitForAnswer(await fake.dispatchCommand('brief'));
      expect(answer.callbackType).toBe(4);
      expect(answer.message?.embeds.length).toBeGreaterThan(1);

      const listening = bot.err
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .find((e) => e.msg === 'discord http interactions listening');
      const body = JSON.stringify({
        id: '1',
        application_id: fake.applicationId,
        type: 1,
        token: 't',
        version: 1,
      });
      const res = await fetch(listening.url, {
        method: 'POST',
        headers: signatureHeaders(keys.privateKey, body),
        body,
      });
      expect(await res.json()).toEqual({ type: 1 });
      // The interactions listener also answers the load balancer and Prometheus.
      const health = await fetch(listening.url.replace(/\/interactions$/, '/health'));
      expect(await health.json()).toEqual({ status: 'ok', platform: 'discord', mode: 'http', store: 'ok' });
      const metrics = await (await fetch(listening.url.replace(/\/interactions$/, '/metrics'))).text();
      expect(metrics).toContain(
        'briefer_command_duration_seconds_count{platform="discord",command="brief",outcome="ok"} 1',
      );
    } finally {
      bot.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    const lines = bot.err.join('').split('\n').filter(Boolean);
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries.map((e) => e.msg)).toEqual(
      expect.arrayContaining([
        'discord gateway ready',
        'briefer started',
        'discord interaction answered',
        'shutting down',
      ]),
    );
    expect(bot.err.join('')).not.toContain(fake.token);
  });
});

describe('npm run register:discord', () => {
  it('registers the commands to DISCORD_GUILD_ID and says so', async () => {
    const script = run('scripts/register-discord.ts', {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_BASE: fake.apiBase,
      // An HTTP-interactions deployment's setting: registering receives nothing, so needs no DISCORD_PUBLIC_KEY.
      DISCORD_SHARDS: 'none',
    });
    const [code] = await once(script, 'exit');
    expect(script.err.join('')).toBe('');
    expect(code).toBe(0);
    const names = commands.map((c) => c.definition.name);
    expect(script.out.join('')).toBe(
      `Registered ${names.length} commands to server ${fake.guildId} (available now): ${names.map((n) => `/${n}`).join(', ')}\n`,
    );
    expect((fake.registeredCommands.get(fake.guildId) as Array<{ name: string }>).map((c) => c.name)).toEqual(
      names,
    );
  });
});
