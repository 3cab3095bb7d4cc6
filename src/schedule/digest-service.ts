/**
 * The daily digest as one object: the store's subscriptions and ledger, the runner and the scheduler,
 * plus the operations `/digest` and the CLI need (subscribe, unsubscribe, status, preview).
 */

import { timeOfDay, timeZone } from '../config.ts';
import { UsageError } from '../core/errors.ts';
import type { HeadlineLimits } from '../core/reply.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { findCategory } from '../core/taxonomy-lookup.ts';
import type { Logger } from '../log.ts';
import type { BriefingProvider } from '../service/briefing-provider.ts';
import type { DigestLedger } from '../store/digest-ledger.ts';
import { openStore, type Store } from '../store/store.ts';
import {
  type ChatPlatform,
  channelKey,
  type Subscription,
  type SubscriptionStore,
} from '../store/subscriptions.ts';
import type { DigestPoster } from './delivery.ts';
import type { DigestControl, DigestStatus, SubscribeRequest } from './digest-control.ts';
import { type DigestOutcome, DigestRunner } from './digest-runner.ts';
import { DigestScheduler } from './digest-scheduler.ts';
import { nextRun, parseWeekdays } from './digest-times.ts';
import type { RetryOptions } from './retry.ts';

export interface DigestServiceOptions {
  store: Store;
  /** Close the store on `stop()` (when the service opened it). */
  ownsStore?: boolean;
  briefings: BriefingProvider;
  taxonomy: Taxonomy;
  posters: Partial<Record<ChatPlatform, DigestPoster>>;
  logger: Logger;
  catchUpMs: number;
  /** Channels from DIGEST_CHANNELS, with DIGEST_TIME and DIGEST_TZ. */
  configured?: { channels: string[]; time: string; timezone: string };
  defaults?: { time: string; timezone: string };
  now?: () => Date;
  retry?: Partial<RetryOptions>;
  /** Between scheduler ticks (default 10 s). */
  pollMs?: number;
  /** Channels this instance posts to at once. */
  concurrency?: number;
  /** Names this instance in the ledger. */
  owner?: string;
  /** How many headlines a digest shows. */
  limits?: HeadlineLimits;
}

export class DigestService implements DigestControl {
  readonly store: Store;
  readonly subscriptions: SubscriptionStore;
  readonly ledger: DigestLedger;
  readonly runner: DigestRunner;
  readonly scheduler: DigestScheduler;
  readonly #now: () => Date;

  /** Opens the store at `dbPath` for this service alone, and syncs DIGEST_CHANNELS into it. */
  static async open(
    options: Omit<DigestServiceOptions, 'store' | 'ownsStore'> & { dbPath: string },
  ): Promise<DigestService> {
    const { dbPath, ...rest } = options;
    const store = await openStore(dbPath, { now: options.now });
    const service = new DigestService({ ...rest, store, ownsStore: true });
    try {
      await service.syncConfigured();
    } catch (error) {
      await store.close();
      throw error;
    }
    return service;
  }

  constructor(private readonly options: DigestServiceOptions) {
    this.#now = options.now ?? (() => new Date());
    this.store = options.store;
    this.subscriptions = this.store.subscriptions;
    this.ledger = this.store.ledger;
    this.runner = new DigestRunner({
      subscriptions: this.subscriptions,
      ledger: this.ledger,
      briefings: options.briefings,
      taxonomy: options.taxonomy,
      posters: options.posters,
      logger: options.logger,
      now: this.#now,
      catchUpMs: options.catchUpMs,
      retry: options.retry,
      concurrency: options.concurrency,
      owner: options.owner,
      limits: options.limits,
    });
    this.scheduler = new DigestScheduler(this.runner, {
      logger: options.logger,
      pollMs: options.pollMs,
    });
  }

  /** Makes the DIGEST_CHANNELS subscriptions match the configuration, touching rows only on change. */
  async syncConfigured(): Promise<void> {
    const conf = this.options.configured;
    const wanted = new Set(conf?.channels ?? []);
    for (const s of await this.subscriptions.list()) {
      if (s.origin === 'config' && !wanted.has(s.channel)) await this.subscriptions.remove(s.channel);
    }
    if (!conf) return;
    for (const channel of wanted) {
      const [platform, channelId] = channel.split(':') as [ChatPlatform, string];
      const existing = await this.subscriptions.get(channel);
      // A channel someone subscribed from chat keeps their settings.
      if (existing?.origin === 'chat') continue;
      if (existing && existing.time === conf.time && existing.timezone === conf.timezone) continue;
      await this.subscriptions.upsert({
        platform,
        channelId,
        time: conf.time,
        timezone: conf.timezone,
        origin: 'config',
      });
    }
  }

