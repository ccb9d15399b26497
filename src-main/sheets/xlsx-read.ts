/**
 * Reading a filled Excel 一户一表 back: each worksheet's hidden identity and markers (xlsx-layout.ts) say which draw,
 * entity, task and row a value belongs to; anything the reader cannot trust becomes a problem with a Chinese reason
 * at its cell instead of a guess.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import {
  CHECK_METHODS,
  emptyEntry,
  END_STATES,
  FOLLOW_UPS,
  RESULT_CATEGORIES,
  ROW_OUTCOMES,
  type EndState,
  type ResultEntry,
  type RowOutcome,
  type SheetResult,
} from '@shared/domain/results';
import type { ResultImportProblem } from '@shared/ipc/channels/results';
import { CHOICE_COL, ID_COL, layoutChecksum, LAYOUT_VERSION, NO, parseMarker, TEXT_COL, YES } from './xlsx-layout';
import type { SheetIdentity } from './xlsx-layout';

/** A problem of a filled workbook, named by file, sheet and cell. */
export type WorkbookProblem = ResultImportProblem;

export interface ParsedWorkbook {
  sheets: SheetResult[];
  /** The worksheet each of `sheets` was read from, in the same order. */
  sheetNames: string[];
  /** Worksheets in the file, read or refused. */
  worksheets: number;
  problems: WorkbookProblem[];
}

export interface ParseOptions {
  /** The file name to report (defaults to the path's base name, or 「上传的文件」). */
  file?: string;
  /** Refuse sheets of any other draw. */
  expectedDrawId?: number;
}

/** The text a cell shows, whatever exceljs made of it (rich text, formula result, number, date). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

/** Dates come back from exceljs as UTC midnight of the day typed. */
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "2026-05-20", "2026/5/20", "2026.5.20", "2026年5月20日" → "2026-05-20"; null when it is no date. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

