/**
 * The ledger of digest posts: one row per channel and local day, shared by every instance on the
 * database. A due digest gets a `pending` row; instances claim small batches of claimable rows in
 * one atomic statement (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so two instances never wait on or
 * take the same rows), post them, and complete them. A claim carries a short lease that its owner's
 * heartbeat renews while it works; when an instance dies, its lease runs out within seconds and
 * another instance takes the row over. The ids of the messages an attempt posted are written as each
 * one is accepted, so the next attempt continues after them instead of repeating them.
 */
import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Db, Dialect } from './database.ts';
import type { DigestPostsTable, PostStatus, Tables } from './schema.ts';

export type { PostStatus };

export interface PostRecord {
  channel: string;
  localDate: string;
  status: PostStatus;
  claimedBy?: string;
  claimedAt?: string;
  leaseUntil?: string;
  attempts: number;
  messageIds: string[];
  sentAt?: string;
  error?: string;
}

export interface DueKey {
  channel: string;
  localDate: string;
}

export interface ClaimedPost extends DueKey {
  attempt: number;
  /** A previous claim expired without completing (its instance died mid-send). */
  recovering: boolean;
  /** Messages earlier attempts of the day already posted: this attempt continues after them. */
  posted: string[];
}

export type Claim =
  | ({ claimed: true } & Omit<ClaimedPost, 'channel' | 'localDate'>)
  | { claimed: false; reason: SkipReason; record: PostRecord };

export type SkipReason = 'already-sent' | 'in-progress' | 'gave-up' | 'waiting';

type Row = Selectable<DigestPostsTable>;

const fromRow = (r: Row): PostRecord => ({
  channel: r.channel,
  localDate: r.local_date,
  status: r.status,
  ...(r.claimed_by ? { claimedBy: r.claimed_by } : {}),
  ...(r.claimed_at ? { claimedAt: r.claimed_at } : {}),
  ...(r.lease_until ? { leaseUntil: r.lease_until } : {}),
  attempts: Number(r.attempts),
  messageIds: r.message_ids ? (JSON.parse(r.message_ids) as string[]) : [],
  ...(r.sent_at ? { sentAt: r.sent_at } : {}),
  ...(r.error ? { error: r.error } : {}),
});

export interface LedgerOptions {
  /**
   * How long a claim protects a post in progress without a heartbeat. The owner renews it every
   * `leaseMs / 3`, so only a dead or frozen instance loses its claims.
   */
  leaseMs?: number;
  /** Attempts per channel and day before giving up until tomorrow. */
  maxAttempts?: number;
}

/** Keys per statement: two parameters each, well under SQLite's and PostgreSQL's limits. */
const CHUNK = 400;

