/**
 * .xls (BIFF 5/8) and the HTML / SpreadsheetML tables saved under an .xls name, through SheetJS CE (`@e965/xlsx`: the
 * npm `xlsx` has unfixed advisories). SheetJS holds the whole workbook, acceptable as BIFF caps a sheet at 65,536 rows;
 * date cells are converted in UTC so a result never depends on the machine's time zone.
 */
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { AppError } from '@shared/errors';
import { MergeFiller, type CellValue, type GridRow, type MergeRange } from '@shared/import/grid';
import { cancelled } from './xlsx-reader';

/** Excel serial (1900 system) → UTC midnight Date. */
function serialToDate(serial: number, date1904: boolean): Date {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  return new Date(Math.round((days - 25569) * 86400000));
}

function sheetJsCell(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) return serialToDate(value, date1904);
      return value;
    }
    case 's':
      return (cell.v as string) ?? '';
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    case 'e':
      return cell.w ?? null;
    default:
      return null;
  }
}

export interface XlsSheet {
  name: string;
  rows: GridRow[];
  mergeCount: number;
}

/** Read the first visible sheet. Throws AppError for encrypted or unreadable files. */
export async function readXlsSheet(path: string): Promise<XlsSheet> {
  const data = await readFile(path);
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(data, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellFormula: false,
    });
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (/password|encrypt/i.test(message)) {
      throw new AppError(
        'import.encrypted',
        '工作簿已加密（设置了打开密码），无法读取。请在 Excel 中取消密码后另存，再导入。',
      );
    }
    throw new AppError(
      'import.corruptFile',
      `无法读取该 Excel 文件（${message || '格式无法识别'}）。请在 Excel 中打开并另存为 .xlsx 后重试。`,
    );
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const visible = workbook.SheetNames.find((_, i) => !workbook.Workbook?.Sheets?.[i]?.Hidden) ?? workbook.SheetNames[0];
  if (!visible) throw new AppError('import.emptySheet', '工作簿中没有工作表。');
  const sheet = workbook.Sheets[visible] as XLSX.DenseWorkSheet;
  const dense = sheet['!data'] ?? [];
  const merges: MergeRange[] = (sheet['!merges'] ?? []).map((m: XLSX.Range) => ({
    top: m.s.r + 1,
    bottom: m.e.r + 1,
    left: m.s.c,
    right: m.e.c,
  }));
  const filler = new MergeFiller(merges);
  const rows: GridRow[] = [];
  for (let r = 0; r < dense.length; r++) {
    const source = dense[r];
    if (!source) continue;
    const cells: CellValue[] = [];
    for (let c = 0; c < source.length; c++) cells.push(sheetJsCell(source[c], date1904));
    rows.push(filler.fill({ rowNo: r + 1, cells, inherited: [] }));
    dense[r] = undefined as unknown as XLSX.CellObject[]; // the grid row replaces it: do not hold both
  }
  return { name: visible, rows, mergeCount: merges.length };
}

export async function* iterateXlsRows(sheet: XlsSheet, signal?: AbortSignal): AsyncGenerator<GridRow> {
  for (let i = 0; i < sheet.rows.length; i++) {
    if (signal?.aborted) throw cancelled();
    const row = sheet.rows[i];
    sheet.rows[i] = undefined as unknown as GridRow; // let delivered rows go
    yield row;
  }
}