/** An Excel date serial (days since 1899-12-30) in a plausible range, as ISO; null otherwise. */
function serialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 36526 || serial > 73051) return null;
  return isoDate(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

function identityOf(ws: ExcelJS.Worksheet): SheetIdentity | null {
  try {
    const id = JSON.parse(cellText(ws.getCell(1, ID_COL).value)) as SheetIdentity;
    return id.v === LAYOUT_VERSION && Number.isInteger(id.drawId) && Number.isInteger(id.entityId) ? id : null;
  } catch {
    return null;
  }
}

function markersOf(ws: ExcelJS.Worksheet): [number, string][] {
  const out: [number, string][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const text = cellText(ws.getCell(r, ID_COL).value);
    if (text) out.push([r, text]);
  }
  return out;
}

/** Why a sheet cannot be read at all, or null. */
function sheetRefusal(ws: ExcelJS.Worksheet, id: SheetIdentity | null, options: ParseOptions): string | null {
  if (!id) return '这张工作表不是本程序导出的一户一表（缺少隐藏的标识），无法读取';
  if (options.expectedDrawId !== undefined && id.drawId !== options.expectedDrawId) {
    return `这张表来自另一次抽取（抽取编号 ${id.drawId}），不是本次抽取（编号 ${options.expectedDrawId}）的一户一表`;
  }
  const markers = markersOf(ws);
  if (layoutChecksum(id, markers) === id.checksum) return null;
  if (markers.length < id.markers) {
    return `表中有行被删除（应有 ${id.markers} 行待填内容，现有 ${markers.length} 行），无法可靠读取，请用导出的原表重新填写`;
  }
  return '表中的行被移动、插入或重新排序过（版式校验值不符），无法可靠读取，请用导出的原表重新填写';
}

interface Reader {
  ws: ExcelJS.Worksheet;
  problem(row: number, col: number, reason: string): void;
}

function choice<T extends string>(rd: Reader, row: number, allowed: readonly T[], what: string): T | null {
  const text = cellText(rd.ws.getCell(row, CHOICE_COL).value);
  if (!text) return null;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  rd.problem(row, CHOICE_COL, `${what}只能从下拉列表中选择（${allowed.join('、')}），表中填的是“${text}”`);
  return null;
}

function dateAt(rd: Reader, row: number, what: string): string | null {
  const value = rd.ws.getCell(row, CHOICE_COL).value;
  const text = cellText(value);
  if (!text) return null;
  // A date saved without a date format (LibreOffice does so) comes back as its serial number.
  const iso = typeof value === 'number' ? serialDate(value) : normaliseDate(text);
  if (!iso) rd.problem(row, CHOICE_COL, `${what}不是日期，请按 2026-05-20 的格式填写，表中填的是“${text}”`);
  return iso;
}

/** Reads one marked row into the entry. */
function readRow(rd: Reader, row: number, marker: NonNullable<ReturnType<typeof parseMarker>>, e: ResultEntry): void {
  const yes = (what: string) => choice(rd, row, [YES, NO], what) === YES;
  switch (marker.kind) {
    case 'inspectedOn':
      e.inspectedOn = dateAt(rd, row, '实际检查日期') ?? '';
      return;
    case 'deadline':
      e.correctionDeadline = dateAt(rd, row, '整改期限');
      return;
    case 'member':
      if (yes('到场检查人员')) e.inspectorIds.push(marker.id);
      return;
    case 'row':
      e.rows.push({
        subItemId: marker.subItemId,
        outcome: choice<RowOutcome>(rd, row, ROW_OUTCOMES, '检查结果'),
        finding: cellText(rd.ws.getCell(row, TEXT_COL).value),
      });
      return;
    case 'method':
      if (yes('核查方式') && CHECK_METHODS[marker.index]) e.methods.push(CHECK_METHODS[marker.index]);
      return;
    case 'category':
      if (yes('检查结果') && RESULT_CATEGORIES[marker.index]) e.categories.push(RESULT_CATEGORIES[marker.index]);
      return;
    case 'followUp':
      if (yes('后续处置措施') && FOLLOW_UPS[marker.index]) e.followUps.push(FOLLOW_UPS[marker.index]);
      if (FOLLOW_UPS[marker.index] === '其他') e.followUpOther = cellText(rd.ws.getCell(row, TEXT_COL).value);
      return;
    case 'endState':
      e.endState = choice<EndState>(rd, row, END_STATES, '检查对象状态');
      return;
    case 'note':
      e.note = cellText(rd.ws.getCell(row, 2).value);
  }
}

function readSheet(ws: ExcelJS.Worksheet, file: string, options: ParseOptions, problems: WorkbookProblem[]) {
  const id = identityOf(ws);
  const refusal = sheetRefusal(ws, id, options);
  if (refusal || !id) {
    problems.push({ file, sheet: ws.name, cell: '', reason: refusal ?? '' });
    return null;
  }
  const entry = emptyEntry([], []);
  const rd: Reader = {
    ws,
    problem: (row, col, reason) => problems.push({ file, sheet: ws.name, cell: ws.getCell(row, col).address, reason }),
  };
  for (const [row, text] of markersOf(ws)) {
    const marker = parseMarker(text);
    if (marker) readRow(rd, row, marker, entry);
  }
  return { drawId: id.drawId, entityId: id.entityId, taskIds: id.taskIds, entry } satisfies SheetResult;
}

/** A filled workbook (a path or its bytes) read back into one SheetResult per readable sheet, and the problems. */
export async function parseFilledWorkbook(input: string | Buffer, options: ParseOptions = {}): Promise<ParsedWorkbook> {
  const file = options.file ?? (typeof input === 'string' ? basename(input) : '上传的文件');
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = typeof input === 'string' ? await readFile(input) : input;
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    const reason = '这个文件不是 Excel 工作簿（.xlsx），无法读取';
    return { sheets: [], sheetNames: [], worksheets: 0, problems: [{ file, sheet: '', cell: '', reason }] };
  }
  const problems: WorkbookProblem[] = [];
  const sheets: SheetResult[] = [];
  const sheetNames: string[] = [];
  for (const ws of wb.worksheets) {
    const sheet = readSheet(ws, file, options, problems);
    if (!sheet) continue;
    sheets.push(sheet);
    sheetNames.push(ws.name);
  }
  if (wb.worksheets.length === 0) problems.push({ file, sheet: '', cell: '', reason: '工作簿中没有工作表' });
  return { sheets, sheetNames, worksheets: wb.worksheets.length, problems };
}
