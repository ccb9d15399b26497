/**
 * The files one export writes into the clerk's folder: each created new (never replacing a file), streamed or
 * written whole, and every one of them removed again when the run is cancelled or fails, so the folder holds all of
 * them or none.
 */
import { createWriteStream, existsSync, statSync, type WriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
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

/** Removes the named files from the folder (those absent are skipped). */
export async function removeFiles(dir: string, names: Iterable<string>): Promise<void> {
  await Promise.all([...names].map((name) => rm(join(dir, name), { force: true })));
}

const closed = (s: WriteStream) => new Promise<void>((resolve) => (s.closed ? resolve() : s.once('close', resolve)));

export class RunFiles {
  /** Names this run creates (a name refused as already there is never ours). */
  private readonly created = new Set<string>();
  private readonly streams = new Map<string, WriteStream>();
  private failure: { name: string; error: unknown } | null = null;

  constructor(private readonly dir: string) {}

  private failed(name: string, error: unknown): void {
    this.failure ??= { name, error };
    if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') this.created.delete(name);
  }

  /** A new file fed chunk by chunk; a failed write is raised by the next check(). */
  stream(name: string): (chunk: Buffer) => void {
    this.created.add(name);
    const s = createWriteStream(join(this.dir, name), { flags: 'wx' });
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
    this.created.add(name);
    try {
      await writeFile(join(this.dir, name), bytes, { flag: 'wx' });
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

  /** Stops every open file and removes every file of the run; returns how many there were. */
  async removeAll(): Promise<number> {
    const open = [...this.streams.values()];
    this.streams.clear();
    for (const s of open) s.destroy();
    await Promise.all(open.map(closed));
    await removeFiles(this.dir, this.created);
    return this.created.size;
  }
}
