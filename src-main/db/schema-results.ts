import type { Generated } from 'kysely';

/** The tables of what follows a draw: joint visits, results, follow-ups, entered holidays, publications. */
export interface JointVisitsTable {
  id: Generated<number>;
  entity_id: number;
  /** JSON array of item ids. */
  items: string;
  start_date: string;
  end_date: string;
  note: string;
  created_at: string;
  actor: string;
}

export interface JointVisitTasksTable {
  visit_id: number;
  task_id: number;
  draw_id: number;
  entity_id: number;
}

/** One result per (task, drawn entity); a reviewed row is immutable and corrected by a new row (corrects_id). */
export interface ResultsTable {
  id: Generated<number>;
  task_id: number;
  draw_id: number;
  entity_id: number;
  corrects_id: number | null;
  correction_reason: string | null;
  state: '未录入' | '已录入' | '已审核' | '审核退回';
  inspected_on: string | null;
  /** JSON arrays of strings. */
  inspector_ids: string;
  methods: string;
  categories: string;
  follow_ups: string;
  follow_up_other: string;
  correction_deadline: string | null;
  end_state: '注销' | '吊销' | '迁出' | '已关闭停业' | null;
  note: string;
  saved_at: string;
  saved_by: string;
  entered_at: string | null;
  entered_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  return_reason: string | null;
}

export interface ResultRowsTable {
  result_id: number;
  sub_item_id: number;
  outcome: '符合' | '不符合' | '不涉及' | null;
  finding: string;
}

/** 后续处置 of a reviewed result with a problem; closed rows are immutable. */
export interface ResultFollowUpsTable {
  id: Generated<number>;
  result_id: number;
  measure: string;
  office: string;
  due_on: string | null;
  closed_on: string | null;
  closing_note: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** Append-only: the latest row of a year is its entered 放假安排. */
export interface HolidaySchedulesTable {
  id: Generated<number>;
  year: number;
  /** JSON arrays of YYYY-MM-DD. */
  holidays: string;
  workdays: string;
  entered_at: string;
  entered_by: string;
}

/** One 公示 (抽查任务公告 or 抽查结果公告); never changed or deleted. */
export interface PublicationsTable {
  id: Generated<number>;
  kind: '抽查任务公告' | '抽查结果公告';
  year: number;
  bureau_name: string;
  /** 第{n}号 of a 抽查任务公告, per bureau and year. */
  serial: number | null;
  title: string;
  task_id: number | null;
  draw_id: number | null;
  range_from: string | null;
  range_to: string | null;
  published_at: string;
  published_by: string;
  digest: string;
}

/** The reviewed results a 抽查结果公告 published. */
export interface PublicationResultsTable {
  publication_id: number;
  result_id: number;
}
