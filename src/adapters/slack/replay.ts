/**
 * Replay protection for Slack over HTTP. Bolt checks each request's signature and refuses those older
 * than five minutes; within those five minutes a captured request would be accepted again (a "Share to
 * channel" click replayed five times posted five times). Each signature is remembered for the window
 * in a ReplayGuard — shared through the store when instances share one — and a repeat is acked and
 * dropped. Slack's own retries of a slow request carry a new signature, so they are not affected.
 */
import type { IncomingMessage } from 'node:http';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../log.ts';
import type { ReplayGuard } from '../../store/shared-state.ts';
import { firstDelivery } from '../first-delivery.ts';

/** Bolt refuses requests older than this; a signature needs remembering no longer. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

const SIGNATURE = 'slackRequestSignature';

/** For HTTPReceiver's `customPropertiesExtractor`: carries the verified request's signature to the middleware. */
export function signatureProperty(req: IncomingMessage): Record<string, string> {
  const signature = req.headers['x-slack-signature'];
  return typeof signature === 'string' ? { [SIGNATURE]: signature } : {};
}

/** Global middleware: runs a request only the first time its signature is seen. */
export function replayMiddleware(guard: ReplayGuard, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const signature = args.context[SIGNATURE];
    if (typeof signature !== 'string') return args.next();
    if (await firstDelivery(guard, `slack:${signature}`, REPLAY_WINDOW_MS, logger)) return args.next();
    logger.warn({ platform: 'slack' }, 'ignored a replayed Slack request (signature already seen)');
    // An ack, so a replayer learns nothing and Slack itself would not retry.
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
