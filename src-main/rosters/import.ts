/**
 * The import of a roster or item-list file into the database: preview (read, compare with the database, write
 * nothing) and confirm (read again, upsert in ONE transaction with a change-log row per changed record and one
 * audit row). Runs on a raw better-sqlite3 handle, in whatever thread owns it: the import job's worker
 * (src-main/jobs) or, for small files and tests, the caller's thread. No electron import.
 *
 * Why two passes for a confirm: a duplicate code inside the file rejects BOTH rows, and the second is only
 * seen later (see src-main/rosters/readers/index.ts). The preview pass collects those rows; the confirm pass gets them
 * as `rejectRows` and never writes a row it would have to take back. The app always previews first (the user
 * must see the counts), so the confirm is one read plus the writes; the CLI does both passes.
 *
 * Outcome per record: new, updated, unchanged or rejected; `flagged` counts kept records that carry a warning
 * (a failed USCC check digit the user accepts, a damaged code kept under its 注册号…) and overlaps the first three.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityRecord, ExpertRecord, InspectorRecord, ItemRecord, RosterKind } from '@shared/domain/rosters';
import {
  ENTITY_FIELD_LABELS,
  EXPERT_FIELD_LABELS,
  INSPECTOR_FIELD_LABELS,
  ROSTER_LABELS,
} from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import type { ColumnMapping } from '@shared/import/header';
import { columnDescription, type HeaderDetection } from '@shared/import/header';
import type { ImportProblem } from '@shared/import/problems';
import { collectRejections, openImportFile, type ImportRowResult, type RecordByKind } from './readers/index';
import { appendAuditRaw } from '../audit/service';
import { officeKindOf } from './offices';

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  flagged: number;
}

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
  /** The first rows with their outcome, for the preview table. */
  sample: { rowNo: number; outcome: RowOutcome; key: string; name: string; flagged: boolean }[];
  mapping: ColumnMapping;
  signature: string;
  /** The change-log batch of a confirmed import. */
  batch: string | null;
}

const PROBLEM_LIMIT = 100_000;
const SAMPLE_LIMIT = 200;
const OUTCOME_CODES: Record<RowOutcome, number> = { new: 1, updated: 2, unchanged: 3, rejected: 4 };
const OUTCOME_BY_CODE: RowOutcome[] = ['rejected', 'new', 'updated', 'unchanged', 'rejected'];

/** One roster table as the import writes it. */
interface TableSpec<R> {
  table: 'entities' | 'inspectors' | 'experts' | 'items';
  /** Written columns, in order (not id/created_at/updated_at). */
  columns: readonly string[];
  toRow(record: R, flags: string): Record<string, string | null>;
  /** Unique columns the record is looked up by, in the order tried. */
  lookups: readonly { column: string; field: string; label: string; of(record: R): string | null }[];
  recordKey(row: Record<string, unknown>): string;
  displayName(record: R): string;
}

const json = (v: unknown) => JSON.stringify(v);

export const ENTITY_SPEC: TableSpec<EntityRecord> = {
  table: 'entities',
  columns: [
    'uscc',
    'reg_no',
    'name',
    'entity_type',
    'industry',
    'address',
    'area',
    'office',
    'legal_rep',
    'phone',
    'credit_grade',
    'reg_status',
    'tags',
    'last_inspected_on',
    'flags',
  ],
  toRow: (r, flags) => ({
    uscc: r.uscc,
    reg_no: r.regNo,
    name: r.name,
    entity_type: r.entityType,
    industry: r.industry,
    address: r.address,
    area: r.area,
    office: r.office,
    legal_rep: r.legalRep,
    phone: r.phone,
    credit_grade: r.creditGrade,
    reg_status: r.regStatus,
    tags: json(r.tags),
    last_inspected_on: r.lastInspectedOn,
    flags,
  }),
  lookups: [
    { column: 'uscc', field: 'uscc', label: ENTITY_FIELD_LABELS.uscc, of: (r) => r.uscc },
    { column: 'reg_no', field: 'regNo', label: ENTITY_FIELD_LABELS.regNo, of: (r) => r.regNo },
  ],
  recordKey: (row) => (row.uscc ? `uscc:${String(row.uscc)}` : `reg_no:${String(row.reg_no)}`),
  displayName: (r) => r.name,
};

