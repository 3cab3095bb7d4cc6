/**
 * Scale-out: 1 and 3 real Briefer processes (the compiled build, HTTP interactions, the sample news,
 * each its own SQLite file) behind a round-robin proxy on 127.0.0.1, and a bounded load of signed
 * `/brief` APPLICATION_COMMAND interactions through the proxy, a fixed number in flight. Reports the
 * latency of the first response (a message, or a deferral whose edit goes to the fake Discord's REST)
 * and the throughput. The load generator, the proxy and the fake Discord share this process, and every
 * process shares the machine's cores: on 2 cores, 3 instances cannot be 3× one.
 * Bounded: REQUESTS per round, a deadline per round; every child is killed on exit, error included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { build, isBuildFresh } from '../scripts/build.mjs';
import { startFakeDiscord } from '../tests/fakes/discord/fake-discord.ts';
import { generateSigningKeys, signatureHeaders } from '../tests/fakes/discord/signing.ts';
import { freePort } from '../tests/helpers/free-port.ts';
import { type BotProcess, cpuSeconds, killAllBots, startBot, stopBot } from './bot-process.ts';
import { startRoundRobinProxy } from './round-robin-proxy.ts';
import { percentile, type Row } from './table.ts';

const INSTANCES = (process.env.BRIEFER_SCALEOUT_INSTANCES ?? '1,3').split(',').map(Number);
const IN_FLIGHT = (process.env.BRIEFER_SCALEOUT_IN_FLIGHT ?? '50,200').split(',').map(Number);
const REQUESTS = Number(process.env.BRIEFER_SCALEOUT_REQUESTS ?? 2000);
/** A round stops sending once this has passed; what was answered is reported. */
const ROUND_DEADLINE_MS = 180_000;

async function startInstance(env: Record<string, string>, dir: string, index: number): Promise<BotProcess> {
  const port = await freePort();
  return startBot(
    { ...env, DISCORD_HTTP_PORT: String(port), BRIEFER_DB: join(dir, `briefer-${index}.db`) },
    { cwd: dir, healthPort: port, label: `instance ${index}` },
  );
}

/** Share of one core used over `seconds`, from two cpuSeconds readings. */
const coreShare = (before: Array<number | undefined>, after: Array<number | undefined>, seconds: number) =>
  before.every((b) => b !== undefined) && after.every((a) => a !== undefined)
    ? `${Math.round((100 * after.reduce((t: number, a, i) => t + (a as number) - (before[i] as number), 0)) / seconds)}%`
    : '';

export async function benchScaleout(): Promise<Row[]> {
  if (!isBuildFresh()) await build();
  const fake = await startFakeDiscord();
  const keys = generateSigningKeys();
  const dir = mkdtempSync(join(tmpdir(), 'briefer-scaleout-'));
  const env = {
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    BRIEFER_SOURCE: 'sample',
    BRIEFER_MAX_CONNECTIONS: '5000',
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
  };
  // One connection per request in flight, kept alive, as many users' requests arriving at a balancer.
  const client = new Agent({ connections: null, pipelining: 0, keepAliveTimeout: 30_000 });
  const rows: Row[] = [];
  try {
    for (const n of INSTANCES) {
      const instances = await Promise.all(Array.from({ length: n }, (_, i) => startInstance(env, dir, i)));
      const proxy = await startRoundRobinProxy(instances.map((i) => i.origin));
      const url = `${proxy.url}/interactions`;
      const send = async (body: string, headers: Record<string, string>) => {
        const started = performance.now();
        const res = await fetch(url, { method: 'POST', headers, body, dispatcher: client });
        const json = (await res.json().catch(() => ({}))) as { type?: number };
        // A message (4) or a deferral (5); anything else is a failure, not a fast answer.
        const ok = res.status === 200 && (json.type === 4 || json.type === 5);
        return { ms: performance.now() - started, ok, deferred: json.type === 5 };
      };
      const signed = (count: number) =>
        Array.from({ length: count }, () => {
          const body = JSON.stringify(fake.command('brief'));
          return {
            body,
            headers: { 'content-type': 'application/json', ...signatureHeaders(keys.privateKey, body) },
          };
        });
      try {
        // Warm-up: every instance loads its briefing and renders once before anything is timed.
        for (const r of signed(10 * n)) await send(r.body, r.headers);
        for (const inFlight of IN_FLIGHT) {
          const requests = signed(REQUESTS);
          const before = [...proxy.counts];
          const load = loadavg()[0] ?? 0;
          const times: number[] = [];
          let failed = 0;
          let deferred = 0;
          let nextIndex = 0;
          const cpuBefore = instances.map((i) => cpuSeconds(i.child.pid));
          const ownBefore = process.cpuUsage();
          const started = performance.now();
          const deadline = started + ROUND_DEADLINE_MS;
          const worker = async () => {
            while (nextIndex < requests.length && performance.now() < deadline) {
              const r = requests[nextIndex++] as (typeof requests)[number];
              const result = await send(r.body, r.headers).catch(() => undefined);
              if (!result?.ok) failed++;
              else {
                times.push(result.ms);
                if (result.deferred) deferred++;
              }
            }
          };
          await Promise.all(Array.from({ length: inFlight }, worker));
          const seconds = (performance.now() - started) / 1000;
          const own = process.cpuUsage(ownBefore);
          const cpuAfter = instances.map((i) => cpuSeconds(i.child.pid));
          times.sort((a, b) => a - b);
          rows.push({
            instances: n,
            in_flight: inFlight,
            sent: nextIndex,
            ok: times.length,
            failed,
            deferred,
            p50_ms: Number(percentile(times, 50).toFixed(1)),
            p95_ms: Number(percentile(times, 95).toFixed(1)),
            p99_ms: Number(percentile(times, 99).toFixed(1)),
            max_ms: Number((times.at(-1) ?? 0).toFixed(1)),
            over_3s: times.filter((t) => t > 3000).length,
            'req/s': Math.round(times.length / seconds),
            per_instance: proxy.counts.map((c, i) => c - (before[i] ?? 0)).join('/'),
            // Of one core: all instances together, and this process (load, proxy, fake Discord).
            instances_cpu: coreShare(cpuBefore, cpuAfter, seconds),
            bench_cpu: `${Math.round((own.user + own.system) / 1e4 / seconds)}%`,
            load_1m: `${load.toFixed(1)} (${cpus().length} cores)`,
          });
        }
      } finally {
        await proxy.close();
        await Promise.allSettled(instances.map(stopBot));
      }
    }
  } finally {
    killAllBots();
    await client.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// `npx tsx bench/scaleout.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchScaleout());
