/** Opening the embedded SQLite file: clear errors naming BRIEFER_DB, and databases made before Kysely. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/database.ts';
import { openStore } from '../../src/store/store.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'briefer-db-'));

describe('openStore on a SQLite file', () => {
  it('says clearly that a corrupt file is not a database, naming BRIEFER_DB and the path', async () => {
    const path = join(tmp(), 'corrupt.db');
    writeFileSync(path, 'this is not a sqlite database, just text that happens to be here'.repeat(100));
    await expect(openStore(path)).rejects.toThrow(StoreError);
    await expect(openStore(path)).rejects.toThrow(
      new RegExp(`BRIEFER_DB ${path}: the file is not a SQLite database`),
    );
  });

  it('says clearly that the path cannot be written', async () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    // A folder that is a file cannot hold the database.
    await expect(openStore(join(file, 'briefer.db'))).rejects.toThrow(
      /BRIEFER_DB .*: cannot open the database/,
    );
  });

  it.skipIf(process.getuid?.() === 0)('reports a read-only folder', async () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    await expect(openStore(join(dir, 'briefer.db'))).rejects.toThrow(StoreError);
  });

  it('upgrades a database made before Kysely, keeping its subscriptions and posts', async () => {
    const path = join(tmp(), 'old.db');
    // The schema as the first release's 001_initial.sql left it (PRAGMA user_version = 1).
    const old = new Database(path);
    old.exec(`
      CREATE TABLE subscriptions (channel TEXT PRIMARY KEY, platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        channel_id TEXT NOT NULL, time TEXT NOT NULL, timezone TEXT NOT NULL, weekdays TEXT NOT NULL DEFAULT '*',
        categories TEXT, mention TEXT, origin TEXT NOT NULL CHECK (origin IN ('chat', 'config')), created_by TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, unreachable_at TEXT, unreachable_reason TEXT,
        last_error TEXT, last_error_at TEXT);
      CREATE TABLE digest_posts (channel TEXT NOT NULL, local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')), claimed_by TEXT NOT NULL,
        claimed_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, message_ids TEXT, sent_at TEXT, error TEXT,
        PRIMARY KEY (channel, local_date));
      PRAGMA user_version = 1;
      INSERT INTO subscriptions VALUES ('slack:C1', 'slack', 'C1', '07:30', 'UTC', '*', NULL, NULL, 'chat', 'U1',
        '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', NULL, NULL, NULL, NULL);
      INSERT INTO digest_posts VALUES ('slack:C1', '2026-11-24', 'sent', 'old', '2026-11-24T07:30:00.000Z', 1,
        '["m1"]', '2026-11-24T07:30:01.000Z', NULL);
    `);
    old.close();
    const store = await openStore(path);
    expect((await store.subscriptions.list()).map((s) => s.channel)).toEqual(['slack:C1']);
    expect(await store.ledger.latest('slack:C1')).toMatchObject({ status: 'sent', messageIds: ['m1'] });
    // The rebuilt table accepts the new `pending` status.
    await store.ledger.enqueue([{ channel: 'slack:C1', localDate: '2026-11-25' }]);
    expect(await store.ledger.get('slack:C1', '2026-11-25')).toMatchObject({ status: 'pending' });
    await store.close();
  });
});
