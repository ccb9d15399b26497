import { rmSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { appendAuditRaw } from '../audit/service';
import { qb, run, value } from '../db/sql';
import { makeBackup } from './copy';
import { backupFolder, bureauStamp, listBackups } from './names';

/** 保留天数 lives in the settings table like every other setting. */
const KEEP_DAYS_KEY = 'backupKeepDays';
export const DEFAULT_KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function readKeepDays(raw: BetterSqlite3.Database): number {
  const stored = value(raw, qb.selectFrom('settings').select('value').where('key', '=', KEEP_DAYS_KEY));
  const days = stored === undefined ? NaN : Number(JSON.parse(stored));
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_KEEP_DAYS;
}

export function writeKeepDays(raw: BetterSqlite3.Database, keepDays: number, actor: string, at: Date): void {
  const before = readKeepDays(raw);
  if (before === keepDays) return;
  const stored = JSON.stringify(keepDays);
  const updated = at.toISOString();
  raw
    .transaction(() => {
      run(
        raw,
        qb
          .insertInto('settings')
          .values({ key: KEEP_DAYS_KEY, value: stored, updated_at: updated })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: stored, updated_at: updated })),
      );
      appendAuditRaw(
        raw,
        {
          actor,
          action: 'settings:set',
          target: 'settings',
          detail: { [KEEP_DAYS_KEY]: { from: before, to: keepDays } },
        },
        at,
      );
    })
    .immediate();
}

/**
 * The automatic backup: made when the folder holds none from today (the bureau's day), then the daily backups older
 * than 保留天数 are removed. Backups made before a migration or a restore, and manual ones, are never removed.
 */
export async function dailyBackup(raw: BetterSqlite3.Database, dbPath: string, at: Date): Promise<string | null> {
  const folder = backupFolder(dbPath);
  const today = bureauStamp(at).day;
  if (listBackups(folder).some((b) => b.kind === 'daily' && b.day === today)) return null;
  const path = await makeBackup(raw, dbPath, 'daily', at);
  pruneDaily(folder, readKeepDays(raw), at);
  return path;
}

/** Removes the daily backups made more than `keepDays` days before `at`; returns their names. */
export function pruneDaily(folder: string, keepDays: number, at: Date): string[] {
  const oldestKept = bureauStamp(new Date(at.getTime() - (keepDays - 1) * DAY_MS)).day;
  const removed = listBackups(folder).filter((b) => b.kind === 'daily' && b.day < oldestKept);
  for (const b of removed) rmSync(b.path, { force: true });
  return removed.map((b) => b.fileName);
}
