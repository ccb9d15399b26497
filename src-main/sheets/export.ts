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

export async function writeDrawSheets(draw: DrawSheets, dir: string, formats: SheetFormats = BOTH): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const base = safe(`一户一表-${draw.taskNumber}`);
  const written: string[] = [];
  const put = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    written.push(path);
  };
  for (const pkg of draw.packages) {
    if (formats.pdf) await put(`${base}-第${pkg.no}包.pdf`, await renderPackagePdf(draw, pkg));
    if (formats.xlsx) await put(`${base}-第${pkg.no}包.xlsx`, await renderPackageWorkbook(draw, pkg));
  }
  if (formats.pdf) await put(`${base}-全部.pdf`, await renderDrawPdf(draw));
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
