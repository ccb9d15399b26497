import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** The database file's bytes, hashed: a refusal must leave them exactly as they were. */
export function fingerprint(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The files beside the database: no staged copy or moved-aside file may be left after a refusal. */
export const siblings = (dbPath: string) => (existsSync(dirname(dbPath)) ? readdirSync(dirname(dbPath)).sort() : []);

/** A stand-alone copy edited with raw SQL, the way an outside SQLite tool would. */
export function tamper(path: string, sqlText: string): void {
  const raw = new BetterSqlite3(path);
  raw.exec(sqlText);
  raw.close();
}

export function readSetting(path: string, key: string): unknown {
  const raw = new BetterSqlite3(path, { readonly: true });
  try {
    const row = raw.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
    return typeof row === 'string' ? JSON.parse(row) : undefined;
  } finally {
    raw.close();
  }
}
