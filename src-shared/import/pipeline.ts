/**
 * Grid rows in, import results out, streamed in file order; only the keys seen are kept, for duplicates. A duplicate
 * rejects both rows (which is right is the user's call): the later one naming the earlier, and the earlier by a result
 * with `retracts: true`; a confirm after a preview passes `rejectRows` so those are rejected where they stand.
 */
import type { EntityRecord, ExpertRecord, InspectorRecord, ItemRecord, RosterKind } from '../domain/rosters';
import { ENTITY_FIELD_LABELS, EXPERT_FIELD_LABELS, INSPECTOR_FIELD_LABELS } from '../domain/rosters';
import { columnDescription, type HeaderDetection } from './header';
import type { GridRow } from './grid';
import { ItemAssembler } from './items';
import type { ImportProblem } from './problems';
import { buildEntity, buildExpert, buildInspector, type RowOutcome } from './records';
import { choiceMap, ValueGuesses, type ValueChoice } from './value-guesses';

export interface RecordByKind {
  entities: EntityRecord;
  inspectors: InspectorRecord;
  experts: ExpertRecord;
  items: ItemRecord;
}

export interface ImportRowResult<R> {
  /** First spreadsheet row of the record. */
  rowNo: number;
  /** Last row (an item spans its continuation rows; a roster row is one row). */
  lastRowNo: number;
  /** null: rejected (some problem has severity 'error'). */
  record: R | null;
  problems: ImportProblem[];
  /** This result rejects a row an earlier result delivered with a record (a duplicate found later). */
  retracts?: boolean;
}

export interface PipelineCounts {
  /** Results with a record and no problem. */
  valid: number;
  /** Results with a record and at least one flag. */
  flagged: number;
  /** Results without a record (retractions move a row from valid/flagged to here). */
  rejected: number;
}

export interface PipelineOptions {
  /** Rows to reject where they stand, with these problems (from a preview pass of the same file). */
  rejectRows?: ReadonlyMap<number, readonly ImportProblem[]>;
  /** The clerk's answers for status and grade values read by synonym (see value-guesses.ts). */
  valueChoices?: readonly ValueChoice[];
}

interface KeyDef<R> {
  field: string;
  label: string;
  prefix: string;
  of: (record: R) => string | null;
}

const KEYS: { [K in RosterKind]: KeyDef<RecordByKind[K]>[] } = {
  entities: [
    { field: 'uscc', label: ENTITY_FIELD_LABELS.uscc, prefix: 'u', of: (r) => r.uscc },
    { field: 'regNo', label: ENTITY_FIELD_LABELS.regNo, prefix: 'r', of: (r) => r.regNo },
  ],
  inspectors: [{ field: 'badgeNo', label: INSPECTOR_FIELD_LABELS.badgeNo, prefix: 'b', of: (r) => r.badgeNo || null }],
  experts: [
    { field: 'idOrCertNo', label: EXPERT_FIELD_LABELS.idOrCertNo, prefix: 'i', of: (r) => r.idOrCertNo || null },
  ],
  items: [
    {
      field: 'name',
      label: '编制单位、抽查事项和检查对象',
      prefix: 't',
      of: (r) => `${r.compiler}\u0001${r.checkType}\u0001${r.name}\u0001${r.targets}`,
    },
  ],
};

const SEEN_REJECTED = 0;
const SEEN_VALID = 1;
const SEEN_FLAGGED = 2;

export class RecordPipeline<K extends RosterKind> {
  readonly counts: PipelineCounts = { valid: 0, flagged: 0, rejected: 0 };
  /**
   * key → rowNo × 4 + SEEN_* state of its first occurrence. One number per key, no objects: 1,000,000 rows
   * cost the key strings and a Map slot each.
   */
  private readonly seen = new Map<string, number>();
  private readonly items: ItemAssembler | null;
  private readonly build:
    ((detection: HeaderDetection, row: GridRow, values: ValueGuesses) => RowOutcome<RecordByKind[K]> | null) | null;
  /** Status and grade values read by synonym, with their row counts. */
  readonly values: ValueGuesses;

