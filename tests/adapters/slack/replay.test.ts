import { describe, expect, it } from 'vitest';
import { REPLAY_WINDOW_MS, replayMiddleware } from '../../../src/adapters/slack/replay.ts';
import { createLogger } from '../../../src/log.ts';
import type { ReplayGuard } from '../../../src/store/shared-state.ts';

describe('Slack replay middleware', () => {
  it('remembers a signature for as long as Bolt would accept the request, with our clock behind Slack', async () => {
    // One clock for the middleware and the guard, moved by hand.
    let clock = Date.parse('2026-11-30T08:00:00Z');
    const seen = new Map<string, number>();
    const guard: ReplayGuard = {
      async firstSeen(id, ttlMs) {
        const until = seen.get(id);
        if (until !== undefined && until > clock) return false;
        seen.set(id, clock + ttlMs);
        return true;
      },
    };
    const middleware = replayMiddleware(guard, createLogger('silent'), () => clock);
    let ran = 0;
    // Slack's clock is 4 min 50 s ahead of ours: Bolt accepts the request until 5 min after its timestamp.
    const timestamp = (clock + 290_000) / 1000;
    const deliver = () =>
      middleware({
        context: { slackRequestSignature: 'v0=abc', slackRequestTimestamp: String(timestamp) },
        next: async () => {
          ran++;
        },
        ack: async () => {},
      } as unknown as Parameters<typeof middleware>[0]);
    await deliver();
    expect(ran).toBe(1);
    // Five minutes and a second on, the timestamp is 11 s old: Bolt still accepts it, so it must not run.
    clock += REPLAY_WINDOW_MS + 1_000;
    await deliver();
    expect(ran).toBe(1);
  });
});
