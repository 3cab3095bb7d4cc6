/**
 * Briefer as a real process, started from the compiled build (tests/global-setup.ts builds it), the way
 * `npm start` runs it. Waiting is by event — a line of output, the exit — never by a clock, so a busy
 * machine makes a test slower, not red.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const COMPILED_MAIN = join(ROOT, 'dist/src/main.js');

export interface BrieferProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves when the output matches; rejects, with the output, if the process exits first. */
  waitFor(pattern: RegExp | string): Promise<void>;
  /** The exit code (or null when ended by a signal) and the signal, once its output is all read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startBriefer(options: {
  env: Record<string, string | undefined>;
  cwd?: string;
  script?: string;
}): BrieferProcess {
  const child = spawn(process.execPath, [options.script ?? COMPILED_MAIN], {
    cwd: options.cwd ?? ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      done = true;
      for (const listener of listeners) listener();
      resolve({ code, signal });
    }),
  );
  const matches = (pattern: RegExp | string) =>
    typeof pattern === 'string' ? output.includes(pattern) : pattern.test(output);
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (matches(pattern)) {
            listeners.delete(check);
            resolve();
          } else if (done) {
            listeners.delete(check);
            reject(new Error(`the process exited before printing ${pattern}:\n${output}`));
          }
        };
        listeners.add(check);
        check();
      }),
  };
}
