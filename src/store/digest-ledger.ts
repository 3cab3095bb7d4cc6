/**
 * The ledger of digest posts: one row per channel and local day. A process claims the row before
 * sending and completes it after, inside SQLite transactions, so two processes (or a restart) on the
 * same file never both post, and a post that crashed mid-send is picked up again after its lease. The
 * ids of the messages an attempt posted are written as each one is accepted, so the next attempt
 * continues after them instead of repeating them.
 */
import type { Db } from './database.ts';

export type PostStatus = 'sending' | 'sent' | 'failed';

export interface PostRecord {
  channel: string;
  localDate: string;
  status: PostStatus;
  claimedBy: string;
  claimedAt: string;
  attempts: number;
  messageIds: string[];
  sentAt?: string;
  error?: string;
}

export type Claim =
  | {
      claimed: true;
      attempt: number;
      /** A previous claim expired without completing (crash mid-send). */
      recovering: boolean;
      /** Messages earlier attempts of the day already posted: this attempt continues after them. */
      posted: string[];
    }
  | { claimed: false; reason: 'already-sent' | 'in-progress' | 'gave-up'; record: PostRecord };

interface Row {
  channel: string;
  local_date: string;
  status: PostStatus;
  claimed_by: string;
  claimed_at: string;
  attempts: number;
  message_ids: string | null;
  sent_at: string | null;
  error: string | null;
}

const fromRow = (r: Row): PostRecord => ({
  channel: r.channel,
  localDate: r.local_date,
  status: r.status,
  claimedBy: r.claimed_by,
  claimedAt: r.claimed_at,
  attempts: r.attempts,
  messageIds: r.message_ids ? (JSON.parse(r.message_ids) as string[]) : [],
  ...(r.sent_at ? { sentAt: r.sent_at } : {}),
  ...(r.error ? { error: r.error } : {}),
});

export interface LedgerOptions {
  /** How long a claim protects a post in progress before another process may take it over. */
  leaseMs?: number;
  /** Attempts per channel and day before giving up until tomorrow. */
  maxAttempts?: number;
}

export class DigestLedger {
  readonly leaseMs: number;
  readonly maxAttempts: number;

  constructor(
    private readonly db: Db,
    options: LedgerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  get(channel: string, localDate: string): PostRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM digest_posts WHERE channel = ? AND local_date = ?')
      .get(channel, localDate) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** The latest post of a channel, for `/digest status`. */
  latest(channel: string): PostRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM digest_posts WHERE channel = ? ORDER BY local_date DESC LIMIT 1')
      .get(channel) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  claim(channel: string, localDate: string, owner: string, now: Date): Claim {
    return this.db
      .transaction((): Claim => {
        const existing = this.get(channel, localDate);
        const at = now.toISOString();
        if (!existing) {
          this.db
            .prepare(
              "INSERT INTO digest_posts (channel, local_date, status, claimed_by, claimed_at, attempts) VALUES (?, ?, 'sending', ?, ?, 1)",
            )
            .run(channel, localDate, owner, at);
          return { claimed: true, attempt: 1, recovering: false, posted: [] };
        }
        if (existing.status === 'sent') return { claimed: false, reason: 'already-sent', record: existing };
        const expired = now.getTime() - Date.parse(existing.claimedAt) >= this.leaseMs;
        if (existing.status === 'sending' && !expired)
          return { claimed: false, reason: 'in-progress', record: existing };
        if (existing.attempts >= this.maxAttempts)
          return { claimed: false, reason: 'gave-up', record: existing };
        const attempt = existing.attempts + 1;
        this.db
          .prepare(
            "UPDATE digest_posts SET status = 'sending', claimed_by = ?, claimed_at = ?, attempts = ? WHERE channel = ? AND local_date = ?",
          )
          .run(owner, at, attempt, channel, localDate);
        return {
          claimed: true,
          attempt,
          recovering: existing.status === 'sending',
          posted: existing.messageIds,
        };
      })
      .immediate();
  }

  /**
   * Records the messages posted so far by the attempt `owner` holds, right after each one, so that
   * neither a failed attempt nor a crash makes the next attempt post them again.
   */
  recordPosted(channel: string, localDate: string, owner: string, messageIds: readonly string[]): void {
    this.db
      .prepare(
        "UPDATE digest_posts SET message_ids = ? WHERE channel = ? AND local_date = ? AND claimed_by = ? AND status = 'sending'",
      )
      .run(JSON.stringify(messageIds), channel, localDate, owner);
  }

  complete(channel: string, localDate: string, messageIds: string[], now: Date): void {
    this.db
      .prepare(
        "UPDATE digest_posts SET status = 'sent', message_ids = ?, sent_at = ?, error = NULL WHERE channel = ? AND local_date = ?",
      )
      .run(JSON.stringify(messageIds), now.toISOString(), channel, localDate);
  }

  /** Records a failed attempt; `final` stops retries for that day (e.g. the channel is gone). */
  fail(channel: string, localDate: string, error: string, final: boolean): void {
    this.db
      .prepare(
        `UPDATE digest_posts SET status = 'failed', error = ?, attempts = CASE WHEN ? THEN ${'?'} ELSE attempts END
         WHERE channel = ? AND local_date = ?`,
      )
      .run(error, final ? 1 : 0, this.maxAttempts, channel, localDate);
  }
}
