/**
 * Prometheus metrics (prom-client), served as `GET /metrics` beside `/health`. One registry per
 * `Metrics` object — the app makes one per process and hands it to whoever records — so nothing is
 * global and two apps in one test never see each other's counts.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type CommandOutcome = 'ok' | 'error';
/** A digest delivery attempt: posted, or the poster's classification of why not. */
export type DigestPostOutcome = 'posted' | 'retryable' | 'unreachable' | 'fatal';
export type FeedFetchOutcome = 'fetched' | 'not_modified' | 'failed';

/** Seconds: from a fast cached answer to a slow first load of live feeds. */
const COMMAND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export class Metrics {
  readonly registry = new Registry();
  readonly #commands: Histogram<'platform' | 'command' | 'outcome'>;
  readonly #digestPosts: Counter<'platform' | 'outcome'>;
  readonly #feedFetches: Counter<'outcome'>;
  readonly #store: Histogram<'operation' | 'outcome'>;
  #briefingLoadedAt: () => Date | undefined = () => undefined;

  constructor(options: { processMetrics?: boolean; now?: () => number } = {}) {
    const registers = [this.registry];
    const now = options.now ?? Date.now;
    this.#commands = new Histogram({
      name: 'briefer_command_duration_seconds',
      help: 'Commands served, by platform, command and outcome: time from the request to the reply being ready.',
      labelNames: ['platform', 'command', 'outcome'],
      buckets: COMMAND_BUCKETS,
      registers,
    });
    this.#digestPosts = new Counter({
      name: 'briefer_digest_posts_total',
      help: 'Daily digest delivery attempts, by platform and outcome (posted, or retryable/unreachable/fatal failures).',
      labelNames: ['platform', 'outcome'],
      registers,
    });
    this.#feedFetches = new Counter({
      name: 'briefer_feed_fetches_total',
      help: 'Feed fetches, by outcome: fetched (new content), not_modified (HTTP 304), failed.',
      labelNames: ['outcome'],
      registers,
    });
    this.#store = new Histogram({
      name: 'briefer_store_duration_seconds',
      help: 'Store (database) operations, by operation and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: STORE_BUCKETS,
      registers,
    });
    const loadedAt = () => this.#briefingLoadedAt();
    new Gauge({
      name: 'briefer_briefing_age_seconds',
      help: 'Age of the news the briefings are built from (NaN before the first successful load).',
      registers,
      collect() {
        const at = loadedAt();
        this.set(at ? (now() - at.getTime()) / 1000 : Number.NaN);
      },
    });
    // CPU, memory, event-loop lag and the like, into this registry only.
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'briefer_' });
  }

  commandServed(platform: string, command: string, outcome: CommandOutcome, seconds: number): void {
    this.#commands.observe({ platform, command, outcome }, seconds);
  }

  digestPost(platform: string, outcome: DigestPostOutcome): void {
    this.#digestPosts.inc({ platform, outcome });
  }

  feedFetch(outcome: FeedFetchOutcome): void {
    this.#feedFetches.inc({ outcome });
  }

  storeOperation(operation: string, outcome: 'ok' | 'error', seconds: number): void {
    this.#store.observe({ operation, outcome }, seconds);
  }

  /** Runs one store operation and records how long it took, whether it succeeded or threw. */
  async timeStore<T>(operation: string, run: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await run();
      this.storeOperation(operation, 'ok', (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      this.storeOperation(operation, 'error', (performance.now() - started) / 1000);
      throw error;
    }
  }

  /** Where the briefing age comes from: when the news in use was loaded. */
  watchBriefing(loadedAt: () => Date | undefined): void {
    this.#briefingLoadedAt = loadedAt;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
