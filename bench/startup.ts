/**
 * Start-up: time from process start to the first console reply (piped `/brief`), in the same run:
 * `npm start` (the compiled build, through npm), the compiled build without npm, and the TypeScript
 * through tsx — how `npm start` ran before the build existed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from '../scripts/build.mjs';
import { percentile, type Row } from './table.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function timeToFirstReply(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // The brief ends with its footer; the first full reply is what a user waits for.
      if (out.includes('Headlines (')) {
        resolve(performance.now() - started);
        child.kill();
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!out.includes('Headlines (')) reject(new Error(`${cmd} exited ${code} without a reply`));
    });
    child.stdin.end('/brief\n');
  });
}

export async function benchStartup(runs = 7): Promise<Row[]> {
  // Build first if needed, so no measured run pays for a rebuild.
  if (!isBuildFresh()) await timeToFirstReply('npm', ['start', '--silent']);
  const variants = [
    ['npm start (compiled; console, sample news)', 'npm', ['start', '--silent']],
    ['node dist/src/main.js (compiled, no npm)', process.execPath, ['dist/src/main.js']],
    ['tsx src/main.ts (before the build, no npm)', `${ROOT}node_modules/.bin/tsx`, ['src/main.ts']],
  ] as const;
  const times = variants.map((): number[] => []);
  // Round by round, so a change in the machine's load falls on every variant alike.
  for (let i = 0; i < runs; i++) {
    for (const [v, [, cmd, args]] of variants.entries())
      times[v]?.push(await timeToFirstReply(cmd, [...args]));
  }
  return variants.map(([name], v) => {
    const sorted = (times[v] ?? []).sort((a, b) => a - b);
    return {
      'start-up to first /brief reply': name,
      runs,
      'median ms': percentile(sorted, 50),
      'max ms': percentile(sorted, 100),
    };
  });
}
