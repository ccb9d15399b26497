/**
 * Writes a sealed draw's sheets into a folder: per 名单包 a PDF (notices and record sheets) and an Excel workbook,
 * and one PDF of the whole draw. Returns the paths written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DrawSheets } from '@shared/domain/sheets';
import { loadSheets } from './load';
import { renderDrawPdf, renderPackagePdf } from './pdf-render';
import { renderPackageWorkbook } from './xlsx-write';

/** A file name without the characters Windows refuses. */
function safe(name: string): string {
  return name.replace(/[<>:"/\\|?*]/g, '_');
}

export interface SheetFormats {
  pdf: boolean;
  xlsx: boolean;
}

const BOTH: SheetFormats = { pdf: true, xlsx: true };

/** One file of a draw's sheets: its name, the package it belongs to (null: the whole draw), and how to render it. */
export interface SheetFile {
  name: string;
  packageNo: number | null;
  entities: number;
  render(): Promise<Buffer>;
}

/** The files of a draw, in the order they are written: per package its PDF then its workbook, the whole PDF last. */
export function sheetFiles(draw: DrawSheets, formats: SheetFormats = BOTH): SheetFile[] {
  const base = safe(`一户一表-${draw.taskNumber}`);
  const files: SheetFile[] = [];
  for (const pkg of draw.packages) {
    const at = { packageNo: pkg.no, entities: pkg.entities.length };
    if (formats.pdf)
      files.push({ name: `${base}-第${pkg.no}包.pdf`, ...at, render: () => renderPackagePdf(draw, pkg) });
    if (formats.xlsx)
      files.push({ name: `${base}-第${pkg.no}包.xlsx`, ...at, render: () => renderPackageWorkbook(draw, pkg) });
  }
  const entities = draw.packages.reduce((n, p) => n + p.entities.length, 0);
  if (formats.pdf)
    files.push({ name: `${base}-全部.pdf`, packageNo: null, entities, render: () => renderDrawPdf(draw) });
  return files;
}

export async function writeDrawSheets(draw: DrawSheets, dir: string, formats: SheetFormats = BOTH): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of sheetFiles(draw, formats)) {
    const path = join(dir, file.name);
    await writeFile(path, await file.render());
    written.push(path);
  }
  return written;
}

export async function exportSheets(
  raw: BetterSqlite3.Database,
  drawId: number,
  dir: string,
  formats: SheetFormats = BOTH,
): Promise<string[]> {
  return writeDrawSheets(loadSheets(raw, drawId), dir, formats);
}
