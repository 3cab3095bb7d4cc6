/**
 * The embedded database (SQLite via better-sqlite3): opened, checked and migrated on start.
 * Migrations are the numbered `.sql` files beside this one; `PRAGMA user_version` records the last
 * one applied, so each runs exactly once per database file.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { BrieferError } from '../core/errors.ts';

export type Db = Database.Database;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export class StoreError extends BrieferError {
  override name = 'StoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_ERROR', message, options);
  }
}

export function listMigrations(dir = MIGRATIONS_DIR): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Opens (creating if needed) and migrates the database at `path` (`:memory:` for tests). */
export function openDatabase(path: string): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw new StoreError(`BRIEFER_DB ${path}: cannot open the database (${describe(error)})`, {
      cause: error,
    });
  }
  try {
    // WAL lets a second process read while one writes; busy_timeout makes writers wait, not fail.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw new StoreError(`BRIEFER_DB ${path}: ${describe(error)}`, { cause: error });
  }
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = listMigrations().filter((m) => m.version > current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database (corrupt, or another kind of file)';
  if (code === 'SQLITE_CORRUPT') return 'the database file is corrupt';
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR')
    return 'the path cannot be created or written (check the folder and its permissions)';
  if (code === 'SQLITE_READONLY') return 'the database file is read-only';
  return error instanceof Error ? error.message : String(error);
}
