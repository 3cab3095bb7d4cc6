/**
 * Work that continues after the ack (building and delivering a reply, a Discord answer). Stopping waits for it,
 * so a deploy does not drop a reply the user was already promised.
 */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.#pending.size;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.#pending.add(promise);
    const forget = () => this.#pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /**
   * Resolves when everything running now has settled (true), or after `timeoutMs` (false: that many
   * seconds is all a shutdown can wait — orchestrators kill after 10).
   */
  async drain(timeoutMs = 8_000): Promise<boolean> {
    if (this.#pending.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
    });
    const settled = Promise.allSettled([...this.#pending]).then(() => true);
    const finished = await Promise.race([settled, deadline]);
    clearTimeout(timer);
    return finished;
  }
}
