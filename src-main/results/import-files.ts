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
import { applyImport } from './entry';

export interface FileImportReport {
  files: number;
  sheets: number;
  matched: number;
  entered: number;
  unchanged: number;
  rejected: number;
  problems: WorkbookProblem[];
}

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

export async function importResultFiles(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  paths: readonly string[],
  options: { dryRun: boolean; fileName?: (path: string) => string },
): Promise<FileImportReport> {
  const sheets: SheetResult[] = [];
  const origins: { file: string; sheet: string }[] = [];
  const problems: WorkbookProblem[] = [];
  const draws = new Map<number, DrawSheets | null>();
  let worksheets = 0;
  let unreadable = 0;
  for (const path of paths) {
    const file = options.fileName?.(path) ?? path;
    const parsed = await parseFilledWorkbook(path, { file });
    worksheets += parsed.worksheets;
    unreadable += parsed.worksheets - parsed.sheets.length;
    problems.push(...parsed.problems, ...completeness(raw, parsed, file, draws));
    sheets.push(...parsed.sheets);
    origins.push(...parsed.sheetNames.map((sheet) => ({ file, sheet })));
  }
  const counts = applyImport(raw, ctx, sheets, { dryRun: options.dryRun });
  for (const p of counts.problems) {
    const origin = p.sheet ? origins[p.sheet - 1] : undefined;
    problems.push({ file: origin?.file ?? '', sheet: origin?.sheet ?? '', cell: '', reason: p.reason });
  }
  const { matched, entered, unchanged } = counts;
  return {
    files: paths.length,
    sheets: worksheets,
    matched,
    entered,
    unchanged,
    rejected: counts.rejected + unreadable,
    problems,
  };
}
