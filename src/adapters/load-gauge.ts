/**
 * How many requests a front end is answering right now. All of them share one event loop: when many
 * are in progress, a timer set to "defer after 1.2 s" can fire seconds late, so a Discord interaction
 * that arrives while the bot is busy is deferred at once unless its answer is ready immediately.
 */
export class LoadGauge {
  #inProgress = 0;

  /** `busyAt`: requests in progress from which the front end counts as busy. */
  constructor(readonly busyAt = 8) {}

  get busy(): boolean {
    return this.#inProgress >= this.busyAt;
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
