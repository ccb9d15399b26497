/**
 * File → records for the import (worker thread or CLI, no electron): detectMapping for the mapping dialog, then
 * openImportFile streams batches in file order. A duplicate rejects both rows, so a later result may retract an earlier
 * one; a writer passes the preview's rejections as `rejectRows` to avoid that. Formats, memory: docs/design-notes.md.
 */
import { open, stat } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import type { RosterKind } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import { isBlankRow, type GridRow } from '@shared/import/grid';
import {
  detectHeader,
  HEADER_SEARCH_ROWS,
  withMapping,
  type ColumnMapping,
  type HeaderDetection,
} from '@shared/import/header';
import { FIELDS_BY_KIND } from '@shared/import/fields';
import { refuseWrongKind } from '@shared/import/kind';
import { RecordPipeline, type ImportRowResult, type PipelineCounts, type RecordByKind } from '@shared/import/pipeline';
import type { ImportProblem } from '@shared/import/problems';
import { rawCellText } from '@shared/import/values';
import type { ValueChoice, ValueMapping } from '@shared/import/value-guesses';
import { readCsvRows, sniffCsv } from './csv-reader';
import { iterateXlsRows, readXlsSheet } from './xls-reader';
import { firstXlsxSheet, readXlsxRows, scanMergeCells } from './xlsx-reader';
import { openZip } from './zip';

export type FileFormat = 'xlsx' | 'xls' | 'html' | 'csv';

export interface ImportOptions {
  /** A confirmed or remembered mapping (field → 0-based column); default: the detected one. */
  mapping?: ColumnMapping;
  signal?: AbortSignal;
  /** Called with the number of spreadsheet rows read so far, every batch and at the end. */
  onProgress?: (rowsRead: number) => void;
  /** Rows to reject where they stand (a preview pass's duplicates), see collectRejections. */
  rejectRows?: ReadonlyMap<number, readonly ImportProblem[]>;
  /** The clerk's answers for values read by synonym. */
  valueChoices?: readonly ValueChoice[];
  /** Results per batch (default 1000). */
  batchSize?: number;
}

export interface MappingProposal {
  format: FileFormat;
  sheetName: string;
  mergeCount: number;
  detection: HeaderDetection;
  /** Up to 5 data rows after the header, as text, one entry per column, for the mapping dialog. */
  sampleRows: string[][];
}

export interface ImportReading<K extends RosterKind> extends AsyncIterable<ImportRowResult<RecordByKind[K]>[]> {
  readonly format: FileFormat;
  readonly sheetName: string;
  readonly detection: HeaderDetection;
  /** Final once iteration has ended. */
  readonly counts: PipelineCounts;
  readonly rowsRead: number;
  /** Status and grade values read by synonym (final once iteration has ended). */
  readonly valueMappings: ValueMapping[];
}

interface OpenedSheet {
  format: FileFormat;
  sheetName: string;
  mergeCount: number;
  rows: AsyncGenerator<GridRow>;
}

const UNSUPPORTED = '无法识别的文件类型。请选择 Excel 工作簿（.xlsx、.xls）或 CSV 文件（.csv，UTF-8 或 GBK 编码）。';

