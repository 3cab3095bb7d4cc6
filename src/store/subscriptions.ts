/** Which channels get the daily digest, when, and what they asked for. */
import type { Selectable } from 'kysely';
import type { Db } from './database.ts';
import type { SubscriptionsTable } from './schema.ts';

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

type Row = Selectable<SubscriptionsTable>;

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
  async upsert(input: SubscriptionInput): Promise<Subscription> {
    const channel = channelKey(input.platform, input.channelId);
    const at = this.now().toISOString();
    const settings = {
      time: input.time,
      timezone: input.timezone,
      weekdays: input.weekdays ?? '*',
      categories: input.categories?.length ? JSON.stringify(input.categories) : null,
      mention: input.mention ?? null,
      origin: input.origin,
    };
    await this.db
      .insertInto('subscriptions')
      .values({
        channel,
        platform: input.platform,
        channel_id: input.channelId,
        ...settings,
        created_by: input.createdBy ?? null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column('channel').doUpdateSet((eb) => ({
          ...settings,
          created_by: eb.fn.coalesce(eb.val(input.createdBy ?? null), eb.ref('subscriptions.created_by')),
          updated_at: at,
          unreachable_at: null,
          unreachable_reason: null,
          last_error: null,
          last_error_at: null,
        })),
      )
      .execute();
    return (await this.get(channel)) as Subscription;
  }

  async get(channel: string): Promise<Subscription | undefined> {
    const row = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('channel', '=', channel)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Every subscription, read fresh: a change made on another instance shows at the next tick. */
  async list(): Promise<Subscription[]> {
    const rows = await this.db.selectFrom('subscriptions').selectAll().orderBy('channel').execute();
    return rows.map(fromRow);
  }

  async remove(channel: string): Promise<boolean> {
    const r = await this.db.deleteFrom('subscriptions').where('channel', '=', channel).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async markUnreachable(channel: string, reason: string): Promise<void> {
    await this.db
      .updateTable('subscriptions')
      .set({ unreachable_at: this.now().toISOString(), unreachable_reason: reason })
      .where('channel', '=', channel)
      .execute();
  }

  async recordError(channel: string, message: string | null): Promise<void> {
    await this.db
      .updateTable('subscriptions')
      .set({ last_error: message, last_error_at: message ? this.now().toISOString() : null })
      .where('channel', '=', channel)
      .execute();
  }
}
