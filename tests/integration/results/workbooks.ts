/** A filled package workbook of a sealed draw, as a team sends it back, with one sheet spoiled by free text. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { SheetPackage } from '@shared/domain/sheets';
import { loadSheets } from '../../../src-main/sheets/load';
import { renderPackageWorkbook } from '../../../src-main/sheets/xlsx-write';
import { fillFirstSheet, openWorkbook, rowsByMarker, saveWorkbook } from '../sheets/fill';

export interface SpoiledWorkbook {
  path: string;
  pkg: SheetPackage;
  /** The spoiled worksheet's name and the cell holding 「基本符合」. */
  badSheet: string;
  badCell: string;
}

/** The first package `pick` takes with two entities or more, every sheet filled, the second one's first row reading
 * 基本符合. */
export async function spoiledWorkbook(
  raw: BetterSqlite3.Database,
  drawId: number,
  dir: string,
  pick: (p: SheetPackage) => boolean = () => true,
): Promise<SpoiledWorkbook> {
  const draw = loadSheets(raw, drawId);
  const pkg = draw.packages.find((p) => p.entities.length >= 2 && pick(p));
  if (!pkg) throw new Error(`no package of two entities or more: ${draw.packages.map((p) => p.entities.length)}`);
  const team = pkg.team.map((m) => m.id);
  const wb = await openWorkbook(await renderPackageWorkbook(draw, pkg));
  for (const ws of wb.worksheets) fillFirstSheet(ws, team);
  const bad = wb.worksheets[1];
  const row = [...rowsByMarker(bad)].find(([m]) => m.startsWith('row:'))![1];
  bad.getCell(row, 5).value = '基本符合';
  const path = join(dir, `第${pkg.no}包.xlsx`);
  writeFileSync(path, await saveWorkbook(wb));
  return { path, pkg, badSheet: bad.name, badCell: `E${row}` };
}
