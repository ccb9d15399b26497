import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { RestoreOutcome } from '@shared/ipc/channels/backups';
import { makeBackup } from './copy';
import { backupFileName, backupFolder } from './names';
import { stageAndCheck } from './check';
import { swapIn, type Reopen } from './swap';

export interface RestoreDeps {
  dbPath: string;
  /** The open database (the app), for the online backup made before it is replaced; null: nobody holds it open. */
  raw: BetterSqlite3.Database | null;
  actor: string;
  at: Date;
  reopen: Reopen;
}

/**
 * Replaces the database with a backup: every check runs on a copy first, then a backup of the current database,
 * then the swap. A refusal anywhere before the swap leaves the database file exactly as it was.
 */
export async function restoreFrom(source: string, deps: RestoreDeps): Promise<RestoreOutcome> {
  const stage = stagePath(deps.dbPath);
  const facts = stageAndCheck(source, stage);
  return replaceWithStaged(stage, { from: basename(source), ...facts }, deps, 'backups:restore');
}

/** Where a checked copy waits: beside the database, so the swap is a rename on one disk. */
export const stagePath = (dbPath: string) => `${dbPath}.restoring`;

/** The second half of a restore or a package import: `stage` has passed every check. */
export async function replaceWithStaged(
  stage: string,
  detail: Record<string, unknown>,
  deps: RestoreDeps,
  action: string,
): Promise<RestoreOutcome> {
  try {
    const safetyCopy = deps.raw ? await makeBackup(deps.raw, deps.dbPath, 'restore', deps.at) : await copyClosed(deps);
    const note = {
      actor: deps.actor,
      action,
      target: 'database',
      detail: { ...detail, safetyCopy: safetyCopy && basename(safetyCopy) },
    };
    const schemaVersion = await deps.reopen(swapIn(stage, deps.dbPath), note, deps.at);
    return { safetyCopy, schemaVersion };
  } finally {
    rmSync(stage, { force: true });
  }
}

/** A database nobody has open: an online backup, or, when it cannot be read (the reason to restore), its bytes. */
async function copyClosed(deps: RestoreDeps): Promise<string | null> {
  if (!existsSync(deps.dbPath)) return null;
  let raw: BetterSqlite3.Database | undefined;
  try {
    raw = new BetterSqlite3(deps.dbPath, { readonly: true, fileMustExist: true });
    return await makeBackup(raw, deps.dbPath, 'restore', deps.at);
  } catch {
    const folder = backupFolder(deps.dbPath);
    mkdirSync(folder, { recursive: true });
    const target = join(folder, backupFileName(folder, 'restore', deps.at));
    copyFileSync(deps.dbPath, target);
    return target;
  } finally {
    raw?.close();
  }
}
