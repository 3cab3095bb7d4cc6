/**
 * The summary cache and the replay guard as store tables, so several instances share them. Expired
 * rows are ignored at once and deleted now and then.
 */
import type { Db } from './database.ts';
import type { ReplayGuard, SummaryCache } from './shared-state.ts';

/** Every this many writes, expired rows are swept. */
const SWEEP_EVERY = 200;

export class StoreSummaryCache implements SummaryCache {
  #writes = 0;
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('summary_cache')
      .select('value')
      .where('key', '=', key)
      .where('expires_at', '>', this.now().toISOString())
      .executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    const expires_at = new Date(this.now().getTime() + ttlMs).toISOString();
    await this.db
      .insertInto('summary_cache')
      .values({ key, value, expires_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, expires_at }))
      .execute();
    if (++this.#writes % SWEEP_EVERY === 0)
      await this.db.deleteFrom('summary_cache').where('expires_at', '<=', this.now().toISOString()).execute();
  }
}

export class StoreReplayGuard implements ReplayGuard {
  #writes = 0;
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * One atomic statement: insert the id, or take over its row only if that one expired. A row comes
   * back only to the caller that inserted or renewed it, so of two instances seeing the same id at
   * once exactly one gets true.
   */
  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expires_at = new Date(now.getTime() + ttlMs).toISOString();
    const row = await this.db
      .insertInto('replay_guard')
      .values({ id, expires_at })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ expires_at }).where('replay_guard.expires_at', '<=', now.toISOString()),
      )
      .returning('id')
      .executeTakeFirst();
    if (++this.#writes % SWEEP_EVERY === 0)
      await this.db.deleteFrom('replay_guard').where('expires_at', '<=', now.toISOString()).execute();
    return row !== undefined;
  }
}
