/**
 * Saving a 抽查任务: create and edit (items from the 清单, lead and joining departments, scope, ratios, window, team
 * rules). A task of a published plan changes only together with a new published version of the plan, in the same
 * transaction; a task whose draw has been committed does not change at all (its inputs are public).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { teamSizeProblem } from '@shared/domain/number-rules';
import type { Settings } from '@shared/domain/settings';
import {
  ALL_GRADES_ZERO,
  allGradesZero,
  formatTaskNumber,
  periodYearProblem,
  type TaskConfig,
  type TaskInput,
  type TaskRefusal,
} from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { column, first, qb, run, value } from '../db/sql';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { readSettings, readTask } from './tasks';
import { unknownConflictText } from './conflict-parties';
import { refuseEmptyScopes } from './plan-write';

/** Publishes the plan's next version inside the caller's transaction (plan-write.publishChange). */
export type PublishChange = (planId: number, reason: string) => void;

interface PlanOfTask {
  id: number;
  year: number;
  version: number;
  title: string;
}

/** The config column holds exactly TaskConfig's fields, in this order (stable JSON for versions and diffs). */
function configOf(input: TaskConfig): TaskConfig {
  return {
    scope: input.scope,
    excludeRecentYears: input.excludeRecentYears,
    ratio: input.ratio,
    teamSize: input.teamSize,
    packageSize: input.packageSize,
    maxPackagesPerInspector: input.maxPackagesPerInspector,
    clusterBy: input.clusterBy,
    requiredTags: input.requiredTags,
    inspectorScope: input.inspectorScope,
    includeExperts: input.includeExperts,
    expertTags: input.expertTags,
    avoidOwnOffice: input.avoidOwnOffice,
    distinctOffices: input.distinctOffices,
    conflicts: input.conflicts,
  };
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** 停用 items the request adds to the task: a task that already has one keeps it, a new choice of one is refused. */
function retiredNewItems(raw: BetterSqlite3.Database, input: TaskInput): string[] {
  const kept = input.id
    ? column(raw, qb.selectFrom('task_items').select('item_id').where('task_id', '=', input.id))
    : [];
  const query = qb.selectFrom('items').select('name').where('id', 'in', input.itemIds).where('status', '=', '停用');
  return column(raw, kept.length > 0 ? query.where('id', 'not in', kept) : query);
}

/**
 * The rules zod cannot see (they need the database or cross fields); each refusal names the field in Chinese, and in
 * its details the request's key (TaskRefusal), so the editor shows it at that field.
 */
function validate(raw: BetterSqlite3.Database, input: TaskInput, planYear: number, settings: Settings): void {
  const fail = (field: TaskRefusal['field'], message: string) => {
    throw new AppError('task.invalid', message, { field } satisfies TaskRefusal);
  };
  if (input.name.trim() === '') fail('name', '任务名称不能为空。');
  if (input.leadDepartment.trim() === '') fail('leadDepartment', '请选择牵头部门。');
  if (input.joiningDepartments.includes(input.leadDepartment))
    fail('joiningDepartments', '联合部门中不能再包含牵头部门。');
  if (input.itemIds.length === 0) fail('itemIds', '请至少选择一个检查事项。');
  const known = value(
    raw,
    qb
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', input.itemIds),
  );
  if (known !== new Set(input.itemIds).size) fail('itemIds', '所选检查事项中有的已不在事项清单中，请重新选择。');
  const retired = retiredNewItems(raw, input);
  if (retired.length > 0) fail('itemIds', `检查事项「${retired.join('」「')}」已停用，不能加入任务。请重新选择。`);
  if (!isDate(input.startDate) || !isDate(input.endDate)) fail('startDate', '开展时间的日期格式应为 YYYY-MM-DD。');
  if (input.startDate > input.endDate) fail('startDate', '开展时间的开始日期不能晚于结束日期。');
  if (Number(input.startDate.slice(0, 4)) !== planYear) fail('startDate', `${periodYearProblem(planYear)}。`);
  const teamSize = teamSizeProblem(input.teamSize, settings.minTeamSize);
  if (teamSize) fail('teamSize', `${teamSize}。`);
  if (input.packageSize < 1) fail('packageSize', '名单包至少 1 户。');
  if (input.maxPackagesPerInspector < 1) fail('maxPackagesPerInspector', '每人最多参加的检查组数至少为 1。');
  const { kind, offices } = input.inspectorScope;
  if (kind === '若干所' && offices.length < 2) fail('inspectorScope', '“若干所内随机”请至少选择 2 个市场监管所。');
  if (kind === '单一所' && offices.length !== 1) fail('inspectorScope', '“单一所内随机”请选择 1 个市场监管所。');
  if (input.ratio.mode === 'fixed' && input.ratio.count < 1) fail('ratio', '固定抽取户数至少为 1。');
  if (input.ratio.mode === 'uniform' && input.ratio.bp < 1) fail('ratio', '抽查比例不能为 0。');
  if (input.ratio.mode === 'grades' && allGradesZero(input.ratio.gradeBp)) fail('ratio', `${ALL_GRADES_ZERO}。`);
  if (input.excludeRecentYears < 0) fail('excludeRecentYears', '排除年数不能为负。');
  const unknown = unknownConflictText(raw, input.conflicts);
  if (unknown) {
    const message = `${unknown}，任务未保存。请在「回避关系」中重新选择。`;
    throw new AppError('task.unknownConflict', message, { field: 'conflicts' });
  }
}

/** The task row's columns that the form sets (the rest are fixed at creation). */
function editableColumns(input: TaskInput, at: string) {
  return {
    name: input.name.trim(),
    lead_department: input.leadDepartment.trim(),
    start_date: input.startDate,
    end_date: input.endDate,
    frequency: input.frequency.trim(),
    ratio_mode: input.ratio.mode,
    config: JSON.stringify(configOf(input)),
    updated_at: at,
  };
}

function insertTask(raw: BetterSqlite3.Database, input: TaskInput, plan: PlanOfTask, settings: Settings, at: string) {
  const seq =
    (value(
      raw,
      qb
        .selectFrom('tasks')
        .select((eb) => eb.fn.max('seq').as('m'))
        .where('year', '=', plan.year),
    ) ?? 0) + 1;
  const row = {
    plan_id: plan.id,
    year: plan.year,
    seq,
    number: formatTaskNumber(settings.bureauShortName, plan.year, seq),
    bureau_name: settings.bureauName,
    ...editableColumns(input, at),
    created_at: at,
  };
  return Number(run(raw, qb.insertInto('tasks').values(row)).lastInsertRowid);
}

/** An existing task of this plan whose draw is not yet committed may change. */
function checkEditable(raw: BetterSqlite3.Database, taskId: number, plan: PlanOfTask): void {
  const existing = first(raw, qb.selectFrom('tasks').select('plan_id').where('id', '=', taskId));
  if (!existing) throw new AppError('task.notFound', `没有找到抽查任务（编号 ${taskId}）。`);
  if (existing.plan_id !== plan.id) throw new AppError('task.invalid', '任务不能移到其他计划。');
  const committed = first(
    raw,
    qb
      .selectFrom('draws')
      .select('attempt')
      .where('task_id', '=', taskId)
      .where('state', 'in', ['committed', 'revealed', 'sealed']),
  );
  if (committed) {
    throw new AppError(
      'task.drawCommitted',
      '该任务的抽取已经承诺，抽取条件已经公开，不能再修改；如确需修改，请先作废抽取并写明理由。',
    );
  }
}

function updateTask(raw: BetterSqlite3.Database, input: TaskInput, taskId: number, at: string, actor: string) {
  run(raw, qb.updateTable('tasks').set(editableColumns(input, at)).where('id', '=', taskId));
  run(raw, qb.deleteFrom('task_items').where('task_id', '=', taskId));
  run(raw, qb.deleteFrom('task_departments').where('task_id', '=', taskId));
  // A preparation froze the old settings: it no longer matches the task.
  run(
    raw,
    qb
      .updateTable('draws')
      .set({ state: 'voided', voided_at: at, voided_by: actor, void_reason: '任务已修改，准备作废' })
      .where('task_id', '=', taskId)
      .where('state', '=', 'prepared'),
  );
  run(
    raw,
    qb
      .deleteFrom('draw_inputs')
      .where('draw_id', 'in', (eb) =>
        eb
          .selectFrom('draws')
          .select('id')
          .where('task_id', '=', taskId)
          .where('state', '=', 'voided')
          .where('committed_at', 'is', null),
      ),
  );
}

function writeItemsAndDepartments(raw: BetterSqlite3.Database, taskId: number, input: TaskInput): void {
  [...new Set(input.itemIds)].forEach((itemId, i) =>
    run(raw, qb.insertInto('task_items').values({ task_id: taskId, ordinal: i + 1, item_id: itemId })),
  );
  [...new Set(input.joiningDepartments.map((d) => d.trim()).filter((d) => d !== ''))].forEach((department, i) =>
    run(raw, qb.insertInto('task_departments').values({ task_id: taskId, ordinal: i + 1, department })),
  );
}

function planOfTask(raw: BetterSqlite3.Database, planId: number): PlanOfTask {
  const plan = first(raw, qb.selectFrom('plans').select(['id', 'year', 'version', 'title']).where('id', '=', planId));
  if (!plan) throw new AppError('plan.notFound', '没有找到该年度计划，请先保存计划。');
  return plan;
}

/** Creates or edits a task with its audit row (and the plan's next version, once published); returns its id. */
export function saveTask(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  input: TaskInput,
  publishChange: PublishChange,
): number {
  const at = ctx.now().toISOString();
  const actor = ctx.actor();
  const settings = readSettings(raw);
  return raw
    .transaction(() => {
      const plan = planOfTask(raw, input.planId);
      validate(raw, input, plan.year, settings);
      const reason = input.changeReason?.trim() ?? '';
      if (plan.version > 0 && reason === '') {
        throw new AppError('plan.reasonRequired', `《${plan.title}》已公示，修改任务将发布新版本，请填写修改理由。`, {
          field: 'changeReason',
        } satisfies TaskRefusal);
      }
      let taskId: number;
      if (input.id === undefined) taskId = insertTask(raw, input, plan, settings, at);
      else {
        checkEditable(raw, input.id, plan);
        taskId = input.id;
        updateTask(raw, input, taskId, at, actor);
      }
      writeItemsAndDepartments(raw, taskId, input);
      appendAuditRaw(
        raw,
        {
          actor,
          action: input.id === undefined ? 'tasks:create' : 'tasks:update',
          target: `tasks:${taskId}`,
          detail: { planId: plan.id, name: input.name, reason: reason || null },
        },
        ctx.now(),
      );
      if (plan.version > 0) {
        refuseEmptyScopes(raw, plan.title, [readTask(raw, taskId)]);
        publishChange(plan.id, reason);
      }
      return taskId;
    })
    .immediate();
}
