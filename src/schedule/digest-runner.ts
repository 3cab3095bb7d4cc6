/**
 * Posts the daily digest to every channel that is due. Each channel is its own step: one channel's
 * failure (rate limit, deleted channel, platform outage) never stops the others. Any number of
 * instances may run it on one database: the ledger's claims decide who posts what.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { filterBriefing } from '../core/briefing-filter.ts';
import { userMessage } from '../core/errors.ts';
import type { HeadlineLimits, Reply } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Logger } from '../log.ts';
import type { BriefingProvider } from '../service/briefing-provider.ts';
import { staleNotices } from '../service/stale-notices.ts';
import {
  type ClaimedPost,
  type DigestLedger,
  type DueKey,
  keyOf,
  type PostRecord,
} from '../store/digest-ledger.ts';
import type { ChatPlatform, Subscription, SubscriptionStore } from '../store/subscriptions.ts';
import { DeliveryError, type DeliveryProgress, type DigestPoster, PREVIEW_PREFIX } from './delivery.ts';
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
  /** Channels this instance posts to at once; it claims no more than that from the ledger. */
  concurrency?: number;
  /** How long a failed digest waits before the next attempt (any instance). */
  failedRetryMs?: number;
  /** Identifies this instance in the ledger. */
  owner?: string;
  /** How many headlines a digest shows (BRIEFER_MAX_PER_CATEGORY, BRIEFER_MAX_HEADLINES). */
  limits?: HeadlineLimits;
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
    this.owner = options.owner ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Posts every digest that is due now and not yet posted today, sharing the work with any other
   * instance on the same database: subscriptions are read fresh, each due digest gets a ledger row,
   * and this instance claims a few rows at a time (as many as it posts at once), so a busy minute is
   * spread over every instance that ticks during it.
   */
  async tick(): Promise<DigestOutcome[]> {
    const { ledger, subscriptions } = this.options;
    const now = this.#now();
    const cache = new Map<string, Date | undefined>();
    const due = (await subscriptions.list())
      .filter((s) => !s.unreachable)
      .flatMap((s) => {
        // A channel subscribed from chat waits for its next time; configured channels catch up at once.
        const notBefore = s.origin === 'chat' ? new Date(s.updatedAt) : undefined;
        const occurrence = dueOccurrence(s, now, { catchUpMs: this.options.catchUpMs, notBefore, cache });
        return occurrence
          ? [
              {
                subscription: s,
                channel: s.channel,
                localDate: occurrence.localDate,
                scheduledAt: occurrence.scheduledAt,
              },
            ]
          : [];
      });
    if (due.length === 0) return [];
    const known = await ledger.records(due);
    const fresh = due.filter((d) => !known.has(keyOf(d)));
    if (fresh.length > 0) await ledger.enqueue(fresh);
    const open = due.filter((d) => {
      const r = known.get(keyOf(d));
      return !r || (r.status !== 'sent' && ledger.skipReason(r, now) !== 'gave-up');
    });
    const outcomes = await this.#track(this.#work(open));
    const rest = due.filter((d) => !outcomes.has(keyOf(d)));
    const records = rest.length > 0 ? await ledger.records(rest) : new Map<string, PostRecord>();
    return due.map(
      (d) =>
        outcomes.get(keyOf(d)) ?? {
          channel: d.channel,
          status: 'skipped',
          localDate: d.localDate,
          reason: (() => {
            const r = records.get(keyOf(d));
            return r ? ledger.skipReason(r, now) : 'waiting';
          })(),
        },
    );
  }

  /** Claims and posts, never holding more claims than it posts at once; renews them while it works. */
  async #work(
    open: Array<DueKey & { subscription: Subscription; scheduledAt: Date }>,
  ): Promise<Map<string, DigestOutcome>> {
    const { ledger } = this.options;
    const limit = this.options.concurrency ?? 4;
    const byKey = new Map(open.map((d) => [keyOf(d), d]));
    const outcomes = new Map<string, DigestOutcome>();
    const posting = new Set<string>();
    const running = new Set<Promise<void>>();
    const heartbeat = setInterval(
      () =>
        void ledger.renew(this.owner, this.#now()).catch((error: unknown) => this.#heartbeatFailed(error)),
      Math.max(1000, Math.floor(ledger.leaseMs / 3)),
    );
    heartbeat.unref();
    // Digests found held by another instance (or not yet retryable) during this pass.
    const unavailable = new Set<string>();
    try {
      for (;;) {
        const room = limit - running.size;
        const candidates = open.filter((d) => {
          const key = keyOf(d);
          return !outcomes.has(key) && !posting.has(key) && !unavailable.has(key);
        });
        if (running.size === 0 && candidates.length === 0) break;
        let batch: ClaimedPost[] = [];
        if (room > 0 && candidates.length > 0) {
          // A window of candidates per claim keeps the statement small however many are due.
          const window = candidates.slice(0, Math.max(32, room * 8));
          batch = await ledger.claimBatch(window, this.owner, this.#now(), room);
          // Fewer than asked: the rest of the window is not claimable now.
          if (batch.length < room) {
            const got = new Set(batch.map(keyOf));
            for (const d of window) if (!got.has(keyOf(d))) unavailable.add(keyOf(d));
          }
        }
        for (const claim of batch) {
          const key = keyOf(claim);
          posting.add(key);
          const due = byKey.get(key) as { subscription: Subscription; scheduledAt: Date };
          const p: Promise<void> = this.#postClaimed(due.subscription, claim, due.scheduledAt)
            .then((o) => void outcomes.set(key, o))
            .finally(() => {
              posting.delete(key);
              running.delete(p);
            });
          running.add(p);
        }
        if (running.size === 0) continue;
        if (batch.length === 0 || running.size >= limit) await Promise.race(running);
      }
    } finally {
      clearInterval(heartbeat);
    }
    return outcomes;
  }

  #heartbeatFailed(error: unknown): void {
    this.options.logger.warn(
      { err: error },
      'could not renew digest claims; another instance may take them over',
    );
  }

  /** Posts a digest now, outside the schedule and the ledger (preview, CLI). */
  async postNow(subscription: Subscription): Promise<{ messageIds: string[] }> {
    const reply = await this.#digestReply(subscription, ['Preview of the daily digest']);
    return this.#track(
      this.#deliver(subscription, reply, {
        messageIds: [],
        digestId: `${PREVIEW_PREFIX}${subscription.channel}/${randomUUID()}`,
        since: this.#now(),
      }),
    );
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

  async #postClaimed(s: Subscription, claim: ClaimedPost, scheduledAt: Date): Promise<DigestOutcome> {
    const { ledger, subscriptions, logger } = this.options;
    const { localDate } = claim;
    const log = logger.child({ channel: s.channel, localDate, attempt: claim.attempt });
    if (claim.recovering) log.warn('taking over a digest post whose previous attempt did not finish');
    if (claim.posted.length > 0)
      log.info(
        { alreadyPosted: claim.posted.length },
        'continuing after the messages an earlier attempt posted',
      );
    const progress: DeliveryProgress = {
      messageIds: [...claim.posted],
      onPosted: (ids) => {
        void ledger
          .recordPosted(s.channel, localDate, this.owner, [...ids])
          .catch((error: unknown) => log.warn({ err: error }, 'could not record a posted message'));
      },
      digestId: `${s.channel}/${localDate}`,
      // No attempt at this digest started before its scheduled time.
      since: scheduledAt,
      // Any earlier attempt (this instance's or a dead one's) may have posted more than it recorded.
      confirm: claim.attempt > 1,
    };
    try {
      const reply = await this.#digestReply(s, []);
      const { messageIds } = await this.#deliver(s, reply, progress);
      await ledger.complete(s.channel, localDate, messageIds, this.#now());
      await subscriptions.recordError(s.channel, null);
      log.info({ messageIds }, 'digest posted');
      return { channel: s.channel, status: 'sent', localDate, messageIds };
    } catch (error) {
      const unreachable = error instanceof DeliveryError && error.kind === 'unreachable';
      const final = unreachable || (error instanceof DeliveryError && error.kind === 'fatal');
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(this.#now().getTime() + (this.options.failedRetryMs ?? 5 * 60_000));
      try {
        await ledger.fail(s.channel, localDate, message, final, retryAt);
        if (unreachable) await subscriptions.markUnreachable(s.channel, message);
        else await subscriptions.recordError(s.channel, message);
      } catch (storeError) {
        // The claim's lease runs out and the digest is tried again; the post itself is what failed.
        log.error({ err: storeError }, 'could not record a failed digest post');
      }
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
    return { view: { kind: 'brief', briefing, limits: this.options.limits }, visibility: 'public', notices };
  }

  #deliver(s: Subscription, reply: Reply, progress: DeliveryProgress): Promise<{ messageIds: string[] }> {
    const poster = this.options.posters[s.platform];
    if (!poster)
      return Promise.reject(new DeliveryError('fatal', `${s.platform} is not configured in this process`));
    const retry = this.options.retry ?? {};
    return withRetry(() => poster.post(s, reply, this.options.taxonomy, progress), {
      retries: retry.retries ?? 4,
      baseMs: retry.baseMs ?? 1000,
      maxMs: retry.maxMs ?? 60_000,
      sleep: retry.sleep,
      onRetry: (attempt, waitMs, error) => {
        // The failed try may have posted after all: the next one looks before posting again.
        if (error.unknownOutcome) progress.confirm = true;
        this.options.logger.warn(
          { channel: s.channel, attempt, waitMs, err: error },
          'digest post will be retried',
        );
      },
    });
  }
}
