/**
 * Posts the daily digest to every channel that is due. Each channel is its own step: one channel's
 * failure (rate limit, deleted channel, platform outage) never stops the others.
 */
import { randomUUID } from 'node:crypto';
import { filterBriefing } from '../core/briefing-filter.ts';
import { userMessage } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Logger } from '../log.ts';
import type { BriefingProvider } from '../service/briefing-provider.ts';
import { staleNotices } from '../service/stale-notices.ts';
import type { DigestLedger } from '../store/digest-ledger.ts';
import type { ChatPlatform, Subscription, SubscriptionStore } from '../store/subscriptions.ts';
import { DeliveryError, type DeliveryProgress, type DigestPoster } from './delivery.ts';
import { dueOccurrence } from './digest-times.ts';
import { type RetryOptions, withRetry } from './retry.ts';

export interface DigestRunnerOptions {
  subscriptions: SubscriptionStore;
  ledger: DigestLedger;
  briefings: BriefingProvider;
  taxonomy: Taxonomy;
  posters: Partial<Record<ChatPlatform, DigestPoster>>;
  logger: Logger;
  now?: () => Date;
  /** How late a digest may still go out after its time (process down, outage). */
  catchUpMs: number;
  retry?: Partial<RetryOptions>;
  /** Channels posted to at once. */
  concurrency?: number;
  /** Identifies this process in the ledger. */
  owner?: string;
}

export type DigestOutcome =
  | { channel: string; status: 'sent'; localDate: string; messageIds: string[] }
  | { channel: string; status: 'skipped'; localDate: string; reason: string }
  | { channel: string; status: 'failed'; localDate: string; error: string; unreachable: boolean };

export class DigestRunner {
  readonly owner: string;
  readonly #now: () => Date;
  #inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: DigestRunnerOptions) {
    this.owner = options.owner ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
    this.#now = options.now ?? (() => new Date());
  }

  /** Posts every digest that is due now and not yet posted today. */
  async tick(): Promise<DigestOutcome[]> {
    const now = this.#now();
    const due = this.options.subscriptions
      .list()
      .filter((s) => !s.unreachable)
      .flatMap((s) => {
        // A channel subscribed from chat waits for its next time; configured channels catch up at once.
        const notBefore = s.origin === 'chat' ? new Date(s.updatedAt) : undefined;
        const occurrence = dueOccurrence(s, now, { catchUpMs: this.options.catchUpMs, notBefore });
        return occurrence ? [{ subscription: s, localDate: occurrence.localDate }] : [];
      });
    return this.#track(
      mapLimited(due, this.options.concurrency ?? 4, (d) => this.#postDue(d.subscription, d.localDate)),
    );
  }

  /** Posts a digest now, outside the schedule and the ledger (preview, CLI). */
  async postNow(subscription: Subscription): Promise<{ messageIds: string[] }> {
    const reply = await this.#digestReply(subscription, ['Preview of the daily digest']);
    return this.#track(this.#deliver(subscription, reply));
  }

  /** Waits for posts in progress (graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }

  #track<T>(p: Promise<T>): Promise<T> {
    this.#inFlight.add(p);
    void p.finally(() => this.#inFlight.delete(p)).catch(() => {});
    return p;
  }

  async #postDue(s: Subscription, localDate: string): Promise<DigestOutcome> {
    const { ledger, subscriptions, logger } = this.options;
    const claim = ledger.claim(s.channel, localDate, this.owner, this.#now());
    if (!claim.claimed) return { channel: s.channel, status: 'skipped', localDate, reason: claim.reason };
    const log = logger.child({ channel: s.channel, localDate, attempt: claim.attempt });
    if (claim.recovering) log.warn('taking over a digest post whose previous attempt did not finish');
    if (claim.posted.length > 0)
      log.info(
        { alreadyPosted: claim.posted.length },
        'continuing after the messages an earlier attempt posted',
      );
    const progress: DeliveryProgress = {
      messageIds: [...claim.posted],
      onPosted: (ids) => ledger.recordPosted(s.channel, localDate, this.owner, ids),
    };
    try {
      const reply = await this.#digestReply(s, []);
      const { messageIds } = await this.#deliver(s, reply, progress);
      ledger.complete(s.channel, localDate, messageIds, this.#now());
      subscriptions.recordError(s.channel, null);
      log.info({ messageIds }, 'digest posted');
      return { channel: s.channel, status: 'sent', localDate, messageIds };
    } catch (error) {
      const unreachable = error instanceof DeliveryError && error.kind === 'unreachable';
      const final = unreachable || (error instanceof DeliveryError && error.kind === 'fatal');
      const message = error instanceof Error ? error.message : String(error);
      ledger.fail(s.channel, localDate, message, final);
      if (unreachable) subscriptions.markUnreachable(s.channel, message);
      else subscriptions.recordError(s.channel, message);
      log.error({ err: error, unreachable }, 'digest post failed');
      return { channel: s.channel, status: 'failed', localDate, error: message, unreachable };
    }
  }

  async #digestReply(s: Subscription, extraNotices: string[]): Promise<Reply> {
    let result: Awaited<ReturnType<BriefingProvider['get']>>;
    try {
      result = await this.options.briefings.get();
    } catch (error) {
      throw new DeliveryError('retryable', `no briefing to post: ${userMessage(error)}`, undefined, {
        cause: error,
      });
    }
    const notices = [...extraNotices, ...staleNotices(result, this.#now())];
    const briefing = filterBriefing(result.briefing, s.categories);
    return { view: { kind: 'brief', briefing }, visibility: 'public', notices };
  }

  #deliver(
    s: Subscription,
    reply: Reply,
    progress: DeliveryProgress = { messageIds: [] },
  ): Promise<{ messageIds: string[] }> {
    const poster = this.options.posters[s.platform];
    if (!poster)
      return Promise.reject(new DeliveryError('fatal', `${s.platform} is not configured in this process`));
    const retry = this.options.retry ?? {};
    return withRetry(() => poster.post(s, reply, this.options.taxonomy, progress), {
      retries: retry.retries ?? 4,
      baseMs: retry.baseMs ?? 1000,
      maxMs: retry.maxMs ?? 60_000,
      sleep: retry.sleep,
      onRetry: (attempt, waitMs, error) =>
        this.options.logger.warn(
          { channel: s.channel, attempt, waitMs, err: error },
          'digest post will be retried',
        ),
    });
  }
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping result order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
