/**
 * Daily digest across instances: digests posted per minute by 1, 2 and 3 real instances (`src/main.ts`
 * child processes) sharing one PostgreSQL, against the fake Discord and Slack on loopback. 300
 * channels (half each platform) become due at once while the instances run; the clock runs from
 * then until the ledger shows every one sent. Each instance ticks every second and posts 4 channels
 * at a time; the fakes answer every post 50 ms late, standing in for a platform's round trip, so the
 * figure shows how the work spreads rather than how fast loopback is. Needs PostgreSQL:
 * BRIEFER_TEST_PG_URL, or `.ci/postgres.sh` starts a throwaway server.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type FakeDiscord, startFakeDiscord } from '../tests/fakes/discord/fake-discord.ts';
import { type FakeSlack, startFakeSlack } from '../tests/fakes/slack/fake-slack.ts';
import {
  channels,
  type Instance,
  startInstance,
  stopInstance,
  subscribeDueNow,
} from '../tests/helpers/instances.ts';
import type { Row } from './table.ts';

const CHANNELS = 300;
const LATENCY_MS = 50;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function benchDigestInstances(): Promise<Row[]> {
  let stopServer = () => {};
  if (!process.env.BRIEFER_TEST_PG_URL) {
    const exports = execFileSync('bash', ['.ci/postgres.sh', 'start'], { cwd: ROOT, encoding: 'utf8' });
    for (const m of exports.matchAll(/^export (\w+)=(.*)$/gm)) process.env[m[1] as string] = m[2];
    const data = process.env.BRIEFER_TEST_PG_DATA as string;
    stopServer = () => execFileSync('bash', ['.ci/postgres.sh', 'stop', data], { cwd: ROOT });
  }
  // Imported after the URL is known: the helper reads it once.
  const { freshPostgres } = await import('../tests/helpers/store-targets.ts');
  const [discord, slack] = await Promise.all([startFakeDiscord(), startFakeSlack()]);
  slack.slowNext('chat.postMessage', LATENCY_MS, { times: 1_000_000 });
  discord.slowNext(/^POST \/channels\/\d+\/messages$/, LATENCY_MS, { times: 1_000_000 });
  const rows: Row[] = [];
  try {
    for (const count of [1, 2, 3]) rows.push(await run(count, await freshPostgres(), discord, slack));
  } finally {
    await Promise.all([discord.close(), slack.close()]);
    stopServer();
  }
  return rows;
}

async function run(count: number, db: string, discord: FakeDiscord, slack: FakeSlack): Promise<Row> {
  const extra = { DIGEST_CATCHUP_HOURS: '24', DIGEST_POLL_SECONDS: '1', LOG_LEVEL: 'warn' };
  const instances: Instance[] = [];
  try {
    // `briefer started` is logged at info; start at info, the posts themselves are not logged then.
    for (let i = 0; i < count; i++)
      instances.push(await startInstance({ db, discord, slack, extra: { ...extra, LOG_LEVEL: 'info' } }));
    const list = channels(CHANNELS);
    const started = performance.now();
    const store = await subscribeDueNow(db, list);
    const localDate = new Date().toISOString().slice(0, 10);
    const keys = list.map((c) => ({ channel: `${c.platform}:${c.channelId}`, localDate }));
    let sent: Array<{ claimedBy?: string }> = [];
    while (sent.length < CHANNELS) {
      await new Promise((r) => setTimeout(r, 100));
      sent = [...(await store.ledger.records(keys)).values()].filter((r) => r.status === 'sent');
    }
    const ms = performance.now() - started;
    await store.close();
    const shares = instances.map((inst) => sent.filter((r) => r.claimedBy?.includes(`-${inst.pid}-`)).length);
    return {
      instances: count,
      channels: CHANNELS,
      'seconds to post all': Number((ms / 1000).toFixed(1)),
      'digests / min': Math.round((CHANNELS / ms) * 60_000),
      'share per instance': shares.join(' / '),
    };
  } finally {
    await Promise.all(instances.map(stopInstance));
  }
}