export const INSPECTOR_SPEC: TableSpec<InspectorRecord> = {
  table: 'inspectors',
  columns: ['badge_no', 'name', 'office', 'tags', 'status', 'phone', 'flags'],
  toRow: (r, flags) => ({
    badge_no: r.badgeNo,
    name: r.name,
    office: r.office,
    tags: json(r.tags),
    status: r.status,
    phone: r.phone,
    flags,
  }),
  lookups: [
    { column: 'badge_no', field: 'badgeNo', label: INSPECTOR_FIELD_LABELS.badgeNo, of: (r) => r.badgeNo || null },
  ],
  recordKey: (row) => `badge_no:${String(row.badge_no)}`,
  displayName: (r) => r.name,
};

export const EXPERT_SPEC: TableSpec<ExpertRecord> = {
  table: 'experts',
  columns: ['id_or_cert_no', 'name', 'organisation', 'tags', 'phone', 'status', 'flags'],
  toRow: (r, flags) => ({
    id_or_cert_no: r.idOrCertNo,
    name: r.name,
    organisation: r.organisation,
    tags: json(r.tags),
    phone: r.phone,
    status: r.status,
    flags,
  }),
  lookups: [
    {
      column: 'id_or_cert_no',
      field: 'idOrCertNo',
      label: EXPERT_FIELD_LABELS.idOrCertNo,
      of: (r) => r.idOrCertNo || null,
    },
  ],
  recordKey: (row) => `id_or_cert_no:${String(row.id_or_cert_no)}`,
  displayName: (r) => r.name,
};

/** The identity of an item: the same four texts the import's in-file duplicate check uses. */
export function itemKeyOf(r: Pick<ItemRecord, 'compiler' | 'checkType' | 'name' | 'targets'>): string {
  return `${r.compiler}\u0001${r.checkType}\u0001${r.name}\u0001${r.targets}`;
}

export const ITEM_SPEC: TableSpec<ItemRecord> = {
  table: 'items',
  columns: [
    'item_key',
    'compiler',
    'seq_no',
    'category',
    'check_type',
    'name',
    'targets',
    'level',
    'method',
    'method_kinds',
    'authority',
    'basis',
    'remarks',
  ],
  toRow: (r) => ({
    item_key: itemKeyOf(r),
    compiler: r.compiler,
    seq_no: r.seqNo,
    category: r.category,
    check_type: r.checkType,
    name: r.name,
    targets: r.targets,
    level: r.level,
    method: r.method,
    method_kinds: json(r.methodKinds),
    authority: r.authority,
    basis: r.basis,
    remarks: r.remarks,
  }),
  lookups: [
    { column: 'item_key', field: 'name', label: '编制单位、抽查类别、抽查事项和检查对象', of: (r) => itemKeyOf(r) },
  ],
  recordKey: (row) => `item:${String(row.item_key).replaceAll('\u0001', '/')}`,
  displayName: (r) => r.name,
};

export const SPECS: { [K in RosterKind]: TableSpec<RecordByKind[K]> } = {
  entities: ENTITY_SPEC,
  inspectors: INSPECTOR_SPEC,
  experts: EXPERT_SPEC,
  items: ITEM_SPEC,
};

type Row = Record<string, unknown> & { id: number };
type SubItemRow = { ordinal: number; content: string; basis: string; method: string };

/** Prepared statements of one roster on one connection. */
class RosterStatements<R> {
  private readonly find: BetterSqlite3.Statement[];
  private readonly insert: BetterSqlite3.Statement;
  private readonly update: BetterSqlite3.Statement;
  private readonly change: BetterSqlite3.Statement;
  private readonly office: BetterSqlite3.Statement | null;
  private readonly subItemsOf: BetterSqlite3.Statement | null;
  private readonly deleteSubItems: BetterSqlite3.Statement | null;
  private readonly insertSubItem: BetterSqlite3.Statement | null;
  private readonly officesSeen = new Set<string>();

