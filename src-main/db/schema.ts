import type { Generated } from 'kysely';
import type {
  JointVisitsTable,
  JointVisitTasksTable,
  ResultsTable,
  ResultRowsTable,
  ResultFollowUpsTable,
  HolidaySchedulesTable,
  PublicationsTable,
  PublicationResultsTable,
} from './schema-results';

export type * from './schema-results';

/**
 * One interface types the whole database (Signal-Desktop's pattern). Each table's columns as SQLite
 * stores them: booleans are 0/1 integers, dates are ISO-8601 text, JSON is text.
 */
export interface Database {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  /** SQLite's own AUTOINCREMENT counters: the highest id each such table ever handed out. */
  sqlite_sequence: { name: string; seq: number };
  offices: OfficesTable;
  entities: EntitiesTable;
  entity_tags: EntityTagsTable;
  inspectors: InspectorsTable;
  experts: ExpertsTable;
  items: ItemsTable;
  item_sub_items: ItemSubItemsTable;
  roster_changes: RosterChangesTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  tasks: TasksTable;
  task_items: TaskItemsTable;
  task_departments: TaskDepartmentsTable;
  draws: DrawsTable;
  draw_inputs: DrawInputsTable;
  draw_results: DrawResultsTable;
  draw_witnesses: DrawWitnessesTable;
  draw_proofs: DrawProofsTable;
  draw_amendments: DrawAmendmentsTable;
  draw_selected: DrawSelectedTable;
  draw_roster_dates: DrawRosterDatesTable;
  joint_visits: JointVisitsTable;
  joint_visit_tasks: JointVisitTasksTable;
  results: ResultsTable;
  result_rows: ResultRowsTable;
  result_follow_ups: ResultFollowUpsTable;
  holiday_schedules: HolidaySchedulesTable;
  publications: PublicationsTable;
  publication_results: PublicationResultsTable;
  users: UsersTable;
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
  /** The hash chain (audit/chain.ts): the previous row's hash, and this row's. */
  prev_hash: string;
  hash: string;
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
  /** 1: the name was built from the operator (个体工商户 without a 字号), 待核实 and masked where published. */
  name_from_operator: Generated<number>;
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
  /** 启用 or 停用: a retired item is not offered to new tasks. */
  status: Generated<'启用' | '停用'>;
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

export interface PlansTable {
  id: Generated<number>;
  year: number;
  title: string;
  status: '草稿' | '已公示';
  /** Latest published version; 0 while a draft. */
  version: number;
  created_at: string;
  updated_at: string;
}

/** Append-only. */
export interface PlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  published_at: string;
  actor: string;
  reason: string | null;
  /** PlanPublication JSON. */
  publication: string;
  /** TaskView[] JSON at publication. */
  tasks: string;
}

export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  year: number;
  seq: number;
  number: string;
  name: string;
  lead_department: string;
  /** 机关名称 the task was made under; a draft task's follows the settings. */
  bureau_name: string;
  start_date: string;
  end_date: string;
  frequency: string;
  ratio_mode: 'grades' | 'uniform' | 'fixed';
  /** TaskConfig JSON. */
  config: string;
  created_at: string;
  updated_at: string;
}

export interface TaskItemsTable {
  task_id: number;
  ordinal: number;
  item_id: number;
}

export interface TaskDepartmentsTable {
  task_id: number;
  ordinal: number;
  department: string;
}

export interface DrawsTable {
  id: Generated<number>;
  task_id: number;
  attempt: number;
  state: 'prepared' | 'committed' | 'revealed' | 'sealed' | 'voided';
  prepared_at: string;
  prepared_by: string;
  input_digest: string;
  /** DrawPreparation JSON. */
  summary: string;
  committed_at: string | null;
  committed_by: string | null;
  place: string | null;
  operator: string | null;
  supervisor: string | null;
  /** Never returned by a service before the draw is revealed. */
  nonce: string | null;
  nonce_commit: string | null;
  revealed_at: string | null;
  seed: string | null;
  /** Proof without inputs (JSON), from 揭晓 — for draws revealed before migration 0005; later ones: draw_results. */
  result: string | null;
  sealed_at: string | null;
  sealed_by: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

/** What 揭晓 derived: the proof without its inputs, JSON (migration 0005; earlier draws keep it in draws.result). */
export interface DrawResultsTable {
  draw_id: number;
  result: string;
}

export interface DrawInputsTable {
  draw_id: number;
  /** C(inputs), exactly the digested bytes. */
  canonical: Uint8Array;
}

export interface DrawWitnessesTable {
  id: Generated<number>;
  draw_id: number;
  ordinal: number;
  kind: 'witness' | 'public';
  name: string;
  role: string;
  value: string;
  entered_at: string;
  actor: string;
}

/** Append-only. */
export interface DrawProofsTable {
  id: Generated<number>;
  draw_id: number;
  version: number;
  sealed_at: string;
  /** Proof JSON without "inputs". */
  body: string;
  /** Part two of the record: StoredRecordResult JSON (draws/views.ts); read it with latestRecord. */
  record: string;
  /** The operation log's chain head when this version was sealed (null before the chain existed). */
  audit_head: string | null;
}

/** Append-only. */
export interface DrawAmendmentsTable {
  id: Generated<number>;
  draw_id: number;
  ordinal: number;
  package_no: number;
  out_id: string;
  in_id: string;
  reason: string;
  at: string;
  actor: string;
}

/** Append-only. */
export interface DrawSelectedTable {
  draw_id: number;
  entity_id: number;
  code: string;
  stratum: string;
  rank: number;
  key: string;
  package_no: number;
}

/** Append-only: the sealed draw's entities had their 最近被抽查日期 set (in the same transaction). */
export interface DrawRosterDatesTable {
  draw_id: number;
  done_at: string;
  updated: number;
}

/** Local accounts: a role each, scrypt password hashes, lockout after repeated failures. */
export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: '管理员' | '操作员' | '监督员' | '录入员' | '查看';
  /** `scrypt$N$r$p$salt$hash` (salt and hash in base64). */
  password_hash: string;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  /** 停用: when the account was disabled (migration 0016); null while in use. */
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}
