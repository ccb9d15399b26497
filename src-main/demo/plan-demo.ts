/**
 * The demo county's year plan with one task (for `demo --out`, the tests and the ceremony benchmark): a credit-graded
 * food-safety task over the demo roster (src-main/demo/demo-data.ts), published, ready to draw.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { TaskInput } from '@shared/domain/tasks';
import { defaultPlanTitle } from '@shared/domain/plans';
import { AppError } from '@shared/errors';
import type { Services } from '../app/services';
import { chinaDate } from '@shared/domain/china-time';
import { qb, value } from '../db/sql';
import { previewScope } from '../draws/scope';
import { readSettings } from '../plans/tasks';

/** Items of the demo list the task inspects (by name; demo-data.ts holds them). */
export const DEMO_TASK_ITEMS = [
  '食品经营者经营条件和经营行为的检查',
  '餐饮服务提供者食品安全的检查',
  '营业执照（登记证）规范使用情况的检查',
];

/** 在岗 inspectors qualified for 食品 (json_each over each one's tags). */
function foodQualifiedInspectors(raw: BetterSqlite3.Database): number {
  const tags = sql<string>`json_each(inspectors.tags)`.as('tag');
  const query = qb
    .selectFrom(['inspectors', tags])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', '在岗')
    .where(sql<string>`tag.value`, '=', '食品');
  return value(raw, query) ?? 0;
}

/** The demo task: food sellers and restaurants, ratio by credit grade, teams of two with a 食品-qualified member. */
export function demoTaskInput(
  raw: BetterSqlite3.Database,
  planId: number,
  now: Date,
  overrides: Partial<TaskInput> = {},
): TaskInput {
  const settings = readSettings(raw);
  const itemIds = DEMO_TASK_ITEMS.map((name) =>
    value(raw, qb.selectFrom('items').select('id').where('name', '=', name)),
  );
  if (itemIds.some((id) => id === undefined))
    throw new AppError('demo.noItems', '事项清单中没有示例事项，请先加载示例数据（demo --entities N）。');
  // Sized to the county so any demo size can be drawn: enough packages per 食品-qualified inspector to staff every
  // team (a small demo county has few of them), and no tag requirement when there are hardly any.
  const scope = { entityTypes: [], industries: ['食品销售', '餐饮服务'], areas: [], offices: [], tags: [], grades: [] };
  const ratio = { mode: 'grades' as const, gradeBp: { ...settings.gradeRatioBp, 未评级: settings.defaultRatioBp } };
  const holders = foodQualifiedInspectors(raw);
  const areas =
    value(
      raw,
      qb.selectFrom('entities').select((eb) => eb.fn.count<number>('area').distinct().as('n')),
    ) ?? 0;
  const packages =
    Math.ceil(
      previewScope(raw, { scope, ratio, excludeRecentYears: settings.recentInspectionYears, startDate: chinaDate(now) })
        .expected / 3,
    ) + areas;
  const requiredTags = holders >= 5 ? ['食品'] : [];
  const cap = Math.max(4, Math.ceil((3 * packages) / Math.max(1, requiredTags.length > 0 ? holders : 10)));
  const start = chinaDate(now);
  const end = chinaDate(new Date(now.getTime() + 60 * 24 * 3600 * 1000));
  return {
    planId,
    name: `${now.getFullYear()}年食品经营者双随机抽查`,
    leadDepartment: settings.bureauName,
    joiningDepartments: [],
    itemIds: itemIds.filter((id) => id !== undefined),
    startDate: start,
    endDate: end,
    frequency: '每年1次',
    scope,
    excludeRecentYears: settings.recentInspectionYears,
    ratio,
    teamSize: 2,
    packageSize: 3,
    maxPackagesPerInspector: cap,
    clusterBy: 'area',
    requiredTags,
    inspectorScope: { kind: '全局', offices: [] },
    includeExperts: false,
    expertTags: [],
    avoidOwnOffice: settings.avoidOwnOffice,
    distinctOffices: false,
    conflicts: [],
    ...overrides,
  };
}

/**
 * Adds the demo task to the year's plan (created first when the year has none) and publishes: version 1 for a new
 * plan, the next version of a published one. Returns their ids.
 */
export function createDemoPlan(
  services: Services,
  raw: BetterSqlite3.Database,
  now: Date,
  overrides: Partial<TaskInput> = {},
): { planId: number; taskId: number } {
  const year = now.getFullYear();
  const plan = services.plans.list(year)[0] ?? services.plans.save({ year, title: defaultPlanTitle(year) });
  const changeReason = plan.version > 0 ? '增加抽查任务' : undefined;
  const task = services.tasks.save({ ...demoTaskInput(raw, plan.id, now, overrides), changeReason });
  if (plan.version === 0) services.plans.publish(plan.id);
  return { planId: plan.id, taskId: task.id };
}
