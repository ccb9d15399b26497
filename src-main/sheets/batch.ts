/**
 * A whole draw's sheets written to a folder the clerk chose, one file at a time (render, write, drop), with progress
 * and cancel between files. Never overwrites: a name already in the folder is refused before anything is written. A
 * cancel or a failed write removes this run's files, so the folder holds all of them or none.
 */
import { existsSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DrawSheets } from '@shared/domain/sheets';
import type { SheetExportProgress, SheetFormat } from '@shared/ipc/channels/sheets';
import { AppError, isAppError } from '@shared/errors';
import { sheetFiles, type SheetFile, type SheetFormats } from './export';

export const FORMATS: Record<SheetFormat, SheetFormats> = {
  pdf: { pdf: true, xlsx: false },
  xlsx: { pdf: false, xlsx: true },
  both: { pdf: true, xlsx: true },
};

export type BatchProgress = Omit<SheetExportProgress, 'jobId' | 'running'>;

export interface BatchOptions {
  /** Asked before each file is rendered and again before it is written. */
  cancelled(): boolean;
  onProgress(progress: BatchProgress): void;
}

export interface BatchOutcome {
  outcome: 'done' | 'cancelled';
  /** Names of the files written (none when cancelled). */
  files: string[];
  removed: number;
}

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
function checkFolder(dir: string, files: readonly SheetFile[]): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError('sheets.writeFailed', '所选文件夹已不存在，请重新选择文件夹。');
  const taken = files.filter((f) => existsSync(join(dir, f.name))).map((f) => f.name);
  if (taken.length)
    throw new AppError(
      'sheets.filesExist',
      `所选文件夹中已有同名文件「${taken[0]}」${taken.length > 1 ? `等 ${taken.length} 个` : ''}，为免覆盖，未写入任何文件。请另选一个文件夹，或先移走这些文件。`,
    );
}

/** Where the run stands: files done, and entities of the packages whose files are all written. */
function progressOf(files: readonly SheetFile[], done: number): BatchProgress {
  const total = files.reduce((n, f) => n + f.entities, 0);
  const rendered = files.slice(0, done).reduce((n, f) => n + f.entities, 0);
  const packages = new Map<number, { entities: number; open: number }>();
  files.forEach((f, i) => {
    if (f.packageNo === null) return;
    const p = packages.get(f.packageNo) ?? { entities: f.entities, open: 0 };
    if (i >= done) p.open++;
    packages.set(f.packageNo, p);
  });
  const all = [...packages.values()];
  return {
    filesDone: done,
    filesTotal: files.length,
    entitiesDone: all.filter((p) => p.open === 0).reduce((n, p) => n + p.entities, 0),
    entitiesTotal: all.reduce((n, p) => n + p.entities, 0),
    percent: total === 0 ? 100 : Math.floor((rendered * 100) / total),
    current: files[done]?.name ?? null,
  };
}

async function removeAll(dir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
}

export async function writeSheetBatch(
  draw: DrawSheets,
  dir: string,
  format: SheetFormat,
  options: BatchOptions,
): Promise<BatchOutcome> {
  const files = sheetFiles(draw, FORMATS[format]);
  checkFolder(dir, files);
  const written: string[] = [];
  const stop = async (): Promise<BatchOutcome> => {
    await removeAll(dir, written);
    return { outcome: 'cancelled', files: [], removed: written.length };
  };
  options.onProgress(progressOf(files, 0));
  for (const [i, file] of files.entries()) {
    if (options.cancelled()) return stop();
    const bytes = await renderOne(file, dir, written);
    if (options.cancelled()) return stop();
    try {
      // wx: never replace a file that appeared in the folder since the check.
      written.push(file.name);
      await writeFile(join(dir, file.name), bytes, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') written.pop();
      await removeAll(dir, written);
      throw new AppError(
        'sheets.writeFailed',
        `写入「${file.name}」失败（${writeReason(error)}）。本次已写入的文件已全部删除，请检查文件夹后重试。`,
      );
    }
    options.onProgress(progressOf(files, i + 1));
  }
  return { outcome: 'done', files: written, removed: 0 };
}

async function renderOne(file: SheetFile, dir: string, written: readonly string[]): Promise<Buffer> {
  try {
    return await file.render();
  } catch (error) {
    await removeAll(dir, written);
    if (isAppError(error)) throw error;
    throw new AppError(
      'sheets.exportFailed',
      `生成「${file.name}」时出错，本次已写入的文件已全部删除：${(error as Error)?.message ?? String(error)}`,
    );
  }
}