  constructor(
    private readonly raw: BetterSqlite3.Database,
    readonly spec: TableSpec<R>,
  ) {
    const t = spec.table;
    this.find = spec.lookups.map((l) => raw.prepare(`SELECT * FROM ${t} WHERE ${l.column} = ?`));
    const cols = spec.columns;
    this.insert = raw.prepare(
      `INSERT INTO ${t} (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((c) => '@' + c).join(', ')}, @at, @at)`,
    );
    this.update = raw.prepare(
      `UPDATE ${t} SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at WHERE id = @id`,
    );
    this.change = raw.prepare(
      `INSERT INTO roster_changes (at, actor, roster, record_id, record_key, action, source, batch, before, after)
       VALUES (?, ?, '${t}', ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.office =
      t === 'entities' || t === 'inspectors'
        ? raw.prepare('INSERT OR IGNORE INTO offices (name, kind, created_at) VALUES (?, ?, ?)')
        : null;
    if (t === 'items') {
      this.subItemsOf = raw.prepare(
        'SELECT ordinal, content, basis, method FROM item_sub_items WHERE item_id = ? ORDER BY ordinal',
      );
      this.deleteSubItems = raw.prepare('DELETE FROM item_sub_items WHERE item_id = ?');
      this.insertSubItem = raw.prepare(
        'INSERT INTO item_sub_items (item_id, ordinal, content, basis, method) VALUES (?, ?, ?, ?, ?)',
      );
    } else {
      this.subItemsOf = this.deleteSubItems = this.insertSubItem = null;
    }
  }

  /** The stored record this one upserts onto, or a conflict when its keys point at two different records. */
  resolve(record: R): { existing: Row | null; conflict: { field: string; label: string; otherKey: string } | null } {
    let existing: Row | null = null;
    for (let i = 0; i < this.spec.lookups.length; i++) {
      const lookup = this.spec.lookups[i];
      const value = lookup.of(record);
      if (value === null) continue;
      const found = this.find[i].get(value) as Row | undefined;
      if (!found) continue;
      if (existing === null) existing = found;
      else if (existing.id !== found.id) {
        return {
          existing,
          conflict: { field: lookup.field, label: lookup.label, otherKey: this.spec.recordKey(found) },
        };
      }
    }
    return { existing, conflict: null };
  }

  storedSubItems(id: number): SubItemRow[] {
    return this.subItemsOf!.all(id) as SubItemRow[];
  }

  insertRecord(row: Record<string, string | null>, at: string): number {
    return Number(this.insert.run({ ...row, at }).lastInsertRowid);
  }

  updateRecord(id: number, row: Record<string, string | null>, at: string): void {
    this.update.run({ ...row, at, id });
  }

  logChange(
    at: string,
    actor: string,
    id: number,
    key: string,
    action: 'insert' | 'update',
    source: 'import' | 'edit' | 'bulk' | 'demo',
    batch: string | null,
    before: unknown,
    after: unknown,
  ): void {
    this.change.run(
      at,
      actor,
      id,
      key,
      action,
      source,
      batch,
      before === null ? null : json(before),
      after === null ? null : json(after),
    );
  }

  replaceSubItems(itemId: number, subItems: readonly SubItemRow[]): void {
    this.deleteSubItems!.run(itemId);
    for (const s of subItems) this.insertSubItem!.run(itemId, s.ordinal, s.content, s.basis, s.method);
  }

  ensureOffice(name: string, at: string): void {
    if (!this.office || name === '' || this.officesSeen.has(name)) return;
    this.officesSeen.add(name);
    this.office.run(name, officeKindOf(name), at);
  }
}

/** The columns whose stored value differs from the new one. */
function changedColumns(columns: readonly string[], stored: Row, next: Record<string, string | null>): string[] {
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
  return json(codes);
}

function conflictProblem(
  detection: HeaderDetection,
  rowNo: number,
  field: string,
  label: string,
  otherKey: string,
): ImportProblem {
  const column = detection.mapping[field];
  return {
    row: rowNo,
    column: column === undefined ? null : columnDescription(detection, column),
    field,
    severity: 'error',
    code: 'conflict.existing',
    reason: `${label}已属于库中另一条记录(${otherKey}),与本行其他代码指向的记录不一致,本行未导入。请核对后修改文件。`,
  };
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

async function processFile<K extends RosterKind>(
  raw: BetterSqlite3.Database,
  req: ImportRequest & { kind: K },
  write: boolean,
  onBatch?: (batch: ImportRowResult<RecordByKind[K]>[]) => void,
): Promise<ImportReport> {
  const spec = SPECS[req.kind] as TableSpec<RecordByKind[K]>;
  const statements = new RosterStatements(raw, spec);
  const at = req.now.toISOString();
  const batch = write ? newBatchId(req.now) : null;
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, rejected: 0, flagged: 0 };
  const subItems: SubItemCounts = { new: 0, updated: 0, unchanged: 0, removed: 0 };
  const problems: ImportProblem[] = [];
  let problemsTruncated = false;
  const sample: ImportReport['sample'] = [];
  // Outcome per spreadsheet row, so a later retraction (an in-file duplicate) can move its row to `rejected`.
  let outcomes = new Uint8Array(1 << 16);
  const flaggedRows = new Set<number>();
  let rowsWritten = 0;
  let rowsRead = 0;

  const reading = await openImportFile(req.path, req.kind, {
    mapping: req.mapping,
    signal: req.signal,
    rejectRows: req.rejectRows,
    onProgress: (n) => {
      rowsRead = n;
      req.onProgress?.({ rowsRead: n, rowsWritten });
    },
  });
  const detection = reading.detection;
  // A list without a 检查内容 column says nothing about check sub-items (each item gets one made from its name): an
  // item already in the database keeps the sub-items it has, which the clerk may have edited or split since.
  const fileHasSubItems = req.kind === 'items' && 'content' in detection.mapping;

  const addProblems = (list: readonly ImportProblem[]) => {
    for (const p of list) {
      if (problems.length < PROBLEM_LIMIT) problems.push(p);
      else problemsTruncated = true;
    }
  };
  const setOutcome = (rowNo: number, outcome: RowOutcome) => {
    if (rowNo >= outcomes.length) {
      const grown = new Uint8Array(Math.max(outcomes.length * 2, rowNo + 1));
      grown.set(outcomes);
      outcomes = grown;
    }
    outcomes[rowNo] = OUTCOME_CODES[outcome];
  };

  const handle = (result: ImportRowResult<RecordByKind[K]>) => {
    if (result.retracts) {
      // The confirm pass gets the preview's duplicates as rejectRows, so a retraction here means the file
      // changed since the preview: nothing of it may be written.
      if (write)
        throw new AppError(
          'import.fileChanged',
          `文件在预览后被修改(第 ${result.rowNo} 行),请重新预览后再导入。未写入任何内容。`,
        );
      const previous = OUTCOME_BY_CODE[outcomes[result.rowNo]];
      if (previous !== 'rejected') {
        counts[previous]--;
        counts.rejected++;
        if (flaggedRows.delete(result.rowNo)) counts.flagged--;
        setOutcome(result.rowNo, 'rejected');
      }
      addProblems(result.problems);
      return;
    }
    addProblems(result.problems);
    const record = result.record;
    if (record === null) {
      counts.rejected++;
      setOutcome(result.rowNo, 'rejected');
      return;
    }
    const { existing, conflict } = statements.resolve(record);
    if (conflict) {
      addProblems([conflictProblem(detection, result.rowNo, conflict.field, conflict.label, conflict.otherKey)]);
      counts.rejected++;
      setOutcome(result.rowNo, 'rejected');
      return;
    }
    const row = spec.toRow(record, flagsOf(result.problems));
    const nextSubItems = req.kind === 'items' ? subItemsOfRecord(record as ItemRecord) : null;
    let outcome: RowOutcome;
    if (!existing) {
      outcome = 'new';
      if (nextSubItems) subItems.new += nextSubItems.length;
      if (write) {
        const id = statements.insertRecord(row, at);
        statements.logChange(
          at,
          req.actor,
          id,
          spec.recordKey(row),
          'insert',
          'import',
          batch,
          null,
          nextSubItems ? { ...row, sub_items: nextSubItems } : row,
        );
        if (nextSubItems) statements.replaceSubItems(id, nextSubItems);
      }
    } else {
      const changed = changedColumns(spec.columns, existing, row);
      const storedSubItems = nextSubItems && fileHasSubItems ? statements.storedSubItems(existing.id) : null;
      const subItemsChanged =
        nextSubItems && storedSubItems ? compareSubItems(storedSubItems, nextSubItems, subItems) : false;
      outcome = changed.length > 0 || subItemsChanged ? 'updated' : 'unchanged';
      if (write && outcome === 'updated') {
        const before: Record<string, unknown> = Object.fromEntries(changed.map((c) => [c, existing[c]]));
        const after: Record<string, unknown> = Object.fromEntries(changed.map((c) => [c, row[c]]));
        if (subItemsChanged) {
          before.sub_items = storedSubItems;
          after.sub_items = nextSubItems;
        }
        if (changed.length > 0) statements.updateRecord(existing.id, row, at);
        if (subItemsChanged) statements.replaceSubItems(existing.id, nextSubItems!);
        statements.logChange(at, req.actor, existing.id, spec.recordKey(row), 'update', 'import', batch, before, after);
      }
    }
    if (write) {
      if (req.kind === 'entities' || req.kind === 'inspectors')
        statements.ensureOffice((record as EntityRecord | InspectorRecord).office, at);
      rowsWritten++;
    }
    counts[outcome]++;
    setOutcome(result.rowNo, outcome);
    const flagged = result.problems.some((p) => p.severity === 'flag');
    if (flagged) {
      counts.flagged++;
      flaggedRows.add(result.rowNo);
    }
    if (sample.length < SAMPLE_LIMIT) {
      sample.push({ rowNo: result.rowNo, outcome, key: spec.recordKey(row), name: spec.displayName(record), flagged });
    }
  };

  if (write) raw.exec('BEGIN IMMEDIATE');
  try {
    for await (const results of reading) {
      if (req.signal?.aborted) throw new AppError('import.cancelled', '导入已取消。');
      onBatch?.(results);
      for (const result of results) handle(result);
      req.onProgress?.({ rowsRead, rowsWritten });
    }
    if (req.signal?.aborted) throw new AppError('import.cancelled', '导入已取消。');
    if (write) {
      appendAuditRaw(
        raw,
        {
          actor: req.actor,
          action: 'roster:import',
          target: req.kind,
          detail: { batch, file: req.fileLabel ?? null, counts, ...(req.kind === 'items' ? { subItems } : {}) },
        },
        req.now,
      );
      raw.exec('COMMIT');
    }
  } catch (e) {
    if (write && raw.inTransaction) raw.exec('ROLLBACK');
    throw e;
  }
  req.onProgress?.({ rowsRead: reading.rowsRead, rowsWritten });

  // A retracted row's sample entry still says what it was before the retraction: correct it.
  for (const s of sample) s.outcome = OUTCOME_BY_CODE[outcomes[s.rowNo]];
  return {
    kind: req.kind,
    dryRun: !write,
    format: reading.format,
    sheetName: reading.sheetName,
    rowsRead: reading.rowsRead,
    counts,
    ...(req.kind === 'items' ? { subItems } : {}),
    problems,
    problemsTruncated,
    sample,
    mapping: detection.mapping,
    signature: detection.signature,
    batch,
  };
}
