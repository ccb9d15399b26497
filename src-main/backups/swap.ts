import { existsSync, renameSync, rmSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { openDatabase, type DbConnection } from '../db/connection';
import { appendAuditRaw, type AuditRecord } from '../audit/service';

/** The database file and the two files SQLite keeps beside it in WAL mode. */
const PARTS = ['', '-wal', '-shm'];

/**
 * Puts a checked copy in the database's place. The old file is moved aside, not deleted, until the new one has
 * opened cleanly: `undo` puts it back, `done` removes it. A stale -wal beside the new file would be replayed into it,
 * so the side files move with the database.
 */
export interface FileSwap {
  apply(): void;
  undo(): void;
  done(): void;
}

export function swapIn(stage: string, dbPath: string): FileSwap {
  const aside = `${dbPath}.before-restore`;
  const move = (from: string, to: string) => {
    for (const part of PARTS) if (existsSync(from + part)) renameSync(from + part, to + part);
  };
  const remove = (path: string) => {
    for (const part of PARTS) rmSync(path + part, { force: true });
  };
  return {
    apply() {
      remove(aside);
      move(dbPath, aside);
      renameSync(stage, dbPath);
    },
    undo() {
      remove(dbPath);
      move(aside, dbPath);
    },
    done: () => remove(aside),
  };
}

/** Closes whatever holds the database, swaps the file, opens the new one; returns its structure version. */
export type Reopen = (swap: FileSwap, note: AuditRecord, at: Date) => Promise<number>;

/** The restore's own row in the restored database's operation log. */
export function recordRestore(raw: BetterSqlite3.Database, note: AuditRecord, at: Date): void {
  raw.transaction(() => appendAuditRaw(raw, note, at)).immediate();
}

export function reopenFailed(e: unknown): AppError {
  const reason = e instanceof Error ? e.message : String(e);
  return new AppError('backups.reopenFailed', `恢复后的数据库未能打开（${reason}），已换回原数据库，未作任何修改。`);
}

/** For a database nobody holds open (the command line). */
export function reopenClosed(dbPath: string): Reopen {
  return async (swap, note, at) => {
    swap.apply();
    let conn: DbConnection | undefined;
    try {
      conn = await openDatabase(dbPath, { migrate: true });
      recordRestore(conn.raw, note, at);
    } catch (e) {
      await conn?.close();
      swap.undo();
      throw reopenFailed(e);
    }
    await conn.close();
    swap.done();
    return conn.schemaVersion;
  };
}
