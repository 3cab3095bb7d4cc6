/**
 * How busy a front end is. All requests share one event loop: when many are in progress, or the loop
 * itself is stalled (a long synchronous job, a big collection), a timer set to "defer after 1.2 s" can
 * fire seconds late, so a Discord interaction that arrives while the bot is busy is deferred at once
 * unless its answer is ready immediately, and a Slack reply ready at once goes in the ack.
 */
export class LoadGauge {
  #inProgress = 0;

  /**
   * `busyAt`: requests in progress from which the front end counts as busy (Infinity: never, for tests
   * that must take one path whatever the machine's load). `lag`: the event loop's delay probe.
   */
  constructor(
    readonly busyAt = 8,
    private readonly lag: Pick<LagProbe, 'lagging'> = eventLoopLag(),
  ) {}

  get busy(): boolean {
    return busyNow(this.#inProgress, this.busyAt, this.lag);
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.#inProgress++;
    try {
      return await work();
    } finally {
      this.#inProgress--;
    }
  }
}

/** Lets pending I/O (e.g. other requests' acks) run before the caller's CPU work. */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * `work`'s value if it is ready at once — settled before any pending I/O or timer could run (a command
 * answered from the loaded briefing) — else undefined, and `work` goes on (a rejection is then ignored
 * here; the caller runs the work again its usual way). A rejection ready at once is undefined too.
 */
export async function readyAtOnce<T>(work: Promise<T>): Promise<T | undefined> {
  const settled = work.then(
    (value) => ({ value }),
    () => undefined,
  );
  return (await Promise.race([settled, yieldToIo().then(() => undefined)]))?.value;
}

/** Busy: `inProgress` requests at or past `busyAt`, or the event loop stalled (unless busyAt is Infinity). */
export function busyNow(
  inProgress: number,
  busyAt: number,
  lag: Pick<LagProbe, 'lagging'> = eventLoopLag(),
): boolean {
  return inProgress >= busyAt || (Number.isFinite(busyAt) && lag.lagging);
}

/**
 * Measures how late the event loop runs: a tick every `intervalMs` notes how much later than due it
 * ran. The loop counts as lagging when the last tick was more than `thresholdMs` late, or when the next
 * one is already that overdue (the loop is stalled right now). The measure is the delay itself, so load
 * cannot hide it the way it delays a timeout.
 */
export class LagProbe {
  #last: number;
  #lag = 0;
  #timer?: NodeJS.Timeout;

  constructor(
    readonly intervalMs = 50,
    readonly thresholdMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#last = now();
  }

  /** Starts ticking on a timer that does not keep the process alive. */
  start(): this {
    this.#timer ??= setInterval(() => this.tick(), this.intervalMs);
    this.#timer.unref();
    return this;
  }

  /** One measurement (the timer's; tests call it with their own clock). */
  tick(): void {
    const t = this.now();
    this.#lag = Math.max(0, t - this.#last - this.intervalMs);
    this.#last = t;
  }

  get lagging(): boolean {
    const overdue = this.now() - this.#last - this.intervalMs;
    return Math.max(this.#lag, overdue) > this.thresholdMs;
  }
}

let shared: LagProbe | undefined;

/** The process's one probe (one event loop), started on first use. */
export function eventLoopLag(): LagProbe {
  shared ??= new LagProbe().start();
  return shared;
}
