/**
 * Looks at a database path before SQLite touches it: what it is (missing, folder, empty, a SQLite file of some
 * version) and whether it can be written. Reads the file header with plain file I/O, because even a read-only SQLite
 * connection to a WAL database leaves -wal/-shm files beside it.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '@shared/errors';

export interface FileHeader {
  userVersion: number;
  /** Whether page 1 (sqlite_master) lists anything: tables, indexes, triggers. */
  hasSchema: boolean;
}

const MAGIC = 'SQLite format 3\u0000';

/** Refuses a path that cannot name a database file: empty, a folder, or under something that is not a folder. */
export function checkPath(fullPath: string, given: string): void {
  if (given.trim() === '') throw new AppError('db.badPath', '未指定数据库文件。请用 --db 指定数据库文件的路径。');
  if (existsSync(fullPath) && statSync(fullPath).isDirectory()) {
    throw new AppError(
      'db.isFolder',
      `「${fullPath}」是文件夹，不是数据库文件。请指定文件夹中的一个文件，例如「${fullPath}/ssj.sqlite」。`,
    );
  }
  let ancestor = dirname(fullPath);
  while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  if (!statSync(ancestor).isDirectory()) {
    throw new AppError(
      'db.badPath',
      `无法在「${fullPath}」建立数据库：「${ancestor}」是文件，不是文件夹。请另选数据库文件的位置。未写入任何内容。`,
    );
  }
}

/** The header of an existing SQLite file; a corrupt or foreign file is refused by the caller from what this says. */
export function readHeader(fullPath: string): FileHeader | 'empty' | 'notSqlite' {
  const buffer = Buffer.alloc(108);
  const fd = openSync(fullPath, 'r');
  let read: number;
  try {
    read = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return 'empty';
  if (read < 108 || buffer.toString('latin1', 0, 16) !== MAGIC) return 'notSqlite';
  const pageType = buffer[100];
  if (pageType !== 0x0d && pageType !== 0x05) return 'notSqlite';
  return { userVersion: buffer.readInt32BE(60), hasSchema: pageType === 0x05 || buffer.readUInt16BE(103) > 0 };
}

/** Writable by this process and not marked read-only (the owner's write bit, which Windows' 只读 attribute clears). */
export function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  return (statSync(path).mode & 0o200) !== 0;
}

/** Writing needs the file and its folder (SQLite keeps its journal and WAL beside the file). */
export function assertWritable(fullPath: string): void {
  const folder = dirname(fullPath);
  const fileLocked = existsSync(fullPath) && !isWritable(fullPath);
  if (!fileLocked && isWritable(folder)) return;
  const what = fileLocked ? `数据库文件（${fullPath}）是只读的` : `数据库文件所在的文件夹（${folder}）是只读的`;
  throw new AppError(
    'db.readOnly',
    `${what}，无法写入。请取消只读属性或复制到可写的位置后再试；查看信息（info）和试运行（import --dry-run）仍可使用。未写入任何内容。`,
  );
}
