/**
 * The schema's history, as Kysely migrations that run on SQLite and PostgreSQL alike. They live in
 * code (not files read at run time) so a compiled build carries them. Never edit a migration that
 * has shipped: add the next one.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

const migrations: Record<string, Migration> = {
  // The first schema. `ifNotExists`: databases made before Kysely (SQLite `user_version` 1) have
  // these tables already, with the same columns.
  '001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('subscriptions')
        .ifNotExists()
        .addColumn('channel', 'text', (c) => c.primaryKey())
        .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform IN ('slack', 'discord')`))
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('weekdays', 'text', (c) => c.notNull().defaultTo('*'))
        .addColumn('categories', 'text')
        .addColumn('mention', 'text')
        .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin IN ('chat', 'config')`))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('unreachable_at', 'text')
        .addColumn('unreachable_reason', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', 'text')
        .execute();
      await db.schema
        .createTable('digest_posts')
        .ifNotExists()
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('sending', 'sent', 'failed')`))
        .addColumn('claimed_by', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('message_ids', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('error', 'text')
        .addPrimaryKeyConstraint('digest_posts_pk', ['channel', 'local_date'])
        .execute();
    },
  },
  // Claims for several instances: a `pending` row per due digest that instances claim in batches,
  // a lease renewed by the owner's heartbeat, and the status a claim took over. SQLite cannot
  // change a CHECK constraint in place, so the table is rebuilt, keeping its rows.
  '002_digest_claims': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('digest_posts_new')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status IN ('pending', 'sending', 'sent', 'failed')`),
        )
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('previous_status', 'text')
        .addColumn('message_ids', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('error', 'text')
        .addPrimaryKeyConstraint('digest_posts_v2_pk', ['channel', 'local_date'])
        .execute();
      // An old `sending` row's lease is its claim time: it expires at once, as its process is gone.
      await sql`INSERT INTO digest_posts_new
          (channel, local_date, status, claimed_by, claimed_at, lease_until, attempts, message_ids, sent_at, error)
        SELECT channel, local_date, status, claimed_by, claimed_at, claimed_at, attempts, message_ids, sent_at, error
        FROM digest_posts`.execute(db);
      await db.schema.dropTable('digest_posts').execute();
      await db.schema.alterTable('digest_posts_new').renameTo('digest_posts').execute();
      await db.schema
        .createIndex('digest_posts_status')
        .on('digest_posts')
        .columns(['status', 'lease_until'])
        .execute();
      await db.schema
        .createTable('summary_cache')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('replay_guard')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** Names of every migration, in order (tests check all are applied). */
export const migrationNames = Object.keys(migrations);
