/**
 * Deleting what never left the office: a draft plan (never published) with its tasks, or one task of a draft plan.
 * Anything published is part of a public document and anything prepared or drawn is part of a draw's record: both
 * are refused, and the database's triggers refuse them too.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { all, first, qb, run } from '../db/sql';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { PlanRow } from './plan-read';
import { draftPlan } from './plan-write';

function taskRow(raw: BetterSqlite3.Database, id: number) {
  const task = first(raw, qb.selectFrom('tasks').select(['id', 'plan_id', 'number', 'name']).where('id', '=', id));
  if (!task) throw new AppError('task.notFound', `没有找到抽查任务（编号 ${id}）。`);
  return task;
}

/** Tasks among `taskIds` that have a draw of any state (a voided one too: its record stays). */
function drawnTasks(raw: BetterSqlite3.Database, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return all(
    raw,
    qb
      .selectFrom('tasks')
      .select(['number', 'name'])
      .where('id', 'in', [...taskIds])
      .where((eb) => eb.exists(eb.selectFrom('draws').select('draws.id').whereRef('draws.task_id', '=', 'tasks.id')))
      .orderBy('seq'),
  );
}

function removeTasks(raw: BetterSqlite3.Database, taskIds: readonly number[]): void {
  if (taskIds.length === 0) return;
  run(raw, qb.deleteFrom('task_items').where('task_id', 'in', [...taskIds]));
  run(raw, qb.deleteFrom('task_departments').where('task_id', 'in', [...taskIds]));
  run(raw, qb.deleteFrom('tasks').where('id', 'in', [...taskIds]));
}

const planNotDeletable = (plan: PlanRow) =>
  new AppError(
    'plan.notDeletable',
    `《${plan.title}》已公示（第 ${plan.version} 版），公示过的计划不能删除；如需调整，请修改任务并写明理由，发布新版本。`,
  );

const taskNotDeletable = (taskName: string, plan: PlanRow) =>
  new AppError(
    'task.notDeletable',
    `任务「${taskName}」所在的计划《${plan.title}》已公示，公示过的任务不能删除；如需调整，请修改任务并写明理由，发布新版本。`,
  );

/** Deletes a draft plan and its tasks, with one audit row naming them. */
export function deletePlan(raw: BetterSqlite3.Database, ctx: ServiceContext, id: number): void {
  raw
    .transaction(() => {
      const plan = draftPlan(raw, id, planNotDeletable);
      const tasks = all(raw, qb.selectFrom('tasks').select(['id', 'number', 'name']).where('plan_id', '=', id));
      const taskIds = tasks.map((t) => t.id);
      const drawn = drawnTasks(raw, taskIds);
      if (drawn.length > 0)
        throw new AppError('plan.notDeletable', `任务「${drawn[0]!.name}」已经准备过抽取，计划不能删除。`);
      removeTasks(raw, taskIds);
      run(raw, qb.deleteFrom('plans').where('id', '=', id));
      const detail = { year: plan.year, title: plan.title, tasks: tasks.map((t) => `${t.number} ${t.name}`) };
      appendAuditRaw(raw, { actor: ctx.actor(), action: 'plans:delete', target: `plans:${id}`, detail }, ctx.now());
    })
    .immediate();
}

/** Deletes one task of a draft plan that was never prepared, with its audit row. */
export function deleteTask(raw: BetterSqlite3.Database, ctx: ServiceContext, id: number): void {
  raw
    .transaction(() => {
      const task = taskRow(raw, id);
      const plan = draftPlan(raw, task.plan_id, (published) => taskNotDeletable(task.name, published));
      if (drawnTasks(raw, [id]).length > 0)
        throw new AppError('task.notDeletable', `任务「${task.name}」已经准备过抽取，不能删除。`);
      removeTasks(raw, [id]);
      const detail = { planId: plan.id, number: task.number, name: task.name };
      appendAuditRaw(raw, { actor: ctx.actor(), action: 'tasks:delete', target: `tasks:${id}`, detail }, ctx.now());
    })
    .immediate();
}
