/**
 * The three queryable rosters as tables: their columns by API field, how a stored row becomes the renderer's view,
 * its export columns and the statuses it allows.
 */
import type { Selectable } from 'kysely';
import type { EntityRow, ExpertRow, InspectorRow, QueryableRoster } from '@shared/domain/roster-views';
import { ENTITY_FIELD_LABELS, EXPERT_FIELD_LABELS, INSPECTOR_FIELD_LABELS } from '@shared/domain/rosters';
import type { EntitiesTable, ExpertsTable, InspectorsTable } from '../db/schema';
import { qb } from '../db/sql';
import { SPECS } from './import-specs';

/** Every stored column of one roster's row (the select below reads any of the three tables). */
export function selectRoster(table: QueryableRoster) {
  return qb.selectFrom(table).selectAll();
}

/** A stored row as the query above types it: the columns of whichever table it came from. */
export type StoredRow = ReturnType<typeof selectRoster> extends { execute(): Promise<(infer R)[]> } ? R : never;
export type RosterView = EntityRow | InspectorRow | ExpertRow;

export interface RosterTable {
  table: QueryableRoster;
  /** sort field (API) → column */
  sortable: Record<string, string>;
  statusColumn: 'reg_status' | 'status';
  toView(row: StoredRow): RosterView;
  /** patch field (API) → column */
  columns: Record<string, string>;
  key(row: Record<string, unknown>): string;
  exportColumns: { header: string; of(row: RosterView): string }[];
}

/** A stored JSON list of strings (tags, flags). */
export const parseList = (v: string | null): string[] => JSON.parse(v ?? '[]') as string[];

const ENTITY_COLUMNS: Record<string, string> = {
  uscc: 'uscc',
  regNo: 'reg_no',
  name: 'name',
  entityType: 'entity_type',
  industry: 'industry',
  address: 'address',
  area: 'area',
  office: 'office',
  legalRep: 'legal_rep',
  phone: 'phone',
  creditGrade: 'credit_grade',
  regStatus: 'reg_status',
  tags: 'tags',
  lastInspectedOn: 'last_inspected_on',
};

/** The fields every roster row has, read the same way from each table. */
function commonView(r: Pick<Selectable<EntitiesTable>, 'id' | 'name' | 'tags' | 'flags' | 'updated_at'>) {
  return { id: r.id, name: r.name, tags: parseList(r.tags), flags: parseList(r.flags), updatedAt: r.updated_at };
}

function entityView(r: Selectable<EntitiesTable>): EntityRow {
  return {
    ...commonView(r),
    uscc: r.uscc,
    regNo: r.reg_no,
    nameFromOperator: r.name_from_operator === 1,
    entityType: r.entity_type,
    industry: r.industry,
    address: r.address,
    area: r.area,
    office: r.office,
    legalRep: r.legal_rep,
    phone: r.phone,
    creditGrade: r.credit_grade,
    regStatus: r.reg_status,
    lastInspectedOn: r.last_inspected_on,
  };
}

function inspectorView(r: Selectable<InspectorsTable>): InspectorRow {
  return { ...commonView(r), badgeNo: r.badge_no, office: r.office, status: r.status, phone: r.phone };
}

function expertView(r: Selectable<ExpertsTable>): ExpertRow {
  const { id_or_cert_no: idOrCertNo, organisation, phone, status } = r;
  return { ...commonView(r), idOrCertNo, organisation, phone, status };
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const tagsText = (v: unknown) => (v as string[]).join('、');

/** One export column per labelled view field, in the labels' order; tags joined with 、. */
function exportColumnsOf<K extends string>(labels: Record<K, string>): RosterTable['exportColumns'] {
  return (Object.keys(labels) as K[]).map((k) => ({
    header: labels[k],
    of: (row) => {
      const value = (row as unknown as Record<K, unknown>)[k];
      return k === 'tags' ? tagsText(value) : text(value);
    },
  }));
}

export const TABLES: Record<QueryableRoster, RosterTable> = {
  entities: {
    table: 'entities',
    sortable: {
      id: 'id',
      name: 'name',
      uscc: 'uscc',
      creditGrade: 'credit_grade',
      office: 'office',
      area: 'area',
      entityType: 'entity_type',
      regStatus: 'reg_status',
      lastInspectedOn: 'last_inspected_on',
      updatedAt: 'updated_at',
    },
    statusColumn: 'reg_status',
    toView: entityView,
    columns: ENTITY_COLUMNS,
    key: SPECS.entities.recordKey,
    exportColumns: exportColumnsOf(ENTITY_FIELD_LABELS),
  },
  inspectors: {
    table: 'inspectors',
    sortable: {
      id: 'id',
      name: 'name',
      badgeNo: 'badge_no',
      office: 'office',
      status: 'status',
      updatedAt: 'updated_at',
    },
    statusColumn: 'status',
    toView: inspectorView,
    columns: { badgeNo: 'badge_no', name: 'name', office: 'office', tags: 'tags', status: 'status', phone: 'phone' },
    key: SPECS.inspectors.recordKey,
    exportColumns: exportColumnsOf(INSPECTOR_FIELD_LABELS),
  },
  experts: {
    table: 'experts',
    sortable: { id: 'id', name: 'name', status: 'status', updatedAt: 'updated_at' },
    statusColumn: 'status',
    toView: expertView,
    columns: {
      idOrCertNo: 'id_or_cert_no',
      name: 'name',
      organisation: 'organisation',
      tags: 'tags',
      phone: 'phone',
      status: 'status',
    },
    key: SPECS.experts.recordKey,
    exportColumns: exportColumnsOf(EXPERT_FIELD_LABELS),
  },
};

export const STATUS_VALUES: Record<QueryableRoster, readonly string[]> = {
  entities: ['存续', '注销', '吊销'],
  inspectors: ['在岗', '请假', '调离'],
  experts: ['在库', '暂停', '退出'],
};