async function sniffFormat(path: string): Promise<FileFormat | 'cfb'> {
  const { size } = await stat(path).catch(() => {
    throw new AppError('import.fileNotFound', `找不到文件：${path}`);
  });
  if (size === 0) throw new AppError('import.emptyFile', '文件是空的（0 字节）。');
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, 4096));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  if (head.readUInt32BE(0) === 0xd0cf11e0) return 'cfb';
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) throw new AppError('import.unsupportedFile', UNSUPPORTED);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw new AppError('import.unsupportedFile', UNSUPPORTED);
  const start = head
    .toString('utf8', 0, Math.min(head.length, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  // Many county systems "export to Excel" as an HTML table or SpreadsheetML 2003 XML with an .xls name.
  if (start.startsWith('<'))
    return /<table|<html|<workbook|urn:schemas-microsoft-com:office:spreadsheet/.test(start) ||
      start.startsWith('<?xml')
      ? 'html'
      : 'csv';
  return 'csv';
}

/** An OLE compound file: .xls, or an encrypted .xlsx (Office wraps those in OLE with EncryptionInfo). */
async function classifyCompoundFile(path: string): Promise<'xls'> {
  const { readFile } = await import('node:fs/promises');
  let names: string[];
  try {
    const container = XLSX.CFB.read(await readFile(path), { type: 'buffer' });
    names = (container.FullPaths as string[]).map((p: string) => p.replace(/\/$/, '').split('/').pop() ?? '');
  } catch {
    throw new AppError(
      'import.corruptFile',
      '文件已损坏，无法作为 Excel 工作簿打开。请在 Excel 中打开并另存为 .xlsx 后重试。',
    );
  }
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) {
    throw new AppError(
      'import.encrypted',
      '工作簿已加密（设置了打开密码），无法读取。请在 Excel 中取消密码后另存，再导入。',
    );
  }
  if (!names.includes('Workbook') && !names.includes('Book')) {
    throw new AppError(
      'import.unsupportedFile',
      `这不是 Excel 工作簿（可能是 Word 等其他 Office 文件）。${UNSUPPORTED}`,
    );
  }
  return 'xls';
}

async function openSheet(path: string, signal?: AbortSignal): Promise<OpenedSheet> {
  const sniffed = await sniffFormat(path);
  if (sniffed === 'xlsx') {
    const zip = await openZip(path);
    const sheet = await firstXlsxSheet(zip);
    const merges = await scanMergeCells(zip, sheet.path, signal);
    return {
      format: 'xlsx',
      sheetName: sheet.name,
      mergeCount: merges.length,
      rows: readXlsxRows(path, sheet, merges, signal),
    };
  }
  if (sniffed === 'cfb' || sniffed === 'html') {
    const format = sniffed === 'cfb' ? await classifyCompoundFile(path) : 'html';
    const sheet = await readXlsSheet(path);
    return { format, sheetName: sheet.name, mergeCount: sheet.mergeCount, rows: iterateXlsRows(sheet, signal) };
  }
  const shape = await sniffCsv(path);
  return { format: 'csv', sheetName: '', mergeCount: 0, rows: readCsvRows(path, shape, signal) };
}

/** The first non-blank rows (where the header must be), and whether the sheet has anything at all. */
async function readLeading(rows: AsyncGenerator<GridRow>): Promise<GridRow[]> {
  const leading: GridRow[] = [];
  while (leading.length < HEADER_SEARCH_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    if (!isBlankRow(next.value)) leading.push(next.value);
  }
  return leading;
}

function emptySheet(): AppError {
  return new AppError('import.emptySheet', '工作表是空的，没有可导入的内容。');
}

function checkRequired(detection: HeaderDetection): void {
  if (detection.missingRequired.length === 0) return;
  const fields = FIELDS_BY_KIND[detection.kind];
  const labels = detection.missingRequired.map((k) => fields.find((f) => f.key === k)?.label ?? k);
  throw new AppError(
    'import.missingColumns',
    `缺少必需的列：${labels.join('、')}。请在列对应关系中指定，或按导入模板调整表头。`,
    { missing: detection.missingRequired },
  );
}

/** Find the header and propose a column mapping, reading only the first rows of the file. */
export async function detectMapping(path: string, kind: RosterKind, signal?: AbortSignal): Promise<MappingProposal> {
  const sheet = await openSheet(path, signal);
  try {
    const leading = await readLeading(sheet.rows);
    if (leading.length === 0) throw emptySheet();
    refuseWrongKind(kind, leading);
    const detection = detectHeader(kind, leading);
    const width = Math.max(0, ...detection.columns.map((c) => c.index + 1));
    const sampleRows = leading
      .filter((r) => r.rowNo >= detection.dataStartRowNo)
      .slice(0, 5)
      .map((r) => Array.from({ length: width }, (_, c) => rawCellText(r.cells[c] ?? null).slice(0, 200)));
    return { format: sheet.format, sheetName: sheet.sheetName, mergeCount: sheet.mergeCount, detection, sampleRows };
  } finally {
    await sheet.rows.return(undefined);
  }
}

