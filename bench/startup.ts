/**
 * Start-up: time from process start to the first console reply of `npm start` (piped `/brief`),
 * and the same through tsx directly (without npm's own start-up).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

export async function benchStartup(runs = 5): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [name, cmd, args] of [
    ['npm start (console, sample news)', 'npm', ['start', '--silent']],
    ['tsx src/main.ts (no npm)', `${ROOT}node_modules/.bin/tsx`, ['src/main.ts']],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeToFirstReply(cmd, [...args]));
    times.sort((a, b) => a - b);
    rows.push({
      'start-up to first /brief reply': name,
      runs,
      'median ms': percentile(times, 50),
      'max ms': percentile(times, 100),
    });
  }
  return rows;
}
