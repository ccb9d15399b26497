/**
 * .xlsx → grid rows, streaming. exceljs's streaming reader skips <mergeCell>, which follows every row, and a whole-book
 * load does not fit at a million rows: so one inflate of the sheet entry first collects the merge list (no XML parse),
 * and MergeFiller applies it as rows stream.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError } from '@shared/errors';
import { MergeFiller, parseRange, type CellValue, type GridRow, type MergeRange } from '@shared/import/grid';
import { CompactStringTable } from '@shared/import/string-table';
import { openEntryStream, readEntryText, type ZipDirectory } from './zip';

export interface XlsxSheetInfo {
  name: string;
  /** Path inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  /** The N of sheetN.xml: how exceljs's streaming reader identifies a sheet. */
  sheetNo: number;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeXml(match[1]) : null;
}

/** The first visible sheet in workbook order (what Excel shows first, and what a clerk means by "the table"). */
export async function firstXlsxSheet(zip: ZipDirectory): Promise<XlsxSheetInfo> {
  if (!zip.entries.has('xl/workbook.xml')) {
    throw new AppError(
      'import.unsupportedFile',
      '这是一个压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。请选择 .xlsx、.xls 或 .csv 文件。',
    );
  }
  const workbook = await readEntryText(zip, 'xl/workbook.xml');
  const rels = zip.entries.has('xl/_rels/workbook.xml.rels')
    ? await readEntryText(zip, 'xl/_rels/workbook.xml.rels')
    : '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target);
  }
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const state = attribute(tag, 'state');
    if (state === 'hidden' || state === 'veryHidden') continue;
    const id = attribute(tag, 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(tag)?.[1] ?? null;
    const target = id ? targets.get(id) : undefined;
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const sheetNo = /sheet(\d+)\.xml$/i.exec(path);
    if (!sheetNo || !zip.entries.has(path)) continue;
    return { name: attribute(tag, 'name') ?? '', path, sheetNo: Number(sheetNo[1]) };
  }
  throw new AppError('import.emptySheet', '工作簿中没有可读取的工作表。');
}

