/** The task block both announcements print: plan, task, 抽查类型, items, scope, dates, 检查机关 and the count. */
import type BetterSqlite3 from 'better-sqlite3';
import type { AnnouncementTask } from '@shared/domain/disclosure';
import { describeScope, type TaskScope } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { first, qb, value } from '../db/sql';
import { readTask } from '../plans/tasks';

/** 定向 when the task drew by any condition, 不定向 when from the whole roster. */
export function drawKind(scope: TaskScope): '定向' | '不定向' {
  const lists = [scope.entityTypes, scope.industries, scope.areas, scope.offices, scope.tags, scope.grades];
  return lists.some((l) => l.length > 0) ? '定向' : '不定向';
}

/** 抽查计划编号: the plan's year and its order among the year's plans, 〔2026〕1号. */
function planNumber(raw: BetterSqlite3.Database, planId: number, year: number): string {
  const n = value(
    raw,
    qb
      .selectFrom('plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('year', '=', year)
      .where('id', '<=', planId),
  );
  return `〔${year}〕${n ?? 1}号`;
}

export function announcementTask(raw: BetterSqlite3.Database, taskId: number, entityCount: number): AnnouncementTask {
  const task = readTask(raw, taskId);
  const plan = first(raw, qb.selectFrom('plans').select(['title', 'year']).where('id', '=', task.planId));
  if (!plan) throw new AppError('disclosure.taskNotFound', `抽查任务${task.number}所属的年度计划已不存在。`);
  const bureau = first(raw, qb.selectFrom('tasks').select('bureau_name').where('id', '=', taskId))!.bureau_name;
  return {
    taskId,
    planNumber: planNumber(raw, task.planId, plan.year),
    planName: plan.title,
    taskNumber: task.number,
    taskName: task.name,
    drawKind: drawKind(task.scope),
    items: task.items.map((i) => i.name),
    scope: describeScope(task.scope, task.excludeRecentYears),
    startDate: task.startDate,
    endDate: task.endDate,
    bureauName: bureau,
    joiningDepartments: task.joiningDepartments,
    entityCount,
  };
}

/** 检查机关 with the 联合部门: "某县市场监督管理局（联合：县卫生健康委员会）". */
export function inspectingBody(task: Pick<AnnouncementTask, 'bureauName' | 'joiningDepartments'>): string {
  if (task.joiningDepartments.length === 0) return task.bureauName;
  return `${task.bureauName}（联合：${task.joiningDepartments.join('、')}）`;
}
