/** Filling an exported 一户一表 as a clerk would (exceljs), and re-saving it with LibreOffice. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellText } from '../../../src-main/sheets/xlsx-read';
import { ID_COL } from '../../../src-main/sheets/xlsx-layout';

/** Row numbers of a sheet by hidden marker text. */
export function rowsByMarker(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const text = cellText(ws.getCell(r, ID_COL).value);
    if (text) out.set(text, r);
  }
  return out;
}

export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet filled: a date typed as a date, every row chosen, one 不符合 with its finding, one option each. */
export function fillFirstSheet(ws: ExcelJS.Worksheet, teamIds: string[]): void {
  const rows = rowsByMarker(ws);
  ws.getCell(rows.get('inspectedOn')!, 5).value = new Date(Date.UTC(2026, 11, 1));
  ws.getCell(rows.get('deadline')!, 5).value = '2026/12/31';
  for (const id of teamIds) ws.getCell(rows.get(`member:${id}`)!, 5).value = '是';
  let first = true;
  for (const [marker, r] of rows) {
    if (!marker.startsWith('row:')) continue;
    ws.getCell(r, 5).value = first ? '不符合' : '符合';
    if (first) ws.getCell(r, 6).value = '许可证未在显著位置悬挂';
    first = false;
  }
  ws.getCell(rows.get('method:0')!, 5).value = '是';
  ws.getCell(rows.get('category:7')!, 5).value = '是';
  ws.getCell(rows.get('followUp:2')!, 5).value = '是';
  ws.getCell(rows.get('note')!, 2).value = '当场责令整改';
}

/** `bytes` opened and saved again by LibreOffice Calc (headless), as a clerk's "Save" would. */
export function resaveWithLibreOffice(bytes: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ssj-lo-'));
  const input = join(dir, 'in', 'sheets.xlsx');
  execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
  writeFileSync(input, bytes);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      join(dir, 'out'),
      input,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(dir, 'out', 'sheets.xlsx'));
}
