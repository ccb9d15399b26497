/**
 * The files one export writes into the clerk's folder: each written under a temp name and renamed to its own name only
 * when the whole run is written (never replacing a file), so the folder holds all of them or none — also when the
 * program is killed mid-run, which leaves only temp files behind. A cancelled or failed run removes all of them.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, statSync, type WriteStream } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@shared/errors';

const WRITE_REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EACCES: '没有写入该文件夹的权限',
  EPERM: '没有写入该文件夹的权限',
  EROFS: '该位置只读',
  EEXIST: '文件夹中已有同名文件',
  ENOENT: '文件夹已不存在',
  EBUSY: '文件被其他程序占用',
};

function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  return WRITE_REASONS[code] ?? (error as Error)?.message ?? String(error);
}

/** The folder exists and none of the files are in it yet. */
export function checkFolder(dir: string, names: readonly string[]): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError('sheets.writeFailed', '所选文件夹已不存在，请重新选择文件夹。');
  const taken = names.filter((name) => existsSync(join(dir, name)));
  if (taken.length)
    throw new AppError(
      'sheets.filesExist',
      `所选文件夹中已有同名文件「${taken[0]}」${taken.length > 1 ? `等 ${taken.length} 个` : ''}，为免覆盖，未写入任何文件。请另选一个文件夹，或先移走这些文件。`,
    );
}

/** The name `name` is written under until the run is done: beside it, ~ first like Office's own temp files. */
const tempName = (name: string) => `~${name}.${randomUUID().slice(0, 8)}.tmp`;
const isTempOf = (file: string, name: string) => file.startsWith(`~${name}.`) && file.endsWith('.tmp');

/** Removes the named files from the folder, and their temp files (those absent are skipped). */
export async function removeFiles(dir: string, names: Iterable<string>): Promise<void> {
  const wanted = [...names];
  const present = existsSync(dir) ? await readdir(dir) : [];
  const temps = present.filter((file) => wanted.some((name) => isTempOf(file, name)));
  await Promise.all([...wanted, ...temps].map((name) => rm(join(dir, name), { force: true })));
}

const closed = (s: WriteStream) => new Promise<void>((resolve) => (s.closed ? resolve() : s.once('close', resolve)));

export class RunFiles {
  /** The temp name of each file this run writes. */
  private readonly temps = new Map<string, string>();
  /** Files renamed to their own names by finish() (a name refused as already there is never ours). */
  private readonly placed = new Set<string>();
  private readonly streams = new Map<string, WriteStream>();
  private failure: { name: string; error: unknown } | null = null;

  constructor(private readonly dir: string) {}

  private failed(name: string, error: unknown): void {
    this.failure ??= { name, error };
  }

  private tempPath(name: string): string {
    const temp = tempName(name);
    this.temps.set(name, temp);
    return join(this.dir, temp);
  }

  /** A new file fed chunk by chunk; a failed write is raised by the next check(). */
  stream(name: string): (chunk: Buffer) => void {
    const s = createWriteStream(this.tempPath(name), { flags: 'wx' });
    s.on('error', (error) => this.failed(name, error));
    this.streams.set(name, s);
    return (chunk) => {
      if (!this.failure) s.write(chunk);
    };
  }

  /** Ends a streamed file and waits until it is on disk and closed. */
  async close(name: string): Promise<void> {
    const s = this.streams.get(name);
    if (!s) return;
    this.streams.delete(name);
    s.end();
    await closed(s);
    this.check();
  }

  /** A new file written whole. */
  async write(name: string, bytes: Buffer): Promise<void> {
    try {
      await writeFile(this.tempPath(name), bytes, { flag: 'wx' });
    } catch (error) {
      this.failed(name, error);
    }
    this.check();
  }

  /** Throws the first failed write, naming its file. */
  check(): void {
    if (!this.failure) return;
    const { name, error } = this.failure;
    throw new AppError(
      'sheets.writeFailed',
      `写入「${name}」失败（${writeReason(error)}）。本次已写入的文件已全部删除，请检查文件夹后重试。`,
    );
  }

  /** Gives every file of the run its own name, once all are written; a name taken meanwhile fails the run. */
  async finish(): Promise<void> {
    for (const [name, temp] of this.temps) {
      if (existsSync(join(this.dir, name))) {
        this.failed(name, Object.assign(new Error(name), { code: 'EEXIST' }));
        break;
      }
      try {
        await rename(join(this.dir, temp), join(this.dir, name));
      } catch (error) {
        this.failed(name, error);
        break;
      }
      this.placed.add(name);
    }
    this.check();
  }

  /** Stops every open file and removes every file of the run; returns how many there were. */
  async removeAll(): Promise<number> {
    const open = [...this.streams.values()];
    this.streams.clear();
    for (const s of open) s.destroy();
    await Promise.all(open.map(closed));
    const files = [...this.placed, ...[...this.temps].filter(([name]) => !this.placed.has(name)).map(([, t]) => t)];
    await Promise.all(files.map((file) => rm(join(this.dir, file), { force: true })));
    return this.temps.size;
  }
}