/** The merged ranges of a sheet, read from the XML that follows its rows. */
export async function scanMergeCells(
  zip: ZipDirectory,
  sheetPath: string,
  signal?: AbortSignal,
): Promise<MergeRange[]> {
  const end = Buffer.from('</sheetData>');
  const selfClosed = Buffer.from('<sheetData/>');
  const stream = await openEntryStream(zip, sheetPath);
  let carry = Buffer.alloc(0);
  const after: Buffer[] = [];
  let found = false;
  try {
    for await (const chunk of stream) {
      if (signal?.aborted) {
        stream.destroy();
        throw cancelled();
      }
      const buffer = chunk as Buffer;
      if (found) {
        after.push(buffer);
        continue;
      }
      // Keep the last bytes of the previous chunk so a marker split across two chunks is still found.
      const window = carry.length > 0 ? Buffer.concat([carry, buffer]) : buffer;
      let at = window.indexOf(end);
      let markerLength = end.length;
      if (at < 0) {
        at = window.indexOf(selfClosed);
        markerLength = selfClosed.length;
      }
      if (at >= 0) {
        found = true;
        after.push(window.subarray(at + markerLength));
      } else {
        carry = Buffer.from(window.subarray(Math.max(0, window.length - end.length)));
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import.corruptFile', `文件已损坏：工作表数据解压失败（${(e as Error).message}）。`);
  }
  const tail = Buffer.concat(after).toString('utf8');
  const merges: MergeRange[] = [];
  for (const match of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    merges.push(parseRange(match[1]));
  }
  return merges;
}

export function cancelled(): AppError {
  return new AppError('import.cancelled', '导入已取消。');
}

/**
 * OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes a CR inside a cell as _x000D_, and a literal
 * "_x" as _x005F_x). exceljs's streaming reader leaves them in; decode in one left-to-right pass.
 */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** exceljs cell value → our CellValue. */
export function excelJsCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return decodeOoxmlEscapes(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return decodeOoxmlEscapes((v.richText as { text?: string }[]).map((t) => t.text ?? '').join(''));
    if ('result' in v) return excelJsCellValue(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (typeof v.text === 'string') return decodeOoxmlEscapes(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * exceljs decodes each inflated chunk on its own, so a character straddling two chunks became two U+FFFD ("服务" →
 * "服\uFFFD\uFFFD" on the Hainan sample). We hand it text decoded across chunks through two exceljs internals (hence
 * the casts); the Hainan test fails loudly if a release changes them.
 */
interface WorkbookReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

async function* decodeUtf8Chunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Which sheetN.xml a worksheet reader came from (exceljs replaces `id` with the workbook's sheetId). */
const FILE_SHEET_NO = Symbol('fileSheetNo');

/**
 * exceljs keeps shared strings as an array of separate strings, which at a million rows does not fit the worker's heap
 * (docs/performance.md). It only assigns `[]`, calls `.push(x)` and reads `[i]`, so an accessor hands it a view over a
 * CompactStringTable; until the table starts it reads undefined, as exceljs expects (it defers a sheet met before it).
 */
function installCompactSharedStrings(reader: object): void {
  let view: unknown;
  Object.defineProperty(reader, 'sharedStrings', {
    configurable: true,
    get: () => view,
    set: () => {
      const table = new CompactStringTable();
      const push = (value: unknown) => table.push(flattenSharedString(value));
      view = new Proxy(Object.create(null) as Record<string, unknown>, {
        get: (_, key) => (key === 'push' ? push : typeof key === 'string' ? table.get(Number(key)) : undefined),
      });
    },
  });
}

function flattenSharedString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Array.isArray((value as { richText?: unknown }).richText)) {
    return (value as { richText: { text?: string | null }[] }).richText.map((t) => t.text ?? '').join('');
  }
  return value === null || value === undefined ? '' : String(value);
}

class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(input: NodeJS.ReadableStream, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
    super(input as unknown as import('stream').Stream, options);
    installCompactSharedStrings(this);
  }
}
{
  const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as WorkbookReaderInternals;
  const patched = Utf8SafeWorkbookReader.prototype as unknown as WorkbookReaderInternals;
  patched._parseWorksheet = function* (this: unknown, iterator, sheetNo) {
    for (const event of base._parseWorksheet.call(this, decodeUtf8Chunks(iterator), sheetNo)) {
      if (event.eventType === 'worksheet') (event.value as Record<symbol, number>)[FILE_SHEET_NO] = Number(sheetNo);
      yield event;
    }
  };
  patched._parseSharedStrings = function (this: unknown, entry) {
    entry.setEncoding('utf8');
    return base._parseSharedStrings.call(this, entry);
  };
}

/**
 * Stream the sheet's rows. Rows absent from the file (Excel omits empty rows) are not produced; row numbers are
 * Excel's own.
 */
export async function* readXlsxRows(
  path: string,
  sheet: XlsxSheetInfo,
  merges: readonly MergeRange[],
  signal?: AbortSignal,
): AsyncGenerator<GridRow> {
  const input = createReadStream(path);
  const reader = new Utf8SafeWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles are needed to tell a date cell from a number cell (the number format says which).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const filler = new MergeFiller(merges);
  try {
    for await (const worksheet of reader) {
      if ((worksheet as unknown as Record<symbol, number>)[FILE_SHEET_NO] !== sheet.sheetNo) continue;
      for await (const row of worksheet) {
        if (signal?.aborted) throw cancelled();
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        // row.values is 1-based and sparse.
        for (let c = 1; c < values.length; c++) cells.push(excelJsCellValue(values[c]));
        yield filler.fill({ rowNo: row.number, cells, inherited: [] });
      }
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import.corruptFile', `文件已损坏，读取工作表时出错（${(e as Error).message}）。`);
  } finally {
    input.destroy();
  }
}
