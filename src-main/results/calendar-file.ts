/**
 * A year's 放假安排 from a file (README「节假日安排文件」): a CSV (UTF-8 or GBK) or Excel sheet with the columns
 * 类型 (放假 / 上班), 开始日期, 结束日期 (blank: one day) and 说明 (ignored). The rows fill the settings form; nothing is
 * written until the administrator saves it there.
 */
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { collapseDates, expandRanges, rangeProblem, type DateRange } from '@shared/domain/holiday-ranges';
import { dayNumber } from '@shared/domain/workdays';
import { AppError } from '@shared/errors';

export interface ScheduleFile {
  year: number | null;
  holidays: DateRange[];
  workdays: DateRange[];
  /** Every row that could not be read: its row number in the file (null: the whole file) and why. */
  problems: { row: number | null; reason: string }[];
}

type RowRange = DateRange & { row: number };
type Cell = string | number | boolean | null | undefined;

const KINDS: Record<string, 'holiday' | 'workday'> = { 放假: 'holiday', 休: 'holiday', 上班: 'workday', 班: 'workday' };
const HEADERS = { kind: '类型', start: '开始日期', end: '结束日期' } as const;

/** A date cell as YYYY-MM-DD: typed text (2027-01-01, 2027/1/1, 2027年1月1日) or an Excel date serial. */
function dateCell(cell: Cell): string | null {
  if (typeof cell === 'number') {
    const d = XLSX.SSF.parse_date_code(cell);
    return d ? `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}` : null;
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(cell ?? '').trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return dayNumber(date) === null ? null : date;
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function firstSheetRows(path: string): Promise<Cell[][]> {
  const bytes = await readFile(path).catch(() => {
    throw new AppError('calendar.invalid', '无法读取所选文件，请确认文件存在且未被其他程序占用。');
  });
  const zipOrOle = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
  let book: XLSX.WorkBook;
  try {
    book = zipOrOle
      ? XLSX.read(bytes, { type: 'buffer' })
      : XLSX.read(decodeText(bytes), { type: 'string', raw: true });
  } catch {
    throw new AppError('calendar.invalid', '无法识别的文件：请选择 CSV 文件或 Excel 工作簿（.xlsx、.xls）。');
  }
  const sheet = book.Sheets[book.SheetNames[0]];
  return sheet ? XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, blankrows: true }) : [];
}

function columnsOf(header: Cell[]): Record<keyof typeof HEADERS, number> {
  const names = header.map((c) => String(c ?? '').trim());
  const cols = {
    kind: names.indexOf(HEADERS.kind),
    start: names.indexOf(HEADERS.start),
    end: names.indexOf(HEADERS.end),
  };
  if (cols.kind < 0 || cols.start < 0) {
    throw new AppError('calendar.invalid', '文件第 1 行应为表头，至少包含「类型」和「开始日期」两列（见使用说明）。');
  }
  return cols;
}

/** Reads the file's rows into ranges of one year; a row that cannot be read is named, never guessed. */
export async function readScheduleFile(path: string): Promise<ScheduleFile> {
  const [header, ...rows] = await firstSheetRows(path);
  if (!header) throw new AppError('calendar.invalid', '文件是空的。');
  const cols = columnsOf(header);
  const lists = { holiday: [] as RowRange[], workday: [] as RowRange[] };
  const problems: ScheduleFile['problems'] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const kindText = String(cells[cols.kind] ?? '').trim();
    const kind = KINDS[kindText];
    const start = dateCell(cells[cols.start]);
    const endCell = cols.end < 0 ? '' : cells[cols.end];
    const end = String(endCell ?? '').trim() === '' ? start : dateCell(endCell);
    if (!kind) problems.push({ row, reason: `类型“${kindText}”应为“放假”或“上班”` });
    else if (!start) problems.push({ row, reason: `开始日期“${String(cells[cols.start] ?? '')}”不是有效的日期` });
    else if (!end) problems.push({ row, reason: `结束日期“${String(endCell)}”不是有效的日期` });
    else lists[kind].push({ start, end, row });
  });
  const years = [...new Set([...lists.holiday, ...lists.workday].map((r) => Number(r.start.slice(0, 4))))];
  if (years.length > 1)
    problems.push({ row: null, reason: `文件含有多个年份（${years.join('、')}），一次只能导入一年` });
  const year = years.length === 1 ? years[0] : null;
  if (year !== null) {
    for (const kind of ['holiday', 'workday'] as const) {
      for (const r of lists[kind]) {
        const reason = rangeProblem(year, kind, r);
        if (reason) problems.push({ row: r.row, reason });
      }
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const holidays = collapseDates(expandRanges(lists.holiday));
  return { year, holidays, workdays: collapseDates(expandRanges(lists.workday)), problems };
}
