/**
 * The store's tables as Kysely sees them. Times are ISO-8601 UTC text (`toISOString()`) in both
 * dialects: they sort and compare as text, so the same queries work on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

export interface SubscriptionsTable {
  channel: string;
  platform: 'slack' | 'discord';
  channel_id: string;
  time: string;
  timezone: string;
  weekdays: Generated<string>;
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

export type PostStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface DigestPostsTable {
  channel: string;
  local_date: string;
  status: PostStatus;
  claimed_by: string | null;
  claimed_at: string | null;
  /** Until when the claim holds; the owner's heartbeat pushes it forward while it works. */
  lease_until: string | null;
  attempts: Generated<number>;
  /** The status the row had when it was last claimed: `sending` means a takeover. */
  previous_status: PostStatus | null;
  message_ids: string | null;
  sent_at: string | null;
  error: string | null;
}

export interface SummaryCacheTable {
  key: string;
  value: string;
  expires_at: string;
}

export interface ReplayGuardTable {
  id: string;
  expires_at: string;
}

export interface Tables {
  subscriptions: SubscriptionsTable;
  digest_posts: DigestPostsTable;
  summary_cache: SummaryCacheTable;
  replay_guard: ReplayGuardTable;
}