  constructor(
    readonly kind: K,
    readonly detection: HeaderDetection,
    private readonly options: PipelineOptions = {},
  ) {
    this.items = kind === 'items' ? new ItemAssembler(detection) : null;
    this.values = new ValueGuesses(kind, choiceMap(kind, options.valueChoices));
    const builders = { entities: buildEntity, inspectors: buildInspector, experts: buildExpert, items: null };
    this.build = builders[kind] as typeof this.build;
  }

  /** Feed the next grid row (header rows and rows above are ignored). */
  push(row: GridRow): ImportRowResult<RecordByKind[K]>[] {
    if (row.rowNo < this.detection.dataStartRowNo) return [];
    if (this.items) return this.settle(this.items.push(row) as ImportRowResult<RecordByKind[K]>[]);
    const outcome = this.build!(this.detection, row, this.values);
    if (!outcome) return [];
    return this.settle([
      { rowNo: row.rowNo, lastRowNo: row.rowNo, record: outcome.record, problems: outcome.problems },
    ]);
  }

  /** After the last row: the item being assembled, if any. */
  finish(): ImportRowResult<RecordByKind[K]>[] {
    return this.items ? this.settle(this.items.finish() as ImportRowResult<RecordByKind[K]>[]) : [];
  }

  private settle(results: ImportRowResult<RecordByKind[K]>[]): ImportRowResult<RecordByKind[K]>[] {
    const out: ImportRowResult<RecordByKind[K]>[] = [];
    for (const result of results) {
      const forced = this.options.rejectRows?.get(result.rowNo);
      if (forced) {
        for (const p of forced) {
          if (!result.problems.some((q) => q.code === p.code && q.reason === p.reason)) result.problems.push(p);
        }
        result.record = null;
      }
      const retractions = this.checkDuplicates(result);
      out.push(result);
      this.count(result, +1);
      for (const retraction of retractions) out.push(retraction);
    }
    return out;
  }

  private count(result: ImportRowResult<unknown>, sign: 1 | -1): void {
    if (!result.record) this.counts.rejected += sign;
    else if (result.problems.length > 0) this.counts.flagged += sign;
    else this.counts.valid += sign;
  }

  private checkDuplicates(result: ImportRowResult<RecordByKind[K]>): ImportRowResult<RecordByKind[K]>[] {
    // A rejected row has no trustworthy record to take keys from; its duplicates surface when it is fixed.
    const record = result.record;
    if (!record) return [];
    const retractions: ImportRowResult<RecordByKind[K]>[] = [];
    const keyDefs = KEYS[this.kind] as KeyDef<RecordByKind[K]>[];
    const state = result.problems.length > 0 ? SEEN_FLAGGED : SEEN_VALID;
    for (const def of keyDefs) {
      const value = def.of(record);
      if (!value) continue;
      const key = def.prefix + value;
      const seen = this.seen.get(key);
      if (seen === undefined) {
        this.seen.set(key, result.rowNo * 4 + state);
        continue;
      }
      const firstRow = Math.floor(seen / 4);
      const firstState = seen % 4;
      const column = this.columnOf(def.field);
      const shown = this.kind === 'items' ? '' : `“${value}”`;
      result.problems.push({
        row: result.rowNo,
        column,
        field: def.field,
        severity: 'error',
        code: 'duplicate.inFile',
        reason: `${def.label}${shown}与第 ${firstRow} 行重复，两行均未导入，请核对后保留一行`,
      });
      result.record = null;
      if (firstState !== SEEN_REJECTED) {
        this.seen.set(key, firstRow * 4 + SEEN_REJECTED);
        // The first row was counted as valid or flagged when it was delivered; it is rejected now.
        if (firstState === SEEN_FLAGGED) this.counts.flagged -= 1;
        else this.counts.valid -= 1;
        this.counts.rejected += 1;
        retractions.push({
          rowNo: firstRow,
          lastRowNo: firstRow,
          record: null,
          retracts: true,
          problems: [
            {
              row: firstRow,
              column,
              field: def.field,
              severity: 'error',
              code: 'duplicate.inFile',
              reason: `${def.label}${shown}与第 ${result.rowNo} 行重复，两行均未导入，请核对后保留一行`,
            },
          ],
        });
      }
    }
    return retractions;
  }

  private columnOf(field: string): string | null {
    const column = this.detection.mapping[field];
    return column === undefined ? null : columnDescription(this.detection, column);
  }
}
