/** How each roster table is written by the import: its columns, its row from a record, its lookup keys. */
import type { EntityRecord, ExpertRecord, InspectorRecord, ItemRecord, RosterKind } from '@shared/domain/rosters';
import { ENTITY_FIELD_LABELS, EXPERT_FIELD_LABELS, INSPECTOR_FIELD_LABELS } from '@shared/domain/rosters';
import type { RecordByKind } from './readers/index';

/** A row's written columns: text, or an integer (0/1) for a yes/no column. */
export type StoredColumns = Record<string, string | number | null>;

/** One roster table as the import writes it. */
export interface TableSpec<R> {
  table: 'entities' | 'inspectors' | 'experts' | 'items';
  /** Written columns, in order (not id/created_at/updated_at). */
  columns: readonly string[];
  toRow(record: R, flags: string): StoredColumns;
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
    'name_from_operator',
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
    name_from_operator: r.nameFromOperator ? 1 : 0,
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
