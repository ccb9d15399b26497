import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { PlanPublication } from '@shared/domain/documents';
import type { PlanSummary, PlanVersionSummary, PlanVersionView, PlanView } from '@shared/domain/plans';
import type { TaskView } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import type { PlansTable } from '../db/schema';
import { all, first, qb, value } from '../db/sql';
import { readTasksOfPlan } from './tasks';

const PLAN_COLUMNS = ['id', 'year', 'title', 'status', 'version', 'updated_at'] as const;

function planRows() {
  return qb.selectFrom('plans').select(PLAN_COLUMNS);
}

export type PlanRow = Pick<Selectable<PlansTable>, (typeof PLAN_COLUMNS)[number]>;

export function planRow(raw: BetterSqlite3.Database, id: number): PlanRow {
  const plan = first(raw, planRows().where('id', '=', id));
  if (!plan) throw new AppError('plan.notFound', `没有找到年度计划（编号 ${id}）。`);
  return plan;
}

function planSummary(raw: BetterSqlite3.Database, plan: PlanRow): PlanSummary {
  const taskCount = value(
    raw,
    qb
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', plan.id),
  );
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    status: plan.status,
    version: plan.version,
    taskCount: taskCount ?? 0,
    updatedAt: plan.updated_at,
  };
}

function versionSummaries(raw: BetterSqlite3.Database, planId: number): PlanVersionSummary[] {
  const rows = all(
    raw,
    qb
      .selectFrom('plan_versions')
      .select(['version', 'published_at', 'actor', 'reason'])
      .where('plan_id', '=', planId)
      .orderBy('version', 'desc'),
  );
  return rows.map((v) => ({ version: v.version, publishedAt: v.published_at, actor: v.actor, reason: v.reason }));
}

export function listPlans(raw: BetterSqlite3.Database, year?: number): PlanSummary[] {
  const query =
    year === undefined
      ? planRows().orderBy('year', 'desc').orderBy('id')
      : planRows().where('year', '=', year).orderBy('id');
  return all(raw, query).map((plan) => planSummary(raw, plan));
}

export function getPlan(raw: BetterSqlite3.Database, id: number): PlanView {
  const plan = planRow(raw, id);
  return { ...planSummary(raw, plan), tasks: readTasksOfPlan(raw, id), versions: versionSummaries(raw, id) };
}

export function planVersions(raw: BetterSqlite3.Database, planId: number): PlanVersionView[] {
  planRow(raw, planId);
  const rows = all(
    raw,
    qb
      .selectFrom('plan_versions')
      .select(['version', 'published_at', 'actor', 'reason', 'publication', 'tasks'])
      .where('plan_id', '=', planId)
      .orderBy('version', 'desc'),
  );
  return rows.map((v) => ({
    planId,
    version: v.version,
    publishedAt: v.published_at,
    actor: v.actor,
    reason: v.reason,
    publication: JSON.parse(v.publication) as PlanPublication,
    tasks: JSON.parse(v.tasks) as TaskView[],
  }));
}

export function planPublication(raw: BetterSqlite3.Database, planId: number, version?: number): PlanPublication {
  const plan = planRow(raw, planId);
  const wanted = version ?? plan.version;
  if (wanted === 0) throw new AppError('plan.notPublished', `《${plan.title}》尚未公示，没有可导出的公示版本。`);
  const text = value(
    raw,
    qb.selectFrom('plan_versions').select('publication').where('plan_id', '=', planId).where('version', '=', wanted),
  );
  if (text === undefined) throw new AppError('plan.noSuchVersion', `《${plan.title}》没有第 ${wanted} 版。`);
  return JSON.parse(text) as PlanPublication;
}