/** Open a file for import: header found, mapping settled; iterate the result for the records. */
export async function openImportFile<K extends RosterKind>(
  path: string,
  kind: K,
  options: ImportOptions = {},
): Promise<ImportReading<K>> {
  const { signal, onProgress, batchSize = 1000 } = options;
  const sheet = await openSheet(path, signal);
  let leading: GridRow[];
  let detection: HeaderDetection;
  let pipeline: RecordPipeline<K>;
  try {
    leading = await readLeading(sheet.rows);
    if (leading.length === 0) throw emptySheet();
    refuseWrongKind(kind, leading);
    detection = detectHeader(kind, leading);
    if (options.mapping) detection = withMapping(detection, options.mapping);
    checkRequired(detection);
    pipeline = new RecordPipeline(kind, detection, {
      rejectRows: options.rejectRows,
      valueChoices: options.valueChoices,
    });
  } catch (e) {
    await sheet.rows.return(undefined);
    throw e;
  }
  let rowsRead = 0;
  let iterated = false;

  async function* batches(): AsyncGenerator<ImportRowResult<RecordByKind[K]>[]> {
    if (iterated) throw new Error('an ImportReading can be iterated once');
    iterated = true;
    let batch: ImportRowResult<RecordByKind[K]>[] = [];
    const take = (row: GridRow) => {
      rowsRead = Math.max(rowsRead, row.rowNo);
      for (const result of pipeline.push(row)) batch.push(result);
    };
    try {
      for (const row of leading) take(row);
      leading = [];
      for await (const row of sheet.rows) {
        take(row);
        if (batch.length >= batchSize) {
          onProgress?.(rowsRead);
          yield batch;
          batch = [];
          if (signal?.aborted) throw new AppError('import.cancelled', '导入已取消。');
        }
      }
      for (const result of pipeline.finish()) batch.push(result);
      onProgress?.(rowsRead);
      if (batch.length > 0) yield batch;
    } finally {
      await sheet.rows.return(undefined);
    }
  }

  return {
    format: sheet.format,
    sheetName: sheet.sheetName,
    detection,
    get counts() {
      return pipeline.counts;
    },
    get rowsRead() {
      return rowsRead;
    },
    get valueMappings() {
      return pipeline.values.list();
    },
    [Symbol.asyncIterator]: batches,
  };
}

/** openImportFile as one async iterable of batches. */
export async function* readImportFile<K extends RosterKind>(
  path: string,
  kind: K,
  options: ImportOptions = {},
): AsyncGenerator<ImportRowResult<RecordByKind[K]>[]> {
  const reading = await openImportFile(path, kind, options);
  yield* reading;
}

/**
 * From a preview pass's results: the rows rejected as duplicates within the file (both rows of each pair), keyed
 * by row, to pass as `rejectRows` to the confirm pass, which then never needs a retraction. Feed it every batch.
 */
export function collectRejections(
  into: Map<number, ImportProblem[]>,
  batch: readonly ImportRowResult<unknown>[],
): Map<number, ImportProblem[]> {
  for (const result of batch) {
    const duplicates = result.problems.filter((p) => p.code === 'duplicate.inFile');
    if (duplicates.length > 0) into.set(result.rowNo, [...(into.get(result.rowNo) ?? []), ...duplicates]);
  }
  return into;
}

export type { ImportRowResult, PipelineCounts, RecordByKind } from '@shared/import/pipeline';
export type { HeaderDetection, ColumnMapping } from '@shared/import/header';
export type { ImportProblem } from '@shared/import/problems';
