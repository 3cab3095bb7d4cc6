/**
 * Replay protection shared by the platforms: a signed request stays valid for minutes, and one captured
 * and sent again within them would run again. Each request's unique key (Slack's signature, Discord's
 * interaction id) is remembered in a ReplayGuard — shared through the store when instances share one.
 */
import type { Logger } from '../log.ts';
import type { ReplayGuard } from '../store/shared-state.ts';

/**
 * The longest a request waits for the guard. A store answers in milliseconds; one that is locked (SQLite's
 * busy wait is 5 s) or hanging (a PostgreSQL failover) must not keep every command from answering within
 * the platform's 3 s: past this the request is treated as when the guard is unavailable.
 */
export const GUARD_WAIT_MS = 1_000;

class GuardSlow extends Error {
  constructor() {
    super(`no answer within ${GUARD_WAIT_MS} ms`);
  }
}

/** True the first time `key` is delivered within `ttlMs`; true as well when the guard is unavailable or slow. */
export async function firstDelivery(
  guard: ReplayGuard,
  key: string,
  ttlMs: number,
  log: Logger,
  waitMs = GUARD_WAIT_MS,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const slow = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GuardSlow()), waitMs);
    });
    return await Promise.race([guard.firstSeen(key, ttlMs), slow]);
  } catch (error) {
    // A store outage must not stop every command; the signature and age checks still stand.
    log.warn({ reason: (error as Error).message }, 'replay guard unavailable; request allowed');
    return true;
  } finally {
    clearTimeout(timer);
  }
}
