/** Which channels get the daily digest, when, and what they asked for. */
import type { Db } from './database.ts';

export type ChatPlatform = 'slack' | 'discord';

export interface Subscription {
  /** "slack:C0123" or "discord:112233". */
  channel: string;
  platform: ChatPlatform;
  channelId: string;
  /** HH:MM local to `timezone`. */
  time: string;
  timezone: string;
  /** Cron day-of-week field: "*", "MON-FRI", "MON,WED,FRI". */
  weekdays: string;
  /** Only these category ids; undefined = all. */
  categories?: string[];
  /** Discord role id or Slack user-group id that the digest pings (opt-in). */
  mention?: string;
  origin: 'chat' | 'config';
  createdBy?: string;
  createdAt: string;
  updatedAt: string;
  unreachable?: { at: string; reason: string };
  lastError?: { at: string; message: string };
}

export type SubscriptionInput = Pick<
  Subscription,
  'platform' | 'channelId' | 'time' | 'timezone' | 'origin'
> &
  Partial<Pick<Subscription, 'weekdays' | 'categories' | 'mention' | 'createdBy'>>;

interface Row {
  channel: string;
  platform: ChatPlatform;
  channel_id: string;
  time: string;
  timezone: string;
  weekdays: string;
  categories: string | null;
  mention: string | null;
  origin: 'chat' | 'config';
  created_by: string | null;
  created_at: string;
  updated_at: string;
  unreachable_at: string | null;
  unreachable_reason: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export function channelKey(platform: ChatPlatform, channelId: string): string {
  return `${platform}:${channelId}`;
}

function fromRow(r: Row): Subscription {
  return {
    channel: r.channel,
    platform: r.platform,
    channelId: r.channel_id,
    time: r.time,
    timezone: r.timezone,
    weekdays: r.weekdays,
    ...(r.categories ? { categories: JSON.parse(r.categories) as string[] } : {}),
    ...(r.mention ? { mention: r.mention } : {}),
    origin: r.origin,
    ...(r.created_by ? { createdBy: r.created_by } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.unreachable_at
      ? { unreachable: { at: r.unreachable_at, reason: r.unreachable_reason ?? '' } }
      : {}),
    ...(r.last_error_at ? { lastError: { at: r.last_error_at, message: r.last_error ?? '' } } : {}),
  };
}

export class SubscriptionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates or replaces a channel's subscription; re-subscribing clears an "unreachable" mark. */
  upsert(input: SubscriptionInput): Subscription {
    const channel = channelKey(input.platform, input.channelId);
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO subscriptions (channel, platform, channel_id, time, timezone, weekdays, categories, mention, origin, created_by, created_at, updated_at)
         VALUES (@channel, @platform, @channelId, @time, @timezone, @weekdays, @categories, @mention, @origin, @createdBy, @at, @at)
         ON CONFLICT (channel) DO UPDATE SET time = @time, timezone = @timezone, weekdays = @weekdays,
           categories = @categories, mention = @mention, origin = @origin, created_by = COALESCE(@createdBy, created_by),
           updated_at = @at, unreachable_at = NULL, unreachable_reason = NULL, last_error = NULL, last_error_at = NULL`,
      )
      .run({
        channel,
        platform: input.platform,
        channelId: input.channelId,
        time: input.time,
        timezone: input.timezone,
        weekdays: input.weekdays ?? '*',
        categories: input.categories?.length ? JSON.stringify(input.categories) : null,
        mention: input.mention ?? null,
        origin: input.origin,
        createdBy: input.createdBy ?? null,
        at,
      });
    return this.get(channel) as Subscription;
  }

  get(channel: string): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE channel = ?').get(channel) as
      | Row
      | undefined;
    return row ? fromRow(row) : undefined;
  }

  list(): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY channel').all() as Row[]).map(fromRow);
  }

  remove(channel: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE channel = ?').run(channel).changes > 0;
  }

  markUnreachable(channel: string, reason: string): void {
    this.db
      .prepare('UPDATE subscriptions SET unreachable_at = ?, unreachable_reason = ? WHERE channel = ?')
      .run(this.now().toISOString(), reason, channel);
  }

  recordError(channel: string, message: string | null): void {
    this.db
      .prepare('UPDATE subscriptions SET last_error = ?, last_error_at = ? WHERE channel = ?')
      .run(message, message ? this.now().toISOString() : null, channel);
  }
}
