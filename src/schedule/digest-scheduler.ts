/**
 * Wakes the digest runner: a tick at start (catch-up after a late start) and then every `pollMs`.
 * Each tick reads the subscriptions from the store, so a `/digest on|off` made on any instance is
 * seen by every instance at its next tick, and a claim left by an instance that died is taken over
 * soon after its lease runs out. Times are minutes (HH:MM), so a 10-second poll posts on time.
 */
import type { Logger } from '../log.ts';
import type { DigestOutcome, DigestRunner } from './digest-runner.ts';

export interface DigestSchedulerOptions {
  /** Between ticks (default 10 s). */
  pollMs?: number;
  logger: Logger;
}

export const DEFAULT_POLL_MS = 10_000;

export class DigestScheduler {
  #timer?: NodeJS.Timeout;
  #running?: Promise<DigestOutcome[]>;
  #again = false;
  #stopped = true;

  constructor(
    private readonly runner: DigestRunner,
    private readonly options: DigestSchedulerOptions,
  ) {}

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => void this.tick(), this.options.pollMs ?? DEFAULT_POLL_MS);
    this.#timer.unref();
    void this.tick();
  }

  /** Runs the runner once; a tick requested meanwhile runs right after, never in parallel. */
  tick(): Promise<DigestOutcome[]> {
    if (this.#stopped) return Promise.resolve([]);
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.runner
      .tick()
      .catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'digest tick failed');
        return [] as DigestOutcome[];
      })
      .finally(() => {
        this.#running = undefined;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          void this.tick();
        }
      });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
    await this.runner.drain();
  }
}
