import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase, StoreError } from '../../src/store/database.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'briefer-db-'));

describe('openDatabase', () => {
  it('creates the file and its folder, and applies every migration once', () => {
    const path = join(tmp(), 'nested', 'var', 'briefer.db');
    const db = openDatabase(path);
    const latest = Math.max(...listMigrations().map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'digest_posts' }, { name: 'subscriptions' }]);
    db.close();
    // Opening again does not re-run migrations (they would fail on existing tables).
    openDatabase(path).close();
  });

  it('says clearly that a corrupt file is not a database, naming BRIEFER_DB and the path', () => {
    const path = join(tmp(), 'corrupt.db');
    writeFileSync(path, 'this is not a sqlite database, just text that happens to be here'.repeat(100));
    expect(() => openDatabase(path)).toThrow(StoreError);
    expect(() => openDatabase(path)).toThrow(
      new RegExp(`BRIEFER_DB ${path}: the file is not a SQLite database`),
    );
  });

  it('says clearly that the path cannot be written', () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    // A folder that is a file cannot hold the database.
    expect(() => openDatabase(join(file, 'briefer.db'))).toThrow(/BRIEFER_DB .*: cannot open the database/);
  });

  it.skipIf(process.getuid?.() === 0)('reports a read-only folder', () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    expect(() => openDatabase(join(dir, 'briefer.db'))).toThrow(StoreError);
  });
});
