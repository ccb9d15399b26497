/**
 * 抽查任务 within a plan: create and edit (items from the 清单, lead and joining departments, scope, ratios, window,
 * team rules), and the live scope preview of the task page. A task of a published plan changes only together with a
 * new published version of the plan (plan-service.publishChange), in the same transaction; a task whose draw has been
 * committed does not change at all (its inputs are public). Plain Node over the raw handle, synchronous: every write
 * is one better-sqlite3 transaction with its audit row.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/settings';
import {
  formatTaskNumber,
  type ScopePreview,
  type TaskConfig,
  type TaskDrawStatus,
  type TaskInput,
  type TaskItemRef,
  type TaskView,
} from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import type { TasksTable } from '../db/schema';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { previewScope, type ScopeRequest } from '../draws/scope';
import { previewPool, type PoolPreviewRequest } from '../draws/inspector-pool';

type TaskRow = Omit<TasksTable, 'id'> & { id: number };

const DRAW_STATUS: Record<string, TaskDrawStatus> = {
  prepared: '已准备',
  committed: '已承诺',
  revealed: '已揭晓',
  sealed: '已封存',
};

/** Settings as stored (one JSON row per key over the defaults), read on the raw handle. */
export function readSettings(raw: BetterSqlite3.Database): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of raw.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    if (row.key in DEFAULT_SETTINGS) merged[row.key] = JSON.parse(row.value) as unknown;
  }
  return merged as unknown as Settings;
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

export function readTask(raw: BetterSqlite3.Database, id: number): TaskView {
  const row = raw.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
  if (!row) throw new AppError('task.notFound', `没有找到抽查任务(编号 ${id}),可能尚未保存。`);
  return taskView(raw, row);
}

export function readTasksOfPlan(raw: BetterSqlite3.Database, planId: number): TaskView[] {
  const rows = raw.prepare('SELECT * FROM tasks WHERE plan_id = ? ORDER BY seq').all(planId) as TaskRow[];
  return rows.map((row) => taskView(raw, row));
}

