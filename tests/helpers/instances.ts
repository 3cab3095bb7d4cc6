/**
 * Several real Briefer instances (`src/main.ts` as child processes) on one database, against the fake
 * Discord and Slack: for the multi-instance test and the digest benchmark. Each instance is a whole
 * bot (Slack receiver, Discord gateway, digest scheduler) with its own port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../src/store/store.ts';
import type { FakeDiscord } from '../fakes/discord/fake-discord.ts';
import type { FakeSlack } from '../fakes/slack/fake-slack.ts';
import { freePort } from './free-port.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Instance {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
}

export interface InstanceEnv {
  db: string;
  discord: FakeDiscord;
  slack: FakeSlack;
  extra?: Record<string, string>;
}

/** Starts one instance and resolves once it logged `briefer started` (generous: a busy machine is slow). */
export async function startInstance(options: InstanceEnv, startTimeoutMs = 120_000): Promise<Instance> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DISCORD_TOKEN: options.discord.token,
    DISCORD_APPLICATION_ID: options.discord.applicationId,
    DISCORD_API_BASE: options.discord.apiBase,
    SLACK_BOT_TOKEN: 'xoxb-instances',
    SLACK_SIGNING_SECRET: 'instances-signing-secret',
    SLACK_API_URL: options.slack.apiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    BRIEFER_DB: options.db,
    ...options.extra,
  };
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (output.includes('briefer started'))
      return { child, pid: child.pid as number, output: () => output, exited };
    if (child.exitCode !== null) throw new Error(`instance exited early:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`instance did not start:\n${output}`);
}

export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill('SIGTERM');
  const killed = setTimeout(() => instance.child.kill('SIGKILL'), 15_000);
  await instance.exited;
  clearTimeout(killed);
}

/** Channel ids for `count` subscriptions, half Slack and half Discord. */
export function channels(count: number): Array<{ platform: 'slack' | 'discord'; channelId: string }> {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? { platform: 'slack' as const, channelId: `C0MULTI${i}` }
      : { platform: 'discord' as const, channelId: `${810000000000000000n + BigInt(i)}` },
  );
}

/**
 * Subscribes the channels to a digest that is due now: today 00:00 UTC, subscribed two days ago, so
 * every instance with DIGEST_CATCHUP_HOURS=24 posts it at its next tick.
 */
export async function subscribeDueNow(db: string, list: ReturnType<typeof channels>): Promise<Store> {
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
  const store = await openStore(db, { now: () => twoDaysAgo });
  for (const c of list)
    await store.subscriptions.upsert({ ...c, time: '00:00', timezone: 'UTC', origin: 'chat' });
  return store;
}
