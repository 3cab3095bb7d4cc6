/** A DigestPoster that records posts and fails on demand, for runner tests without a platform. */
import type { Reply } from '../../src/core/reply.ts';
import { DeliveryError, type DeliveryProgress, type DigestPoster } from '../../src/schedule/delivery.ts';
import type { ChatPlatform, Subscription } from '../../src/store/subscriptions.ts';

export class FakePoster implements DigestPoster {
  posts: Array<{ channel: string; reply: Reply }> = [];
  attempts = 0;
  /** One entry per message to come: an error fails it, `null` lets it through. */
  #failures: Array<DeliveryError | null> = [];
  #failAlways = new Map<string, DeliveryError>();

  failNext(...errors: Array<DeliveryError | null>): this {
    this.#failures.push(...errors);
    return this;
  }

  failChannel(channelId: string, error: DeliveryError): this {
    this.#failAlways.set(channelId, error);
    return this;
  }

  /** Every message posted, by id, across all digests (a digest has `pages` messages). */
  messages: string[] = [];

  /** `pages`: messages per digest, as a long briefing needs on a real platform. */
  constructor(
    readonly platform: ChatPlatform,
    readonly pages = 1,
  ) {}

  async post(
    s: Subscription,
    reply: Reply,
    _taxonomy?: unknown,
    progress: DeliveryProgress = { messageIds: [] },
  ): Promise<{ messageIds: string[] }> {
    this.attempts++;
    const always = this.#failAlways.get(s.channelId);
    if (always) throw always;
    // Like the real posters: continue after the messages already posted, failing where told to.
    for (let page = progress.messageIds.length; page < this.pages; page++) {
      const next = this.#failures.shift();
      if (next) throw next;
      const id = `${s.channelId}-m${this.messages.length + 1}`;
      this.messages.push(id);
      progress.messageIds.push(id);
      progress.onPosted?.(progress.messageIds);
    }
    this.posts.push({ channel: s.channel, reply });
    return { messageIds: progress.messageIds };
  }
}

export const rateLimited = (retryAfterMs: number) =>
  new DeliveryError('retryable', '429 rate limited', retryAfterMs);
export const unreachable = (reason = 'channel_not_found') => new DeliveryError('unreachable', reason);