  async subscribe(request: SubscribeRequest): Promise<Subscription> {
    const defaults = this.options.defaults ?? { time: '07:30', timezone: 'UTC' };
    const time = parseOr(
      timeOfDay,
      request.time ?? defaults.time,
      'time must be HH:MM (24-hour), e.g. 07:30',
    );
    const tz = parseOr(
      timeZone,
      request.timezone ?? defaults.timezone,
      'timezone must be an IANA zone such as Europe/Paris, America/New_York or UTC',
    );
    const weekdays = parseWeekdays(request.weekdays);
    if (!weekdays)
      throw new UsageError(
        'weekdays must be daily, weekdays, weekends, or days such as mon-fri or mon,wed,fri',
      );
    const categories = parseCategories(this.options.taxonomy, request.categories);
    const mention = request.mention ? parseMention(request.platform, request.mention) : undefined;
    return this.subscriptions.upsert({
      platform: request.platform,
      channelId: request.channelId,
      time: time.padStart(5, '0'),
      timezone: tz,
      weekdays,
      categories,
      mention,
      createdBy: request.createdBy,
      origin: 'chat',
    });
  }

  unsubscribe(platform: ChatPlatform, channelId: string): Promise<boolean> {
    return this.subscriptions.remove(channelKey(platform, channelId));
  }

  async status(platform: ChatPlatform, channelId: string): Promise<DigestStatus> {
    const channel = channelKey(platform, channelId);
    const [subscription, lastPost] = await Promise.all([
      this.subscriptions.get(channel),
      this.ledger.latest(channel),
    ]);
    const next = subscription && !subscription.unreachable ? nextRun(subscription, this.#now()) : undefined;
    return { channel, subscription, lastPost, nextRun: next };
  }

  async preview(platform: ChatPlatform, channelId: string): Promise<{ messageIds: string[] }> {
    const channel = channelKey(platform, channelId);
    const subscription =
      (await this.subscriptions.get(channel)) ??
      ({
        channel,
        platform,
        channelId,
        time: '00:00',
        timezone: 'UTC',
        weekdays: '*',
        origin: 'chat',
        createdAt: this.#now().toISOString(),
        updatedAt: this.#now().toISOString(),
      } satisfies Subscription);
    return this.runner.postNow(subscription);
  }

  start(): void {
    this.scheduler.start();
  }

  /** One pass of the runner now (tests, CLI). */
  tick(): Promise<DigestOutcome[]> {
    return this.runner.tick();
  }

  /** For `/health`: resolves when the database answers, throws when it does not. */
  async ping(): Promise<void> {
    await this.store.ping();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    if (this.options.ownsStore) await this.store.close();
  }
}

function parseOr<T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  value: string,
  message: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(message);
  return r.data as T;
}

function parseCategories(taxonomy: Taxonomy, spec: string | undefined): string[] | undefined {
  if (!spec?.trim()) return undefined;
  const ids = spec
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => {
      const c = findCategory(taxonomy, part);
      if (!c)
        throw new UsageError(
          `unknown category "${part}"; choose from ${taxonomy.categories.map((x) => x.id).join(', ')}`,
        );
      return c.id;
    });
  return [...new Set(ids)];
}

/** Discord: a role id or `<@&id>`; Slack: a user-group id or `<!subteam^ID|@handle>`. */
export function parseMention(platform: ChatPlatform, text: string): string {
  const t = text.trim();
  if (platform === 'discord') {
    const m = /^(?:<@&)?(\d{5,25})>?$/.exec(t);
    if (!m?.[1])
      throw new UsageError('mention must be a role, e.g. @Morning-News (Discord role mention or id)');
    return m[1];
  }
  const m = /^(?:<!subteam\^)?(S[A-Z0-9]{2,})(?:\|[^>]*)?>?$/.exec(t);
  if (!m?.[1])
    throw new UsageError('mention must be a user group, e.g. @news-team (Slack user-group mention or id S…)');
  return m[1];
}
