/**
 * Opening the store's database: the embedded SQLite file (better-sqlite3) by default, or PostgreSQL
 * (pg) when `BRIEFER_DB` is a `postgres://` URL. This file and `claimable()` in the ledger are the
 * only places that know a dialect; everything else is Kysely queries both understand.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { BrieferError } from '../core/errors.ts';
import { migrationProvider } from './migrations.ts';
import type { Tables } from './schema.ts';

export type Db = Kysely<Tables>;
export type Dialect = 'sqlite' | 'postgres';

export class StoreError extends BrieferError {
  override name = 'StoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_ERROR', message, options);
  }
}

export const isPostgresUrl = (target: string) => /^postgres(?:ql)?:\/\//i.test(target);

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(target: string): string {
  return isPostgresUrl(target) ? target.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@') : target;
}

/** Opens (creating if needed) and migrates the database `target`: a file path, `:memory:` or a postgres URL. */
export async function openDatabase(target: string): Promise<{ db: Db; dialect: Dialect }> {
  const dialect: Dialect = isPostgresUrl(target) ? 'postgres' : 'sqlite';
  const db = dialect === 'postgres' ? openPostgres(target) : openSqlite(target);
  try {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error) throw error;
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new StoreError(`BRIEFER_DB ${redactUrl(target)}: ${describe(error)}`, { cause: error });
  }
  return { db, dialect };
}

function openSqlite(path: string): Db {
  let sqlite: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    sqlite = new Database(path);
  } catch (error) {
    throw new StoreError(`BRIEFER_DB ${path}: cannot open the database (${describe(error)})`, {
      cause: error,
    });
  }
  try {
    // WAL lets a second process read while one writes; busy_timeout makes writers wait, not fail.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
  } catch (error) {
    sqlite.close();
    throw new StoreError(`BRIEFER_DB ${path}: ${describe(error)}`, { cause: error });
  }
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

function describe(error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database (corrupt, or another kind of file)';
  if (code === 'SQLITE_CORRUPT') return 'the database file is corrupt';
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR')
    return 'the path cannot be created or written (check the folder and its permissions)';
  if (code === 'SQLITE_READONLY') return 'the database file is read-only';
  if (code === 'ECONNREFUSED')
    return 'cannot connect to PostgreSQL (is the server running, host and port right?)';
  if (code === '28P01' || code === '28000') return 'PostgreSQL refused the user name or password';
  if (code === '3D000') return 'the PostgreSQL database does not exist (create it first)';
  return error instanceof Error ? error.message : String(error);
}
