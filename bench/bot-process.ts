/**
 * Briefer as its own process for the benchmarks: the compiled build (`dist/src/main.js`) with the node
 * flags `npm start` uses, in a temporary working directory (a developer's .env cannot add a token or
 * change the source), ready when its `/health` answers as a load balancer would see it. Every child is
 * killed when the benchmark process exits, error included.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetch } from 'undici';
import { NODE_FLAGS } from '../bin/node-flags.mjs';
import { DIST } from '../scripts/build.mjs';

const READY_DEADLINE_MS = 60_000;
const STOP_GRACE_MS = 10_000;

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const c of children) c.kill('SIGKILL');
    process.exit(130);
  });

export interface BotProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` of the health endpoint it was started with. */
  origin: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts one bot; `healthPort` is the port its `/health` answers on (PORT or DISCORD_HTTP_PORT). */
export async function startBot(
  env: Record<string, string>,
  options: { cwd: string; healthPort: number; label: string; nodeArgs?: string[] },
): Promise<BotProcess> {
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, ...(options.nodeArgs ?? []), join(DIST, 'src/main.js')],
    { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
    children.delete(child);
  });
  const origin = `http://127.0.0.1:${options.healthPort}`;
  const until = performance.now() + READY_DEADLINE_MS;
  for (;;) {
    if (exited) throw new Error(`${options.label} exited before it was ready:\n${stderr}`);
    if (performance.now() > until) throw new Error(`${options.label} not ready in ${READY_DEADLINE_MS} ms`);
    const ok = await fetch(`${origin}/health`).then(
      (r) => r.arrayBuffer().then(() => r.status === 200),
      () => false,
    );
    if (ok) return { child, origin };
    await sleep(100);
  }
}

/** SIGTERM, as an orchestrator stops it (a CPU profile is written then); SIGKILL after a grace period. */
export async function stopBot({ child }: BotProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

export function killAllBots(): void {
  for (const c of children) c.kill('SIGKILL');
}

/** CPU seconds a process has used (Linux /proc; undefined elsewhere), user + system. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** A process's resident memory in MB (Linux /proc; undefined elsewhere). */
export function rssMb(pid: number | undefined): number | undefined {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Math.round(Number(line[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
