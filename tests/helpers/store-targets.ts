/**
 * The databases the store tests run against: a fresh SQLite file, and a fresh database on the
 * PostgreSQL server named by BRIEFER_TEST_PG_URL (`.ci/run` starts one). Without that variable the
 * PostgreSQL runs are skipped, saying why.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_URL = process.env.BRIEFER_TEST_PG_URL;

export const PG_SKIP_REASON =
  'PostgreSQL tests skipped: BRIEFER_TEST_PG_URL is not set (`bash .ci/run` starts a server and sets it)';

if (!PG_URL) console.warn(PG_SKIP_REASON);

/** A new, empty database on the test server; its URL. */
export async function freshPostgres(): Promise<string> {
  if (!PG_URL) throw new Error(PG_SKIP_REASON);
  const name = `briefer_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function freshSqlite(): string {
  return join(mkdtempSync(join(tmpdir(), 'briefer-store-')), 'briefer.db');
}

export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  /** False when this target cannot run here (no PostgreSQL). */
  available: boolean;
  /** A new empty database of this kind. */
  fresh(): Promise<string>;
}

export const STORE_TARGETS: StoreTarget[] = [
  { name: 'sqlite', available: true, fresh: async () => freshSqlite() },
  { name: 'postgres', available: Boolean(PG_URL), fresh: freshPostgres },
];
