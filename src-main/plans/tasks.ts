/**
 * 抽查任务 as read back: the task row, its items, joining departments and the state of its draw. Plain Node over the
 * raw handle, synchronous (the draw steps read tasks inside their better-sqlite3 transactions).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/settings';
import type { TaskConfig, TaskDrawStatus, TaskView } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import type { DrawsTable, TasksTable } from '../db/schema';
import { all, column, first, qb } from '../db/sql';

const DRAW_STATUS: Record<DrawsTable['state'], TaskDrawStatus> = {
  prepared: '已准备',
  committed: '已承诺',
  revealed: '已揭晓',
  sealed: '已封存',
  voided: '未抽取',
};

/** Settings as stored (one JSON row per key over the defaults), read on the raw handle. */
export function readSettings(raw: BetterSqlite3.Database): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of all(raw, qb.selectFrom('settings').select(['key', 'value']))) {
    if (row.key in DEFAULT_SETTINGS) merged[row.key] = JSON.parse(row.value) as unknown;
  }
  return merged as unknown as Settings;
}

/** The 机关名称 a task was made under: a draft's follows the settings, a published task keeps its own. */
export function taskBureauName(raw: BetterSqlite3.Database, taskId: number): string {
  const row = first(raw, qb.selectFrom('tasks').select('bureau_name').where('id', '=', taskId));
  if (!row) throw new AppError('task.notFound', `没有找到抽查任务（编号 ${taskId}）。`);
  return row.bureau_name;
}

export function readTask(raw: BetterSqlite3.Database, id: number): TaskView {
  const row = first(raw, qb.selectFrom('tasks').selectAll().where('id', '=', id));
  if (!row) throw new AppError('task.notFound', `没有找到抽查任务（编号 ${id}），可能尚未保存。`);
  return taskView(raw, row);
}

export function readTasksOfPlan(raw: BetterSqlite3.Database, planId: number): TaskView[] {
  const rows = all(raw, qb.selectFrom('tasks').selectAll().where('plan_id', '=', planId).orderBy('seq'));
  return rows.map((row) => taskView(raw, row));
}

/** The task's live draw: a committed or later one before a mere preparation, the newest first. */
function liveDraw(raw: BetterSqlite3.Database, taskId: number) {
  return first(
    raw,
    qb
      .selectFrom('draws')
      .select(['id', 'state'])
      .where('task_id', '=', taskId)
      .where('state', '<>', 'voided')
      .orderBy((eb) => eb('state', '=', 'prepared'))
      .orderBy('id', 'desc')
      .limit(1),
  );
}

function taskView(raw: BetterSqlite3.Database, row: Selectable<TasksTable>): TaskView {
  const items = all(
    raw,
    qb
      .selectFrom('task_items as t')
      .innerJoin('items as i', 'i.id', 't.item_id')
      .select(['i.id', 'i.name', 'i.check_type as checkType', 'i.authority'])
      .where('t.task_id', '=', row.id)
      .orderBy('t.ordinal'),
  );
  const joiningDepartments = column(
    raw,
    qb.selectFrom('task_departments').select('department').where('task_id', '=', row.id).orderBy('ordinal'),
  );
  const draw = liveDraw(raw, row.id);
  const config = JSON.parse(row.config) as TaskConfig;
  return {
    ...config,
    id: row.id,
    planId: row.plan_id,
    year: row.year,
    seq: row.seq,
    number: row.number,
    name: row.name,
    leadDepartment: row.lead_department,
    joiningDepartments,
    items,
    startDate: row.start_date,
    endDate: row.end_date,
    frequency: row.frequency,
    drawStatus: draw ? DRAW_STATUS[draw.state] : '未抽取',
    drawId: draw?.id ?? null,
    updatedAt: row.updated_at,
  };
}
