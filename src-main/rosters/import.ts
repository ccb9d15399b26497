/**
 * A roster or item-list import: preview (read and compare, write nothing) and confirm (upsert in ONE transaction with
 * change-log and audit rows), on a raw better-sqlite3 handle in whatever thread owns it. The confirm gets the preview's
 * rejected rows, since a duplicate rejects both rows and is seen late (readers/index.ts): never writing one it must undo.
 */
import type { ImportCountsView } from '@shared/domain/roster-views';
import type BetterSqlite3 from 'better-sqlite3';
import type { RosterKind } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import type { ColumnMapping } from '@shared/import/header';
import type { ImportProblem } from '@shared/import/problems';
import type { ValueChoice, ValueMapping } from '@shared/import/value-guesses';
import { appendAuditRaw } from '../audit/service';
import { SPECS, type TableSpec } from './import-specs';
import { handleRow, ImportTally, type RowContext } from './import-rows';
import { RosterStatements } from './import-statements';
import { collectRejections, openImportFile, type ImportRowResult, type RecordByKind } from './readers/index';

export { ENTITY_SPEC, EXPERT_SPEC, INSPECTOR_SPEC, ITEM_SPEC, itemKeyOf, SPECS } from './import-specs';

export type ImportCounts = ImportCountsView;

export interface SubItemCounts {
  new: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export type RowOutcome = 'new' | 'updated' | 'unchanged' | 'rejected';

export interface ImportProgress {
  rowsRead: number;
  rowsWritten: number;
}

export interface ImportRequest {
  kind: RosterKind;
  path: string;
  /** A mapping the user confirmed; default: the automatic one. */
  mapping?: ColumnMapping;
  /** The rows a preview of the same file rejected as in-file duplicates (confirm only; read again if absent). */
  rejectRows?: ReadonlyMap<number, readonly ImportProblem[]>;
  /** The clerk's answers for status and grade values read by synonym (confirm only). */
  valueChoices?: readonly ValueChoice[];
  actor: string;
  now: Date;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Shown in the audit row: the file's name, never a path the renderer gave. */
  fileLabel?: string;
}

export interface ImportReport {
  kind: RosterKind;
  dryRun: boolean;
  format: string;
  sheetName: string;
  rowsRead: number;
  counts: ImportCounts;
  /** Items only: the check sub-items. */
  subItems?: SubItemCounts;
  /** Every problem (row, column, reason), up to PROBLEM_LIMIT; rejected rows first-class. */
  problems: ImportProblem[];
  problemsTruncated: boolean;
  /** Status and grade values read by synonym, per column, with what was made of them and their row counts. */
  valueMappings: ValueMapping[];
  /** The first rows with their outcome, for the preview table. */
  sample: { rowNo: number; outcome: RowOutcome; key: string; name: string; flagged: boolean }[];
  mapping: ColumnMapping;
  signature: string;
  /** The change-log batch of a confirmed import. */
  batch: string | null;
}

function newBatchId(now: Date): string {
  return `import-${now.toISOString()}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Reads the file and reports what an import would do, writing nothing. Also returns the rows rejected as
 * in-file duplicates, for the confirm pass.
 */
export async function previewImport(
  raw: BetterSqlite3.Database,
  req: ImportRequest,
): Promise<{ report: ImportReport; rejectRows: Map<number, ImportProblem[]> }> {
  const rejectRows = new Map<number, ImportProblem[]>();
  const report = await processFile(raw, req, false, (batch) => collectRejections(rejectRows, batch));
  return { report, rejectRows };
}

/** Preview pass (unless `req.rejectRows` is given), then the write pass in one transaction. */
export async function confirmImport(raw: BetterSqlite3.Database, req: ImportRequest): Promise<ImportReport> {
  const rejectRows = req.rejectRows ?? (await previewImport(raw, { ...req, onProgress: undefined })).rejectRows;
  return processFile(raw, { ...req, rejectRows }, true);
}

function cancelled(): AppError {
  return new AppError('import.cancelled', '导入已取消。');
}

async function processFile<K extends RosterKind>(
  raw: BetterSqlite3.Database,
  req: ImportRequest & { kind: K },
  write: boolean,
  onBatch?: (batch: ImportRowResult<RecordByKind[K]>[]) => void,
): Promise<ImportReport> {
  const tally = new ImportTally();
  let rowsRead = 0;
  const reading = await openImportFile(req.path, req.kind, {
    mapping: req.mapping,
    signal: req.signal,
    rejectRows: req.rejectRows,
    valueChoices: req.valueChoices,
    onProgress: (n) => {
      rowsRead = n;
      req.onProgress?.({ rowsRead: n, rowsWritten: tally.rowsWritten });
    },
  });
  const detection = reading.detection;
  const context: RowContext<RecordByKind[K]> = {
    kind: req.kind,
    statements: new RosterStatements(raw, SPECS[req.kind] as TableSpec<RecordByKind[K]>),
    tally,
    detection,
    // A list without a 检查内容 column says nothing about check sub-items (each item gets one made from its name):
    // an item already in the database keeps the sub-items it has, which the clerk may have edited or split since.
    fileHasSubItems: req.kind === 'items' && 'content' in detection.mapping,
    write,
    change: { at: req.now.toISOString(), actor: req.actor, batch: write ? newBatchId(req.now) : null },
  };

  if (write) raw.exec('BEGIN IMMEDIATE');
  try {
    for await (const results of reading) {
      if (req.signal?.aborted) throw cancelled();
      onBatch?.(results);
      for (const result of results) handleRow(context, result);
      req.onProgress?.({ rowsRead, rowsWritten: tally.rowsWritten });
    }
    if (req.signal?.aborted) throw cancelled();
    if (write) {
      const { batch } = context.change;
      const detail = {
        batch,
        file: req.fileLabel ?? null,
        counts: tally.counts,
        ...subItemsOf(req.kind, tally),
        valueMappings: reading.valueMappings,
      };
      appendAuditRaw(raw, { actor: req.actor, action: 'roster:import', target: req.kind, detail }, req.now);
      raw.exec('COMMIT');
    }
  } catch (e) {
    if (write && raw.inTransaction) raw.exec('ROLLBACK');
    throw e;
  }
  req.onProgress?.({ rowsRead: reading.rowsRead, rowsWritten: tally.rowsWritten });
  return {
    kind: req.kind,
    dryRun: !write,
    format: reading.format,
    sheetName: reading.sheetName,
    rowsRead: reading.rowsRead,
    counts: tally.counts,
    ...subItemsOf(req.kind, tally),
    problems: tally.problems,
    problemsTruncated: tally.problemsTruncated,
    valueMappings: reading.valueMappings,
    sample: tally.correctedSample(),
    mapping: detection.mapping,
    signature: detection.signature,
    batch: context.change.batch,
  };
}

/** Items only: the check sub-items' counts. */
function subItemsOf(kind: RosterKind, tally: ImportTally): { subItems?: SubItemCounts } {
  return kind === 'items' ? { subItems: tally.subItems } : {};
}
