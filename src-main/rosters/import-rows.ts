/** One file row's part of an import: its outcome (new, updated, unchanged, rejected), its problems, its writes. */
import type { EntityRecord, InspectorRecord, ItemRecord, RosterKind } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import { columnDescription, type HeaderDetection } from '@shared/import/header';
import type { ImportProblem } from '@shared/import/problems';
import type { ImportCounts, ImportReport, RowOutcome, SubItemCounts } from './import';
import { keepStoredName } from './import-names';
import type { StoredColumns } from './import-specs';
import type { RosterStatements, StoredRecord, SubItemRow } from './import-statements';
import type { ImportRowResult } from './readers/index';

type Shown = { key: string; name: string };

const PROBLEM_LIMIT = 100_000;
const SAMPLE_LIMIT = 200;
const OUTCOME_CODES: Record<RowOutcome, number> = { new: 1, updated: 2, unchanged: 3, rejected: 4 };
const OUTCOME_BY_CODE: RowOutcome[] = ['rejected', 'new', 'updated', 'unchanged', 'rejected'];

/** What the import found so far: counts, problems, and each row's outcome. */
export class ImportTally {
  readonly counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, rejected: 0, flagged: 0, namedFromOperator: 0 };
  readonly subItems: SubItemCounts = { new: 0, updated: 0, unchanged: 0, removed: 0 };
  readonly problems: ImportProblem[] = [];
  problemsTruncated = false;
  readonly sample: ImportReport['sample'] = [];
  rowsWritten = 0;
  // Outcome per spreadsheet row, so a later retraction (an in-file duplicate) can move its row to `rejected`.
  private outcomes = new Uint8Array(1 << 16);
  private readonly flaggedRows = new Set<number>();
  private readonly namedRows = new Set<number>();

  addProblems(list: readonly ImportProblem[]) {
    for (const p of list) {
      if (this.problems.length < PROBLEM_LIMIT) this.problems.push(p);
      else this.problemsTruncated = true;
    }
  }

  private setOutcome(rowNo: number, outcome: RowOutcome) {
    if (rowNo >= this.outcomes.length) {
      const grown = new Uint8Array(Math.max(this.outcomes.length * 2, rowNo + 1));
      grown.set(this.outcomes);
      this.outcomes = grown;
    }
    this.outcomes[rowNo] = OUTCOME_CODES[outcome];
  }

  reject(rowNo: number) {
    this.counts.rejected++;
    this.setOutcome(rowNo, 'rejected');
  }

  /** An earlier row turned out to be an in-file duplicate: it moves to rejected. */
  retract(rowNo: number) {
    const previous = OUTCOME_BY_CODE[this.outcomes[rowNo]];
    if (previous === 'rejected') return;
    this.counts[previous]--;
    this.counts.rejected++;
    if (this.flaggedRows.delete(rowNo)) this.counts.flagged--;
    if (this.namedRows.delete(rowNo)) this.counts.namedFromOperator--;
    this.setOutcome(rowNo, 'rejected');
  }

  /**
   * A row kept as `outcome`, `flagged` with a warning, `named` after its operator; `shown` names it for the preview's
   * sample (asked only while the sample has room).
   */
  kept(rowNo: number, outcome: RowOutcome, marks: { flagged: boolean; named: boolean }, shown: () => Shown) {
    const { flagged, named } = marks;
    this.counts[outcome]++;
    this.setOutcome(rowNo, outcome);
    if (flagged) {
      this.counts.flagged++;
      this.flaggedRows.add(rowNo);
    }
    if (named) {
      this.counts.namedFromOperator++;
      this.namedRows.add(rowNo);
    }
    if (this.sample.length < SAMPLE_LIMIT) this.sample.push({ rowNo, outcome, ...shown(), flagged });
  }

  /** A retracted row's sample entry still says what it was before the retraction: correct it. */
  correctedSample(): ImportReport['sample'] {
    for (const s of this.sample) s.outcome = OUTCOME_BY_CODE[this.outcomes[s.rowNo]];
    return this.sample;
  }
}

/** What handling a row needs: the roster, the statements, where the tally goes, and whether to write. */
export interface RowContext<R> {
  kind: RosterKind;
  statements: RosterStatements<R>;
  tally: ImportTally;
  detection: HeaderDetection;
  /** A list without a 检查内容 column leaves the sub-items of items already in the database as they are. */
  fileHasSubItems: boolean;
  write: boolean;
  change: { at: string; actor: string; batch: string | null };
}

/** The columns whose stored value differs from the new one. */
function changedColumns(columns: readonly string[], stored: StoredRecord, next: StoredColumns) {
  const changed: string[] = [];
  for (const c of columns) if ((stored[c] ?? null) !== next[c]) changed.push(c);
  return changed;
}

function subItemsOfRecord(record: ItemRecord): SubItemRow[] {
  return record.subItems.map((s, i) => ({ ordinal: i + 1, content: s.content, basis: s.basis, method: s.method }));
}

function compareSubItems(stored: readonly SubItemRow[], next: readonly SubItemRow[], into: SubItemCounts): boolean {
  let changed = stored.length !== next.length;
  for (let i = 0; i < next.length; i++) {
    const s = stored[i];
    if (!s) into.new++;
    else if (s.content === next[i].content && s.basis === next[i].basis && s.method === next[i].method)
      into.unchanged++;
    else {
      into.updated++;
      changed = true;
    }
  }
  if (stored.length > next.length) into.removed += stored.length - next.length;
  return changed;
}