function taskView(raw: BetterSqlite3.Database, row: TaskRow): TaskView {
  const items = raw
    .prepare(
      `SELECT i.id, i.name, i.check_type AS checkType, i.authority FROM task_items t JOIN items i ON i.id = t.item_id
       WHERE t.task_id = ? ORDER BY t.ordinal`,
    )
    .all(row.id) as TaskItemRef[];
  const joiningDepartments = raw
    .prepare('SELECT department FROM task_departments WHERE task_id = ? ORDER BY ordinal')
    .pluck()
    .all(row.id) as string[];
  const draw = raw
    .prepare(
      "SELECT id, state FROM draws WHERE task_id = ? AND state <> 'voided' ORDER BY state = 'prepared', id DESC LIMIT 1",
    )
    .get(row.id) as { id: number; state: string } | undefined;
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

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The rules zod cannot see (they need the database or cross fields); each refusal names the field in Chinese. */
function validate(raw: BetterSqlite3.Database, input: TaskInput, planYear: number, settings: Settings): void {
  const fail = (message: string) => {
    throw new AppError('task.invalid', message);
  };
  if (input.name.trim() === '') fail('任务名称不能为空。');
  if (input.leadDepartment.trim() === '') fail('请选择牵头部门。');
  if (input.joiningDepartments.includes(input.leadDepartment)) fail('联合部门中不能再包含牵头部门。');
  if (input.itemIds.length === 0) fail('请至少选择一个检查事项。');
  const known = raw
    .prepare(`SELECT count(*) FROM items WHERE id IN (${input.itemIds.map(() => '?').join(', ')})`)
    .pluck()
    .get(...input.itemIds) as number;
  if (known !== new Set(input.itemIds).size) fail('所选检查事项中有的已不在事项清单中,请重新选择。');
  if (!isDate(input.startDate) || !isDate(input.endDate)) fail('开展时间的日期格式应为 YYYY-MM-DD。');
  if (input.startDate > input.endDate) fail('开展时间的开始日期不能晚于结束日期。');
  if (Number(input.startDate.slice(0, 4)) !== planYear) fail(`开展时间应在计划年度 ${planYear} 年内开始。`);
  if (input.teamSize < Math.max(2, settings.minTeamSize))
    fail(`每组执法人员至少 ${Math.max(2, settings.minTeamSize)} 人。`);
  if (input.packageSize < 1) fail('名单包至少 1 户。');
  if (input.maxPackagesPerInspector < 1) fail('每人最多参加的检查组数至少为 1。');
  const { kind, offices } = input.inspectorScope;
  if (kind === '若干所' && offices.length < 2) fail('“若干所内随机”请至少选择 2 个市场监管所。');
  if (kind === '单一所' && offices.length !== 1) fail('“单一所内随机”请选择 1 个市场监管所。');
  if (input.ratio.mode === 'fixed' && input.ratio.count < 1) fail('固定抽取户数至少为 1。');
  if (input.ratio.mode === 'uniform' && input.ratio.bp < 1) fail('抽查比例不能为 0。');
  if (input.ratio.mode === 'grades' && Object.values(input.ratio.gradeBp).every((bp) => bp === 0))
    fail('各信用等级的抽查比例不能都为 0。');
  if (input.excludeRecentYears < 0) fail('排除年数不能为负。');
}

export interface TaskServiceDeps {
  /** Publishes the plan's next version inside the caller's transaction (plan-service). */
  publishChange: (planId: number, reason: string) => void;
}

export function createTaskService(raw: BetterSqlite3.Database, ctx: ServiceContext, deps: TaskServiceDeps) {
  function list(planId: number): TaskView[] {
    return readTasksOfPlan(raw, planId);
  }

  function get(id: number): TaskView {
    return readTask(raw, id);
  }

  function save(input: TaskInput): TaskView {
    const at = ctx.now().toISOString();
    const actor = ctx.actor();
    const settings = readSettings(raw);
    const id = raw
      .transaction(() => {
        const plan = raw.prepare('SELECT id, year, version, title FROM plans WHERE id = ?').get(input.planId) as
          { id: number; year: number; version: number; title: string } | undefined;
        if (!plan) throw new AppError('plan.notFound', '没有找到该年度计划,请先保存计划。');
        validate(raw, input, plan.year, settings);
        const reason = input.changeReason?.trim() ?? '';
        if (plan.version > 0 && reason === '') {
          throw new AppError('plan.reasonRequired', `《${plan.title}》已公示,修改任务将发布新版本,请填写修改理由。`);
        }
        const config = JSON.stringify(configOf(input));
        let taskId: number;
        if (input.id === undefined) {
          const seq =
            ((raw.prepare('SELECT max(seq) FROM tasks WHERE year = ?').pluck().get(plan.year) as number | null) ?? 0) +
            1;
          taskId = Number(
            raw
              .prepare(
                `INSERT INTO tasks (plan_id, year, seq, number, name, lead_department, start_date, end_date, frequency, ratio_mode, config, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                plan.id,
                plan.year,
                seq,
                formatTaskNumber(settings.bureauShortName, plan.year, seq),
                input.name.trim(),
                input.leadDepartment.trim(),
                input.startDate,
                input.endDate,
                input.frequency.trim(),
                input.ratio.mode,
                config,
                at,
                at,
              ).lastInsertRowid,
          );
        } else {
          const existing = raw.prepare('SELECT plan_id FROM tasks WHERE id = ?').get(input.id) as
            { plan_id: number } | undefined;
          if (!existing) throw new AppError('task.notFound', `没有找到抽查任务(编号 ${input.id})。`);
          if (existing.plan_id !== plan.id) throw new AppError('task.invalid', '任务不能移到其他计划。');
          const committed = raw
            .prepare("SELECT attempt FROM draws WHERE task_id = ? AND state IN ('committed', 'revealed', 'sealed')")
            .get(input.id) as { attempt: number } | undefined;
          if (committed) {
            throw new AppError(
              'task.drawCommitted',
              '该任务的抽取已经承诺,抽取条件已经公开,不能再修改;如确需修改,请先作废抽取并写明理由。',
            );
          }
          taskId = input.id;
          raw
            .prepare(
              `UPDATE tasks SET name = ?, lead_department = ?, start_date = ?, end_date = ?, frequency = ?, ratio_mode = ?, config = ?, updated_at = ?
             WHERE id = ?`,
            )
            .run(
              input.name.trim(),
              input.leadDepartment.trim(),
              input.startDate,
              input.endDate,
              input.frequency.trim(),
              input.ratio.mode,
              config,
              at,
              taskId,
            );
          raw.prepare('DELETE FROM task_items WHERE task_id = ?').run(taskId);
          raw.prepare('DELETE FROM task_departments WHERE task_id = ?').run(taskId);
          // A preparation froze the old settings: it no longer matches the task.
          raw
            .prepare(
              "UPDATE draws SET state = 'voided', voided_at = ?, voided_by = ?, void_reason = '任务已修改,准备作废' WHERE task_id = ? AND state = 'prepared'",
            )
            .run(at, actor, taskId);
          raw
            .prepare(
              "DELETE FROM draw_inputs WHERE draw_id IN (SELECT id FROM draws WHERE task_id = ? AND state = 'voided' AND committed_at IS NULL)",
            )
            .run(taskId);
        }
        const addItem = raw.prepare('INSERT INTO task_items (task_id, ordinal, item_id) VALUES (?, ?, ?)');
        [...new Set(input.itemIds)].forEach((itemId, i) => addItem.run(taskId, i + 1, itemId));
        const addDepartment = raw.prepare(
          'INSERT INTO task_departments (task_id, ordinal, department) VALUES (?, ?, ?)',
        );
        [...new Set(input.joiningDepartments.map((d) => d.trim()).filter((d) => d !== ''))].forEach((d, i) =>
          addDepartment.run(taskId, i + 1, d),
        );
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
        if (plan.version > 0) deps.publishChange(plan.id, reason);
        return taskId;
      })
      .immediate();
    return readTask(raw, id);
  }

  /** Live counts for the page: what the scope holds per grade, what each grade will draw, and the inspector pool. */
  function scopePreview(request: ScopeRequest & { pool?: PoolPreviewRequest }): ScopePreview {
    const preview = previewScope(raw, request);
    if (!request.pool) return preview;
    const { pool, notices } = previewPool(raw, request.pool, preview.expected);
    return { ...preview, pool, notices: [...preview.notices, ...notices] };
  }

  return { list, get, save, scopePreview };
}

export type TaskService = ReturnType<typeof createTaskService>;
