/**
 * Wakes the digest runner: one croner job per subscription at its local time (IANA zone, DST-aware),
 * a tick at start for catch-up after a late start, and a slow safety tick that retries failed posts
 * while they are still inside the catch-up window.
 */
import { Cron } from 'croner';
import type { Logger } from '../log.ts';
import type { SubscriptionStore } from '../store/subscriptions.ts';
import type { DigestOutcome, DigestRunner } from './digest-runner.ts';
import { cronPattern } from './digest-times.ts';

export interface DigestSchedulerOptions {
  safetyIntervalMs?: number;
  logger: Logger;
}

export class DigestScheduler {
  #jobs: Cron[] = [];
  #timer?: NodeJS.Timeout;
  #running?: Promise<DigestOutcome[]>;
  #again = false;
  #stopped = true;

  constructor(
    private readonly runner: DigestRunner,
    private readonly subscriptions: SubscriptionStore,
    private readonly options: DigestSchedulerOptions,
  ) {}

  start(): void {
    this.#stopped = false;
    this.reschedule();
    const every = this.options.safetyIntervalMs ?? 5 * 60_000;
    this.#timer = setInterval(() => void this.tick(), every);
    this.#timer.unref();
    void this.tick();
  }

  /** Rebuilds the jobs from the store; call after a subscription changes. */
  reschedule(): void {
    for (const j of this.#jobs) j.stop();
    if (this.#stopped) return;
    this.#jobs = this.subscriptions
      .list()
      .filter((s) => !s.unreachable)
      .map(
        (s) => new Cron(cronPattern(s), { timezone: s.timezone, name: s.channel }, () => void this.tick()),
      );
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

  /** Next time each channel's job fires, for `/digest status`. */
  nextRuns(): Map<string, Date | null> {
    return new Map(this.#jobs.map((j) => [j.name ?? '', j.nextRun()]));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const j of this.#jobs) j.stop();
    this.#jobs = [];
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
    await this.runner.drain();
  }
}
