/**
 * The files of a sealed draw's sheets: per 名单包 a PDF (notices and record sheets) and an Excel workbook, and one PDF
 * of the whole draw. Their names follow from the task number and the package numbers alone, so the main process can
 * name them without loading the sheets.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DrawSheets } from '@shared/domain/sheets';
import type { SheetFormat } from '@shared/ipc/channels/sheets';
import { writeSheetBatch } from './batch';
import { loadSheets } from './load';

/** A file name without the characters Windows refuses. */
function safe(name: string): string {
  return name.replace(/[<>:"/\\|?*]/g, '_');
}

/** What names a draw's files: its task number and, per package, its number and entity count. */
export interface SheetOutline {
  taskNumber: string;
  packages: readonly { no: number; entities: number }[];
}

export const outlineOf = (draw: DrawSheets): SheetOutline => ({
  taskNumber: draw.taskNumber,
  packages: draw.packages.map((p) => ({ no: p.no, entities: p.entities.length })),
});

/** One file of a draw's sheets: its name, kind, and the package it belongs to (null: the whole draw). */
export interface SheetFile {
  name: string;
  kind: 'pdf' | 'xlsx';
  packageNo: number | null;
  entities: number;
}

/** The files of a draw, in the order they are finished: per package its PDF then its workbook, the whole PDF last. */
export function sheetFiles(outline: SheetOutline, format: SheetFormat = 'both'): SheetFile[] {
  const base = safe(`一户一表-${outline.taskNumber}`);
  const pdf = format !== 'xlsx';
  const xlsx = format !== 'pdf';
  const files: SheetFile[] = [];
  for (const pkg of outline.packages) {
    const at = { packageNo: pkg.no, entities: pkg.entities };
    if (pdf) files.push({ name: `${base}-第${pkg.no}包.pdf`, kind: 'pdf', ...at });
    if (xlsx) files.push({ name: `${base}-第${pkg.no}包.xlsx`, kind: 'xlsx', ...at });
  }
  const entities = outline.packages.reduce((n, p) => n + p.entities, 0);
  if (pdf) files.push({ name: `${base}-全部.pdf`, kind: 'pdf', packageNo: null, entities });
  return files;
}

/** Writes the sheets in this thread (the demo's small draw); returns the paths written. */
export async function writeDrawSheets(draw: DrawSheets, dir: string, format: SheetFormat = 'both'): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const outcome = await writeSheetBatch(draw, dir, format, { cancelled: () => false, onProgress: () => {} });
  return outcome.files.map((name) => join(dir, name));
}

export async function exportSheets(
  raw: BetterSqlite3.Database,
  drawId: number,
  dir: string,
  format: SheetFormat = 'both',
): Promise<string[]> {
  return writeDrawSheets(loadSheets(raw, drawId), dir, format);
}
