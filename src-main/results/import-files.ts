/**
 * Filled record-sheet workbooks back into results: every file read and checked against the package it was exported
 * for, then every valid sheet entered in one transaction (or none, on a dry run). Each problem names its file,
 * worksheet and cell.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SheetResult } from '@shared/domain/results';
import type { DrawSheets } from '@shared/domain/sheets';
import type { ServiceContext } from '../app/context';
import { loadSheets } from '../sheets/load';
import { packageProblems } from '../sheets/xlsx-check';
import { parseFilledWorkbook, type ParsedWorkbook, type WorkbookProblem } from '../sheets/xlsx-read';
import type { ResultImportReport } from '@shared/ipc/channels/results';
import { applyImport, type SheetDone } from './entry';
import { parseInTurn, type ParseWorkbook } from './workbook-reader';

/** What an import did (or, previewed, would do): the report the page and the CLI show. */
export type FileImportReport = ResultImportReport;

/** An unknown or unsealed draw is refused sheet by sheet at entry, with its reason: nothing to compare here. */
function sheetsOrNull(raw: BetterSqlite3.Database, drawId: number): DrawSheets | null {
  try {
    return loadSheets(raw, drawId);
  } catch {
    return null;
  }
}

/** The entities of the package the file's first sheet belongs to, compared with the sheets found. */
function completeness(
  raw: BetterSqlite3.Database,
  parsed: ParsedWorkbook,
  file: string,
  draws: Map<number, DrawSheets | null>,
): WorkbookProblem[] {
  const first = parsed.sheets[0];
  if (!first) return [];
  if (!draws.has(first.drawId)) draws.set(first.drawId, sheetsOrNull(raw, first.drawId));
  const pkg = draws.get(first.drawId)?.packages.find((p) => p.entities.some((e) => e.entityId === first.entityId));
  return pkg ? packageProblems(parsed, first.drawId, pkg, file) : [];
}

/** The files read and checked, nothing entered yet: what a preview shows and a confirmed import enters. */
export interface ReadResultFiles {
  files: number;
  worksheets: number;
  unreadable: number;
  sheets: SheetResult[];
  origins: { file: string; sheet: string }[];
  problems: WorkbookProblem[];
}

/** Reads every file (in two threads when `secondReader` is given); `onFile` runs as each file starts and after the
 * last (it may throw to stop, e.g. on a cancel). */
export async function readResultFiles(
  raw: BetterSqlite3.Database,
  paths: readonly string[],
  options: { fileName?: (path: string) => string; onFile?: (done: number) => void; secondReader?: ParseWorkbook } = {},
): Promise<ReadResultFiles> {
  const read: ReadResultFiles = {
    files: paths.length,
    worksheets: 0,
    unreadable: 0,
    sheets: [],
    origins: [],
    problems: [],
  };
  const fileName = options.fileName ?? ((path: string) => path);
  const local: ParseWorkbook = (path, file) => parseFilledWorkbook(path, { file });
  const parsedFiles = await parseInTurn(paths, fileName, local, options.secondReader ?? null, options.onFile);
  const draws = new Map<number, DrawSheets | null>();
  for (const [i, parsed] of parsedFiles.entries()) {
    const file = fileName(paths[i]);
    read.worksheets += parsed.worksheets;
    read.unreadable += parsed.worksheets - parsed.sheets.length;
    read.problems.push(...parsed.problems, ...completeness(raw, parsed, file, draws));
    read.sheets.push(...parsed.sheets);
    read.origins.push(...parsed.sheetNames.map((sheet) => ({ file, sheet })));
  }
  return read;
}

/** Enters the valid sheets of files read (or, on a dry run, counts what would be); every problem with its place. */
export function enterResultFiles(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  read: ReadResultFiles,
  options: { dryRun: boolean; onSheet?: SheetDone },
): FileImportReport {
  const counts = applyImport(raw, ctx, read.sheets, options);
  const problems = [...read.problems];
  for (const p of counts.problems) {
    const origin = p.sheet ? read.origins[p.sheet - 1] : undefined;
    problems.push({ file: origin?.file ?? '', sheet: origin?.sheet ?? '', cell: '', reason: p.reason });
  }
  const { matched, entered, unchanged } = counts;
  return {
    files: read.files,
    sheets: read.worksheets,
    matched,
    entered,
    unchanged,
    rejected: counts.rejected + read.unreadable,
    problems,
  };
}

export async function importResultFiles(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  paths: readonly string[],
  options: { dryRun: boolean; fileName?: (path: string) => string; secondReader?: ParseWorkbook },
): Promise<FileImportReport> {
  const read = await readResultFiles(raw, paths, options);
  return enterResultFiles(raw, ctx, read, options);
}
