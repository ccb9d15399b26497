import type { Generated } from 'kysely';

/**
 * One interface types the whole database (Signal-Desktop's pattern). Each table's columns as SQLite
 * stores them: booleans are 0/1 integers, dates are ISO-8601 text, JSON is text.
 */
export interface Database {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  offices: OfficesTable;
  entities: EntitiesTable;
  entity_tags: EntityTagsTable;
  inspectors: InspectorsTable;
  experts: ExpertsTable;
  items: ItemsTable;
  item_sub_items: ItemSubItemsTable;
  roster_changes: RosterChangesTable;
}

export interface SettingsTable {
  key: string;
  /** JSON text of the value. */
  value: string;
  updated_at: string;
}

/** Append-only: triggers refuse UPDATE and DELETE (全程留痕). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** JSON text. */
  detail: string;
}

export interface OfficesTable {
  id: Generated<number>;
  name: string;
  kind: '局机关' | '市场监管所' | '其他部门';
  created_at: string;
}

/** Search indexes (entity_search, entity_short_search) and entity_tags are kept by triggers: never write them. */
export interface EntitiesTable {
  id: Generated<number>;
  uscc: string | null;
  reg_no: string | null;
  name: string;
  entity_type: string;
  industry: string;
  address: string;
  area: string;
  office: string;
  legal_rep: string;
  phone: string;
  credit_grade: string | null;
  reg_status: string;
  /** JSON array of strings. */
  tags: string;
  last_inspected_on: string | null;
  /** JSON array of the import flag codes the user accepted (e.g. "uscc.checkDigit"). */
  flags: string;
  created_at: string;
  updated_at: string;
}

export interface EntityTagsTable {
  tag: string;
  entity_id: number;
}

export interface InspectorsTable {
  id: Generated<number>;
  badge_no: string;
  name: string;
  office: string;
  tags: string;
  status: string;
  phone: string;
  flags: string;
  created_at: string;
  updated_at: string;
}

export interface ExpertsTable {
  id: Generated<number>;
  id_or_cert_no: string;
  name: string;
  organisation: string;
  tags: string;
  phone: string;
  status: string;
  flags: string;
  created_at: string;
  updated_at: string;
}

export interface ItemsTable {
  id: Generated<number>;
  item_key: string;
  compiler: string;
  seq_no: string;
  category: string;
  check_type: string;
  name: string;
  targets: string;
  level: string;
  method: string;
  method_kinds: string;
  authority: string;
  basis: string;
  remarks: string;
  created_at: string;
  updated_at: string;
}

export interface ItemSubItemsTable {
  id: Generated<number>;
  item_id: number;
  ordinal: number;
  content: string;
  basis: string;
  method: string;
}

/** Append-only: triggers refuse UPDATE and DELETE. */
export interface RosterChangesTable {
  id: Generated<number>;
  at: string;
  actor: string;
  roster: 'entities' | 'inspectors' | 'experts' | 'items' | 'offices';
  record_id: number;
  record_key: string;
  action: 'insert' | 'update' | 'delete';
  source: 'import' | 'edit' | 'bulk' | 'demo';
  batch: string | null;
  before: string | null;
  after: string | null;
}
