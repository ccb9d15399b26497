import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupKind } from '@shared/ipc/channels/backups';
import { AppError } from '@shared/errors';
import { backupFileName, backupFolder } from './names';

/**
 * A consistent copy of the open database through SQLite's online backup API: it copies a few pages per turn of the
 * event loop, so the app keeps answering, and restarts by itself when another connection writes meanwhile. The copy
 * is written as "<name>.part" and renamed only when complete, so a half-written backup never looks like one.
 */
export async function onlineBackup(raw: BetterSqlite3.Database, target: string): Promise<void> {
  const part = `${target}.part`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    await raw.backup(part, { progress: stepPages() });
    selfContained(part);
    renameSync(part, target);
  } catch (e) {
    rmSync(part, { force: true });
    throw new AppError('backups.failed', `备份未能写入（${target}）：${(e as Error).message}。数据库未作任何修改。`);
  }
}

/**
 * A write by another connection (the draw worker, an import) restarts the copy. Each restart quadruples the pages per
 * step, so a backup taken during a long stream of writes still ends: at worst in one step that holds a read lock.
 */
function stepPages(): (info: { totalPages: number; remainingPages: number }) => number {
  let pages = 100;
  let remaining = Infinity;
  return (info) => {
    if (info.remainingPages > remaining) pages *= 4;
    remaining = info.remainingPages;
    return pages;
  };
}

/** The copy keeps the source's WAL flag; a backup is one file that opens anywhere, even on a read-only medium. */
function selfContained(path: string): void {
  const copy = new BetterSqlite3(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** A backup of `kind` in `folder` (default: the backup folder beside the database); returns its path. */
export async function makeBackup(
  raw: BetterSqlite3.Database,
  dbPath: string,
  kind: BackupKind,
  at: Date,
  folder = backupFolder(dbPath),
): Promise<string> {
  const target = join(folder, backupFileName(folder, kind, at));
  await onlineBackup(raw, target);
  return target;
}
