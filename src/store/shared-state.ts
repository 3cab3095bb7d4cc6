/**
 * Small pieces of state that several instances must agree on, as interfaces the features depend on.
 * The store implements them on SQLite or PostgreSQL; the in-memory versions serve one process and tests.
 */

/** Model-written summaries, cached by story identity + article hash so restarts and other instances reuse them. */
export interface SummaryCache {
  get(key: string): Promise<string | undefined>;
  /** Keeps `value` for `ttlMs`; a later set for the same key replaces it. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** Remembers ids (e.g. signed-request signatures) for a while, so a replay is noticed. */
export interface ReplayGuard {
  /** True the first time `id` is seen within `ttlMs`; false for a repeat. Atomic across instances. */
  firstSeen(id: string, ttlMs: number): Promise<boolean>;
}

export class MemorySummaryCache implements SummaryCache {
  readonly #entries = new Map<string, { value: string; expires: number }>();
  constructor(private readonly maxEntries = 500) {}

  async get(key: string): Promise<string | undefined> {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (e.expires <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: Date.now() + ttlMs });
    // Oldest first out: a Map iterates in insertion order.
    while (this.#entries.size > this.maxEntries)
      this.#entries.delete(this.#entries.keys().next().value as string);
  }
}

export class MemoryReplayGuard implements ReplayGuard {
  readonly #seen = new Map<string, number>();
  constructor(private readonly maxEntries = 100_000) {}

  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const until = this.#seen.get(id);
    if (until !== undefined && until > now) return false;
    this.#seen.delete(id);
    this.#seen.set(id, now + ttlMs);
    while (this.#seen.size > this.maxEntries) this.#seen.delete(this.#seen.keys().next().value as string);
    return true;
  }
}
