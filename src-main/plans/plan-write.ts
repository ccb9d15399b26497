import type BetterSqlite3 from 'better-sqlite3';
import type { PlanPublication, PlanPublicationRow } from '@shared/domain/documents';
import type { PlanInput } from '@shared/domain/plans';
import { describeTask, type TaskView } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { first, qb, run } from '../db/sql';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { previewScope } from '../draws/scope';
import { requireBureau } from '../settings/bureau';
import { planRow, type PlanRow } from './plan-read';
import { readSettings, readTasksOfPlan } from './tasks';

/** One row of the 公示 table per task; 预计抽查数量 is counted from the roster now. */
export function publicationRow(raw: BetterSqlite3.Database, task: TaskView): PlanPublicationRow {
  const preview = previewScope(raw, task);
  const { inspectingBody, scope, period, ratio } = describeTask(task);
  return {
    inspectingBody,
    taskName: task.name,
    items: task.items.map((item) => item.name),
    scope,
    period,
    ratio,
    frequency: task.frequency,
    expectedCount: preview.expected,
  };
}

/** Freezes the plan and its tasks as they stand now into version `version` (inside the caller's transaction). */
function freezeVersion(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  plan: PlanRow,
  tasks: readonly TaskView[],
  version: number,
  reason: string | null,
): void {
  requireBureau(raw, '公示计划');
  if (tasks.length === 0) throw new AppError('plan.empty', '计划中还没有抽查任务，不能公示。');
  const at = ctx.now().toISOString();
  const publication: PlanPublication = {
    bureauName: readSettings(raw).bureauName,
    title: plan.title,
    year: plan.year,
    version,
    publishedAt: at,
    changeReason: reason,
    rows: tasks.map((task) => publicationRow(raw, task)),
  };
  run(
    raw,
    qb.insertInto('plan_versions').values({
      plan_id: plan.id,
      version,
      published_at: at,
      actor: ctx.actor(),
      reason,
      publication: JSON.stringify(publication),
      tasks: JSON.stringify(tasks),
    }),
  );
  run(raw, qb.updateTable('plans').set({ status: '已公示', version, updated_at: at }).where('id', '=', plan.id));
  appendAuditRaw(
    raw,
    { actor: ctx.actor(), action: 'plans:publish', target: `plans:${plan.id}`, detail: { version, reason } },
    ctx.now(),
  );
}

/** The next version of a published plan, for a change made in the caller's transaction. */
export function publishChange(raw: BetterSqlite3.Database, ctx: ServiceContext, planId: number, reason: string): void {
  const plan = planRow(raw, planId);
  freezeVersion(raw, ctx, plan, readTasksOfPlan(raw, planId), plan.version + 1, reason);
}

/**
 * A task with nothing in its scope would publish an inspection that cannot be drawn: checked for a plan's tasks at
 * publication, and for one task added or changed in a published plan.
 */
export function refuseEmptyScopes(raw: BetterSqlite3.Database, title: string, tasks: readonly TaskView[]): void {
  const empty = tasks.filter((task) => previewScope(raw, task).total === 0);
  if (empty.length === 0) return;
  const names = empty.map((task) => `「${task.name}」`).join('、');
  throw new AppError(
    'plan.emptyScope',
    `任务${names}的检查对象范围内没有检查对象，《${title}》不能公示。请调整该任务的检查对象范围，或删除该任务后再公示。`,
    { taskIds: empty.map((task) => task.id) },
  );
}

/** The plan, still a 草稿 (never published); a published one is refused with `refusal(plan)`. */
export function draftPlan(raw: BetterSqlite3.Database, id: number, refusal: (plan: PlanRow) => AppError): PlanRow {
  const plan = planRow(raw, id);
  if (plan.version > 0) throw refusal(plan);
  return plan;
}

const alreadyPublished = (plan: PlanRow) =>
  new AppError(
    'plan.alreadyPublished',
    `《${plan.title}》已于第 ${plan.version} 版公示；修改计划或任务时填写理由即发布新版本。`,
  );

/** 草稿 → 已公示 (version 1). A published plan changes through save/tasks:save with a reason instead. */
export function publishPlan(raw: BetterSqlite3.Database, ctx: ServiceContext, id: number): void {
  raw
    .transaction(() => {
      const plan = draftPlan(raw, id, alreadyPublished);
      const tasks = readTasksOfPlan(raw, id);
      refuseEmptyScopes(raw, plan.title, tasks);
      freezeVersion(raw, ctx, plan, tasks, 1, null);
    })
    .immediate();
}

function createPlan(raw: BetterSqlite3.Database, ctx: ServiceContext, year: number, title: string): number {
  // One plan a year: a change to it is a new published version of that plan, never a second plan.
  const clash = first(raw, qb.selectFrom('plans').select(['title', 'version']).where('year', '=', year));
  if (clash)
    throw new AppError(
      'plan.duplicate',
      `${year} 年已有年度计划《${clash.title}》，一年只能有一个计划。请打开该计划添加任务${clash.version > 0 ? '；修改已公示的计划将发布新版本' : ''}。`,
    );
  const at = ctx.now().toISOString();
  const newId = Number(
    run(raw, qb.insertInto('plans').values({ year, title, status: '草稿', version: 0, created_at: at, updated_at: at }))
      .lastInsertRowid,
  );
  appendAuditRaw(
    raw,
    { actor: ctx.actor(), action: 'plans:create', target: `plans:${newId}`, detail: { year, title } },
    ctx.now(),
  );
  return newId;
}

function renamePlan(raw: BetterSqlite3.Database, ctx: ServiceContext, plan: PlanRow, input: PlanInput, title: string) {
  const reason = input.changeReason?.trim() ?? '';
  if (plan.version > 0 && reason === '')
    throw new AppError('plan.reasonRequired', `《${plan.title}》已公示，修改将发布新版本，请填写修改理由。`);
  const at = ctx.now().toISOString();
  run(raw, qb.updateTable('plans').set({ title, updated_at: at }).where('id', '=', plan.id));
  appendAuditRaw(
    raw,
    {
      actor: ctx.actor(),
      action: 'plans:update',
      target: `plans:${plan.id}`,
      detail: { from: plan.title, to: title, reason: reason || null },
    },
    ctx.now(),
  );
  if (plan.version > 0) publishChange(raw, ctx, plan.id, reason);
}

/** Creates a draft, or renames a plan (a published one: with a reason, as its next version); returns its id. */
export function savePlan(raw: BetterSqlite3.Database, ctx: ServiceContext, input: PlanInput): number {
  const title = input.title.trim();
  if (title === '') throw new AppError('plan.invalid', '计划名称不能为空。');
  return raw
    .transaction(() => {
      if (input.id === undefined) return createPlan(raw, ctx, input.year, title);
      const plan = planRow(raw, input.id);
      if (plan.year !== input.year) throw new AppError('plan.invalid', '计划年度创建后不能修改。');
      if (plan.title !== title) renamePlan(raw, ctx, plan, input, title);
      return plan.id;
    })
    .immediate();
}
