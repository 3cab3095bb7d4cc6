/**
 * The store: everything Briefer keeps, behind one object that works the same on the embedded SQLite
 * file and on PostgreSQL shared by several instances.
 *
 *   const store = await openStore(env.BRIEFER_DB);
 *   await store.subscriptions.list();  store.ledger.claimBatch(…);
 *   await store.summaryCache.get(key); await store.replayGuard.firstSeen(signature, 300_000);
 *   await store.close();
 */
import { sql } from 'kysely';
import type { Env } from '../config.ts';
import { type Db, type Dialect, openDatabase, redactUrl } from './database.ts';
import { DigestLedger, type LedgerOptions } from './digest-ledger.ts';
import type { ReplayGuard, SummaryCache } from './shared-state.ts';
import { StoreReplayGuard, StoreSummaryCache } from './shared-state-tables.ts';
import { SubscriptionStore } from './subscriptions.ts';

export interface Store {
  readonly dialect: Dialect;
  /** Where it is, password removed (for logs and `/health`). */
  readonly location: string;
  readonly db: Db;
  readonly subscriptions: SubscriptionStore;
  readonly ledger: DigestLedger;
  readonly summaryCache: SummaryCache;
  readonly replayGuard: ReplayGuard;
  /** Resolves when the database answers (for `/health`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  now?: () => Date;
  ledger?: LedgerOptions;
}

/** The store `BRIEFER_DB` names, with the digest lease from `DIGEST_LEASE_SECONDS`. */
export function openConfiguredStore(env: Pick<Env, 'BRIEFER_DB' | 'DIGEST_LEASE_SECONDS'>): Promise<Store> {
  return openStore(env.BRIEFER_DB, { ledger: { leaseMs: env.DIGEST_LEASE_SECONDS * 1000 } });
}

/** `target`: a SQLite file path, `:memory:`, or `postgres://user:pass@host:5432/db`. */
export async function openStore(target: string, options: StoreOptions = {}): Promise<Store> {
  const { db, dialect } = await openDatabase(target);
  const now = options.now ?? (() => new Date());
  let closed: Promise<void> | undefined;
  return {
    dialect,
    location: redactUrl(target),
    db,
    subscriptions: new SubscriptionStore(db, now),
    ledger: new DigestLedger(db, dialect, options.ledger),
    summaryCache: new StoreSummaryCache(db, now),
    replayGuard: new StoreReplayGuard(db, now),
    ping: async () => {
      await sql`SELECT 1`.execute(db);
    },
    close: () => {
      closed ??= db.destroy();
      return closed;
    },
  };
}
