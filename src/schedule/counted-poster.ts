/** A digest poster that counts each delivery attempt in the metrics: posted, or why it failed. */
import type { Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Metrics } from '../metrics.ts';
import type { Subscription } from '../store/subscriptions.ts';
import { DeliveryError, type DeliveryProgress, type DigestPoster } from './delivery.ts';

export class CountedPoster implements DigestPoster {
  constructor(
    private readonly poster: DigestPoster,
    private readonly metrics: Metrics,
  ) {}

  get platform() {
    return this.poster.platform;
  }

  async post(
    subscription: Subscription,
    reply: Reply,
    taxonomy: Taxonomy,
    progress?: DeliveryProgress,
  ): Promise<{ messageIds: string[] }> {
    try {
      const posted = await this.poster.post(subscription, reply, taxonomy, progress);
      this.metrics.digestPost(this.platform, 'posted');
      return posted;
    } catch (error) {
      // A failure the poster did not classify is counted with the ones that are not retried.
      this.metrics.digestPost(this.platform, error instanceof DeliveryError ? error.kind : 'fatal');
      throw error;
    }
  }
}
