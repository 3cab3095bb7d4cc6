/**
 * Replay protection for Slack over HTTP. Bolt checks each request's signature and refuses those older
 * than five minutes; within those five minutes a captured request would be accepted again (a "Share to
 * channel" click replayed five times posted five times). Each signature is remembered in a ReplayGuard —
 * shared through the store when instances share one — and a repeat is acked and dropped. Slack's own
 * retries of a slow request carry a new signature, so they are not affected.
 *
 * Bolt refuses only the past: a request timestamped ahead of this server's clock stays acceptable until
 * five minutes after its timestamp, so forgetting its signature five minutes after it came let a replay
 * through. A request timestamped over five minutes ahead is refused here (as Discord's are), and a
 * signature is remembered for the longest time one can then stay acceptable: ten minutes.
 */
import type { IncomingMessage } from 'node:http';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../log.ts';
import type { ReplayGuard } from '../../store/shared-state.ts';
import { firstDelivery } from '../first-delivery.ts';

/** Bolt refuses requests older than this; this middleware, those further ahead than this. */
export const REPLAY_WINDOW_MS = 5 * 60_000;
/** How long a signature is remembered: from five minutes ahead of our clock to five minutes behind it. */
export const SIGNATURE_TTL_MS = 2 * REPLAY_WINDOW_MS;

const SIGNATURE = 'slackRequestSignature';
const TIMESTAMP = 'slackRequestTimestamp';

/** For HTTPReceiver's `customPropertiesExtractor`: carries the verified request's signature and timestamp to the middleware. */
export function signatureProperty(req: IncomingMessage): Record<string, string> {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  return {
    ...(typeof signature === 'string' ? { [SIGNATURE]: signature } : {}),
    ...(typeof timestamp === 'string' ? { [TIMESTAMP]: timestamp } : {}),
  };
}

/** Global middleware: runs a request only the first time its signature is seen, and only if not from the future. */
export function replayMiddleware(
  guard: ReplayGuard,
  logger: Logger,
  now: () => number = Date.now,
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const signature = args.context[SIGNATURE];
    if (typeof signature !== 'string') return args.next();
    const timestamp = Number(args.context[TIMESTAMP]) * 1000;
    const ahead = Number.isFinite(timestamp) && timestamp - now() > REPLAY_WINDOW_MS;
    if (ahead)
      logger.warn(
        { platform: 'slack', aheadMs: timestamp - now() },
        'refused a Slack request timestamped over five minutes ahead of this clock',
      );
    else if (await firstDelivery(guard, `slack:${signature}`, SIGNATURE_TTL_MS, logger)) return args.next();
    else logger.warn({ platform: 'slack' }, 'ignored a replayed Slack request (signature already seen)');
    // An ack, so a replayer learns nothing and Slack itself would not retry.
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