export class DigestLedger {
  readonly leaseMs: number;
  readonly maxAttempts: number;

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    options: LedgerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  async get(channel: string, localDate: string): Promise<PostRecord | undefined> {
    const row = await this.db
      .selectFrom('digest_posts')
      .selectAll()
      .where('channel', '=', channel)
      .where('local_date', '=', localDate)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** The latest post of a channel, for `/digest status` (a day still only pending is not one). */
  async latest(channel: string): Promise<PostRecord | undefined> {
    const row = await this.db
      .selectFrom('digest_posts')
      .selectAll()
      .where('channel', '=', channel)
      .where('status', '!=', 'pending')
      .orderBy('local_date', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** The rows of these digests that exist, by `channel|localDate`. */
  async records(keys: readonly DueKey[]): Promise<Map<string, PostRecord>> {
    const out = new Map<string, PostRecord>();
    for (const part of chunks(keys)) {
      const rows = await this.db.selectFrom('digest_posts').selectAll().where(inKeys(part)).execute();
      for (const r of rows) out.set(keyOf({ channel: r.channel, localDate: r.local_date }), fromRow(r));
    }
    return out;
  }

  /** Makes a `pending` row for each due digest that has none (any instance may then claim it). */
  async enqueue(keys: readonly DueKey[]): Promise<void> {
    for (const part of chunks(keys)) {
      await this.db
        .insertInto('digest_posts')
        .values(
          part.map((k) => ({ channel: k.channel, local_date: k.localDate, status: 'pending' as const })),
        )
        .onConflict((oc) => oc.columns(['channel', 'local_date']).doNothing())
        .execute();
    }
  }

  /**
   * Claims up to `limit` of these digests that nobody holds: pending ones, failed ones with attempts
   * left, and ones whose owner's lease ran out. One statement, so two instances never claim a row
   * twice; on PostgreSQL rows another instance is claiming right now are skipped, not waited for.
   */
  async claimBatch(keys: readonly DueKey[], owner: string, now: Date, limit: number): Promise<ClaimedPost[]> {
    const claimed: ClaimedPost[] = [];
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
    for (const part of chunks(keys)) {
      if (claimed.length >= limit) break;
      let pick = this.db
        .selectFrom('digest_posts')
        .select(['channel', 'local_date'])
        .where(inKeys(part))
        .where((eb) => this.#claimable(eb, at))
        .orderBy('local_date')
        .orderBy('channel')
        .limit(limit - claimed.length);
      if (this.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
      const picked = pick;
      const rows = await this.db
        .updateTable('digest_posts')
        .set((eb) => ({
          status: 'sending',
          claimed_by: owner,
          claimed_at: at,
          lease_until: leaseUntil,
          attempts: eb('attempts', '+', 1),
          previous_status: eb.ref('status'),
        }))
        .where(sql<boolean>`(channel, local_date) IN (${picked})`)
        .returningAll()
        .execute();
      for (const r of rows)
        claimed.push({
          channel: r.channel,
          localDate: r.local_date,
          attempt: Number(r.attempts),
          recovering: r.previous_status === 'sending',
          posted: r.message_ids ? (JSON.parse(r.message_ids) as string[]) : [],
        });
    }
    return claimed;
  }

  /** Claims one digest (enqueueing it if needed), saying why not when it cannot. */
  async claim(channel: string, localDate: string, owner: string, now: Date): Promise<Claim> {
    const key = { channel, localDate };
    await this.enqueue([key]);
    const [got] = await this.claimBatch([key], owner, now, 1);
    if (got) {
      const { channel: _c, localDate: _d, ...rest } = got;
      return { claimed: true, ...rest };
    }
    const record = (await this.get(channel, localDate)) as PostRecord;
    return { claimed: false, reason: this.skipReason(record, now), record };
  }

  /** Why a digest this instance did not claim is not its to post. */
  skipReason(record: PostRecord, now: Date): SkipReason {
    if (record.status === 'sent') return 'already-sent';
    if (record.attempts >= this.maxAttempts && record.status !== 'pending') return 'gave-up';
    if (record.status === 'sending' && (record.leaseUntil ?? '') > now.toISOString()) return 'in-progress';
    return 'waiting';
  }

  /** The heartbeat: pushes the lease of every claim `owner` still holds; returns how many. */
  async renew(owner: string, now: Date): Promise<number> {
    const r = await this.db
      .updateTable('digest_posts')
      .set({ lease_until: new Date(now.getTime() + this.leaseMs).toISOString() })
      .where('claimed_by', '=', owner)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /**
   * Records the messages posted so far by the attempt `owner` holds, right after each one, so that
   * neither a failed attempt nor a crash makes the next attempt post them again.
   */
  async recordPosted(channel: string, localDate: string, owner: string, messageIds: readonly string[]) {
    await this.db
      .updateTable('digest_posts')
      .set({ message_ids: JSON.stringify(messageIds) })
      .where('channel', '=', channel)
      .where('local_date', '=', localDate)
      .where('claimed_by', '=', owner)
      .where('status', '=', 'sending')
      .execute();
  }

  async complete(channel: string, localDate: string, messageIds: string[], now: Date): Promise<void> {
    await this.db
      .updateTable('digest_posts')
      .set({
        status: 'sent',
        message_ids: JSON.stringify(messageIds),
        sent_at: now.toISOString(),
        lease_until: null,
        error: null,
      })
      .where('channel', '=', channel)
      .where('local_date', '=', localDate)
      .execute();
  }

  /**
   * Records a failed attempt; `final` stops retries for that day (e.g. the channel is gone). The next
   * attempt may start at `retryAt` (at once without it).
   */
  async fail(channel: string, localDate: string, error: string, final: boolean, retryAt?: Date) {
    await this.db
      .updateTable('digest_posts')
      .set((eb) => ({
        status: 'failed',
        error,
        lease_until: retryAt?.toISOString() ?? null,
        attempts: final ? this.maxAttempts : eb.ref('attempts'),
      }))
      .where('channel', '=', channel)
      .where('local_date', '=', localDate)
      .execute();
  }

  #claimable(eb: ExpressionBuilder<Tables, 'digest_posts'>, at: string) {
    return eb.or([
      eb('status', '=', 'pending'),
      eb.and([
        eb('status', '=', 'failed'),
        eb('attempts', '<', this.maxAttempts),
        eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]),
      ]),
      eb.and([
        eb('status', '=', 'sending'),
        eb('lease_until', '<=', at),
        eb('attempts', '<', this.maxAttempts),
      ]),
    ]);
  }
}

export const keyOf = (k: DueKey) => `${k.channel}|${k.localDate}`;

function inKeys(keys: readonly DueKey[]) {
  return (eb: ExpressionBuilder<Tables, 'digest_posts'>) =>
    eb(
      eb.refTuple('channel', 'local_date'),
      'in',
      keys.map((k) => eb.tuple(k.channel, k.localDate)),
    );
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}
