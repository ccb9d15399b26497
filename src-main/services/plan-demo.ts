/**
 * The demo county's year plan with one task (for `demo --out`, the tests and the ceremony benchmark): a credit-graded
 * food-safety task over the demo roster (src-main/services/demo-data.ts), published, ready to draw.
 */
import type { TaskInput } from '@shared/domain/tasks';
import { defaultPlanTitle } from '@shared/domain/plans';
import { AppError } from '@shared/errors';
import type { Services } from './index';
import { localDate } from './draw-inputs';
import { readSettings } from './task-service';

/** Items of the demo list the task inspects (by name; demo-data.ts holds them). */
export const DEMO_TASK_ITEMS = ['食品经营者经营条件和经营行为的检查', '餐饮服务提供者食品安全的检查', '营业执照(登记证)规范使用情况的检查'];

/** The demo task: food sellers and restaurants, ratio by credit grade, teams of two with a 食品-qualified member. */
export function demoTaskInput(raw: Parameters<typeof readSettings>[0], planId: number, now: Date, overrides: Partial<TaskInput> = {}): TaskInput {
  const settings = readSettings(raw);
  const itemId = raw.prepare('SELECT id FROM items WHERE name = ?').pluck();
  const itemIds = DEMO_TASK_ITEMS.map((name) => itemId.get(name) as number | undefined);
  if (itemIds.some((id) => id === undefined)) throw new AppError('demo.noItems', '事项清单中没有示例事项,请先加载示例数据(demo --entities N)。');
  const start = localDate(now);
  const end = localDate(new Date(now.getTime() + 60 * 24 * 3600 * 1000));
  return {
    planId,
    name: `${now.getFullYear()}年食品经营者双随机抽查`,
    leadDepartment: settings.bureauName,
    joiningDepartments: [],
    itemIds: itemIds as number[],
    startDate: start,
    endDate: end,
    frequency: '每年1次',
    scope: { entityTypes: [], industries: ['食品销售', '餐饮服务'], areas: [], offices: [], tags: [], grades: [] },
    excludeRecentYears: settings.recentInspectionYears,
    ratio: { mode: 'grades', gradeBp: { ...settings.gradeRatioBp, 未评级: settings.defaultRatioBp } },
    teamSize: 2,
    packageSize: 3,
    maxPackagesPerInspector: 4,
    clusterBy: 'area',
    requiredTags: ['食品'],
    inspectorScope: { kind: '全局', offices: [] },
    includeExperts: false,
    expertTags: [],
    avoidOwnOffice: settings.avoidOwnOffice,
    distinctOffices: false,
    conflicts: [],
    ...overrides,
  };
}

/** Creates the year's plan with the demo task and publishes it; returns their ids. */
export function createDemoPlan(services: Services, raw: Parameters<typeof readSettings>[0], now: Date, overrides: Partial<TaskInput> = {}): { planId: number; taskId: number } {
  const year = now.getFullYear();
  const plan = services.plans.save({ year, title: defaultPlanTitle(year) });
  const task = services.tasks.save(demoTaskInput(raw, plan.id, now, overrides));
  services.plans.publish(plan.id);
  return { planId: plan.id, taskId: task.id };
}
