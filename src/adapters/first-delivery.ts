/**
 * Replay protection shared by the platforms: a signed request stays valid for minutes, and one captured
 * and sent again within them would run again. Each request's unique key (Slack's signature, Discord's
 * interaction id) is remembered in a ReplayGuard — shared through the store when instances share one.
 */
import type { Logger } from '../log.ts';
import type { ReplayGuard } from '../store/shared-state.ts';

/** True the first time `key` is delivered within `ttlMs`; true as well when the guard is unavailable. */
export async function firstDelivery(
  guard: ReplayGuard,
  key: string,
  ttlMs: number,
  log: Logger,
): Promise<boolean> {
  try {
    return await guard.firstSeen(key, ttlMs);
  } catch (error) {
    // A store outage must not stop every command; the signature and age checks still stand.
    log.warn({ reason: (error as Error).message }, 'replay guard unavailable; request allowed');
    return true;
  }
}
