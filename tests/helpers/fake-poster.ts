/** A DigestPoster that records posts and fails on demand, for runner tests without a platform. */
import type { Reply } from '../../src/commands/types.ts';
import { DeliveryError, type DigestPoster } from '../../src/schedule/delivery.ts';
import type { ChatPlatform, Subscription } from '../../src/store/subscriptions.ts';

export class FakePoster implements DigestPoster {
  posts: Array<{ channel: string; reply: Reply }> = [];
  attempts = 0;
  #failures: DeliveryError[] = [];
  #failAlways = new Map<string, DeliveryError>();

  constructor(readonly platform: ChatPlatform) {}

  failNext(...errors: DeliveryError[]): this {
    this.#failures.push(...errors);
    return this;
  }

  failChannel(channelId: string, error: DeliveryError): this {
    this.#failAlways.set(channelId, error);
    return this;
  }

  async post(s: Subscription, reply: Reply): Promise<{ messageIds: string[] }> {
    this.attempts++;
    const always = this.#failAlways.get(s.channelId);
    if (always) throw always;
    const next = this.#failures.shift();
    if (next) throw next;
    this.posts.push({ channel: s.channel, reply });
    return { messageIds: [`${s.channelId}-m${this.posts.length}`] };
  }
}

export const rateLimited = (retryAfterMs: number) =>
  new DeliveryError('retryable', '429 rate limited', retryAfterMs);
export const unreachable = (reason = 'channel_not_found') => new DeliveryError('unreachable', reason);
