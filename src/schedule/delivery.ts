/**
 * How a digest reaches a channel, whatever the platform. Posters classify every failure so the runner
 * knows what to do: wait and retry, give up on the channel, or give up on this attempt.
 */
import type { Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { ChatPlatform, Subscription } from '../store/subscriptions.ts';

export type DeliveryFailure =
  /** 429 or 5xx or a network error: try again after `retryAfterMs` (or backoff). */
  | 'retryable'
  /** Deleted channel, bot removed, missing access: stop posting there until someone re-subscribes. */
  | 'unreachable'
  /** Anything else (bad token, payload rejected): record it, don't retry today. */
  | 'fatal';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly kind: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown; unknownOutcome?: boolean },
  ) {
    super(message, options);
    this.unknownOutcome = options?.unknownOutcome ?? false;
  }

  /**
   * The request may have reached the platform (timeout, reset connection, 5xx after sending): the
   * message may be in the channel. The next try confirms before it posts again.
   */
  readonly unknownOutcome: boolean;
}

/**
 * Messages already posted by earlier tries, so a retry continues instead of repeating. Posters push
 * each accepted message's id and then call `onPosted`, which lets the runner record it at once: a
 * later attempt, even after a crash, then starts after it.
 */
/** `digestId` of a preview (`/digest preview`, the CLI): posted like a digest, but part of none. */
export const PREVIEW_PREFIX = 'preview/';

export interface DeliveryProgress {
  messageIds: string[];
  onPosted?: (messageIds: readonly string[]) => void;
  /**
   * Names this digest on the platform, the same on every try and every instance (`channel/date` for
   * the daily one): Slack messages carry it in their metadata, Discord posts derive their nonce
   * from it. This is how a message whose post had an unknown outcome is found instead of repeated.
   */
  digestId?: string;
  /** An earlier try may have posted more than `messageIds` says: look in the channel before posting. */
  confirm?: boolean;
  /** No try of this digest started before this: a message older than it is not one of its parts. */
  since?: Date;
}

export interface DigestPoster {
  readonly platform: ChatPlatform;
  /** Posts the digest (one or more messages); resolves with the ids of all the messages posted. */
  post(
    subscription: Subscription,
    reply: Reply,
    taxonomy: Taxonomy,
    progress?: DeliveryProgress,
  ): Promise<{ messageIds: string[] }>;
}

/**
 * A look at the channel that failed: nobody can tell whether an earlier part is there, so nothing is posted
 * again now — the attempt is retried, still with an unknown outcome, and looks again.
 */
export function cannotConfirm(platform: string, cause: unknown, classified: DeliveryError): DeliveryError {
  return new DeliveryError(
    'retryable',
    `${platform}: cannot confirm an earlier post (${classified.message})`,
    classified.retryAfterMs,
    { cause, unknownOutcome: true },
  );
}