function flagsOf(problems: readonly ImportProblem[]): string {
  const codes = [...new Set(problems.filter((p) => p.severity === 'flag').map((p) => p.code))].sort();
  return JSON.stringify(codes);
}

function conflictProblem(
  detection: HeaderDetection,
  rowNo: number,
  conflict: { field: string; label: string; otherKey: string },
): ImportProblem {
  const column = detection.mapping[conflict.field];
  return {
    row: rowNo,
    column: column === undefined ? null : columnDescription(detection, column),
    field: conflict.field,
    severity: 'error',
    code: 'conflict.existing',
    reason: `${conflict.label}已属于库中另一条记录（${conflict.otherKey}），与本行其他代码指向的记录不一致，本行未导入。请核对后修改文件。`,
  };
}

type Row = StoredColumns;

function insertNew<R>(c: RowContext<R>, row: Row, nextSubItems: SubItemRow[] | null): RowOutcome {
  if (nextSubItems) c.tally.subItems.new += nextSubItems.length;
  if (!c.write) return 'new';
  const id = c.statements.insertRecord(row, c.change.at);
  const key = c.statements.spec.recordKey(row);
  const after = nextSubItems ? { ...row, sub_items: nextSubItems } : row;
  c.statements.logChange({ ...c.change, id, key }, 'insert', null, after);
  if (nextSubItems) c.statements.replaceSubItems(id, nextSubItems);
  return 'new';
}

function updateExisting<R>(c: RowContext<R>, existing: StoredRecord, row: Row, nextSubItems: SubItemRow[] | null) {
  const changed = changedColumns(c.statements.spec.columns, existing, row);
  const storedSubItems = nextSubItems && c.fileHasSubItems ? c.statements.storedSubItems(existing.id) : null;
  const subItemsChanged =
    nextSubItems && storedSubItems ? compareSubItems(storedSubItems, nextSubItems, c.tally.subItems) : false;
  const outcome: RowOutcome = changed.length > 0 || subItemsChanged ? 'updated' : 'unchanged';
  if (c.write && outcome === 'updated') {
    const before: Record<string, unknown> = Object.fromEntries(changed.map((col) => [col, existing[col]]));
    const after: Record<string, unknown> = Object.fromEntries(changed.map((col) => [col, row[col]]));
    if (subItemsChanged) {
      before.sub_items = storedSubItems;
      after.sub_items = nextSubItems;
    }
    if (changed.length > 0) c.statements.updateRecord(existing.id, row, c.change.at);
    if (subItemsChanged) c.statements.replaceSubItems(existing.id, nextSubItems!);
    const key = c.statements.spec.recordKey(row);
    c.statements.logChange({ ...c.change, id: existing.id, key }, 'update', before, after);
  }
  return outcome;
}

/** The record as it will be written over the stored one (entities: a missing name keeps the stored one). */
function againstStored<R>(c: RowContext<R>, record: R, existing: StoredRecord | null, problems: ImportProblem[]) {
  if (c.kind !== 'entities') return { record, problems };
  const kept = keepStoredName(record as EntityRecord, existing, problems);
  return { record: kept.record as R, problems: kept.problems };
}

export function handleRow<R>(c: RowContext<R>, result: ImportRowResult<R>) {
  if (result.retracts) {
    // The confirm pass gets the preview's duplicates as rejectRows, so a retraction here means the file
    // changed since the preview: nothing of it may be written.
    if (c.write)
      throw new AppError(
        'import.fileChanged',
        `文件在预览后被修改（第 ${result.rowNo} 行），请重新预览后再导入。未写入任何内容。`,
      );
    c.tally.retract(result.rowNo);
    c.tally.addProblems(result.problems);
    return;
  }
  if (result.record === null) {
    c.tally.addProblems(result.problems);
    return c.tally.reject(result.rowNo);
  }
  const { existing, conflict } = c.statements.resolve(result.record);
  if (conflict) {
    c.tally.addProblems([...result.problems, conflictProblem(c.detection, result.rowNo, conflict)]);
    return c.tally.reject(result.rowNo);
  }
  const { record, problems } = againstStored(c, result.record, existing, result.problems);
  c.tally.addProblems(problems);
  const spec = c.statements.spec;
  const row = spec.toRow(record, flagsOf(problems));
  const nextSubItems = c.kind === 'items' ? subItemsOfRecord(record as ItemRecord) : null;
  const outcome = existing ? updateExisting(c, existing, row, nextSubItems) : insertNew(c, row, nextSubItems);
  if (c.write) {
    if (c.kind === 'entities' || c.kind === 'inspectors')
      c.statements.ensureOffice((record as EntityRecord | InspectorRecord).office, c.change.at);
    c.tally.rowsWritten++;
  }
  const flagged = problems.some((p) => p.severity === 'flag');
  const named = problems.some((p) => p.code === 'name.fromOperator');
  const shown = () => ({ key: spec.recordKey(row), name: spec.displayName(record) });
  c.tally.kept(result.rowNo, outcome, { flagged, named }, shown);
}
