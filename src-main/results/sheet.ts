/**
 * A filled record sheet (SheetResult) resolved against the database: which sealed draw, package and team it answers
 * for each of its tasks, the window it must fall in, and each task's own check rows. What cannot be matched at all
 * (no sealed draw, an entity that was not drawn, tasks never merged into one visit) is an AppError.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { ResultContext, ResultEntry, ResultProblem, ResultRowEntry, SheetResult } from '@shared/domain/results';
import { dayNumber } from '@shared/domain/workdays';
import { AppError } from '@shared/errors';
import { all, first, qb, value } from '../db/sql';
import { latestProof } from '../draws/views';
import { lookupPeople } from '../draws/draw-people';

/** One result the sheet writes: a task, its sealed draw, the entity, and the task's sub-items in sheet order. */
export interface SheetTarget {
  taskId: number;
  taskNumber: string;
  drawId: number;
  entityId: number;
  subItemIds: number[];
}

export interface ResolvedSheet {
  targets: SheetTarget[];
  entityName: string;
  context: ResultContext;
  /** Problems that refuse even a draft: dates that are not dates, rows of items the tasks do not inspect. */
  structural: ResultProblem[];
}

interface TaskWindow {
  id: number;
  number: string;
  start_date: string;
  end_date: string;
}

function sealedDrawOf(raw: BetterSqlite3.Database, task: TaskWindow): number {
  const drawId = value(
    raw,
    qb.selectFrom('draws').select('id').where('task_id', '=', task.id).where('state', '=', 'sealed'),
  );
  if (drawId === undefined) throw new AppError('result.noSealedDraw', `任务${task.number}还没有封存的抽取结果。`);
  return drawId;
}

function readTasks(raw: BetterSqlite3.Database, taskIds: readonly number[]): TaskWindow[] {
  if (taskIds.length === 0) throw new AppError('result.noTask', '检查结果没有对应的抽查任务。');
  if (new Set(taskIds).size !== taskIds.length) throw new AppError('result.duplicateTask', '抽查任务重复。');
  const rows = all(
    raw,
    qb.selectFrom('tasks').select(['id', 'number', 'start_date', 'end_date']).where('id', 'in', taskIds),
  );
  const missing = taskIds.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new AppError('task.notFound', `没有找到抽查任务（编号 ${missing.join('、')}）。`);
  return taskIds.map((id) => rows.find((r) => r.id === id)!);
}

/** Tasks of a joint visit must have been merged for this entity into one visit (进一次门、查多项事). */
function checkJointVisit(raw: BetterSqlite3.Database, entityId: number, taskIds: readonly number[]): void {
  if (taskIds.length < 2) return;
  const visit = value(
    raw,
    qb
      .selectFrom('joint_visit_tasks')
      .select('visit_id')
      .where('entity_id', '=', entityId)
      .where('task_id', 'in', taskIds)
      .groupBy('visit_id')
      .having(sql<number>`count(*)`, '=', taskIds.length),
  );
  if (visit === undefined) {
    throw new AppError('result.notJointVisit', '这几个任务对该对象的检查没有合并为一次联合检查，请分别录入。');
  }
}

/** The ids of the team of the entity's package in the draw as it stands (after any 递补). */
function teamOf(raw: BetterSqlite3.Database, drawId: number, entityId: number, taskNumber: string): string[] {
  const packageNo = value(
    raw,
    qb.selectFrom('draw_selected').select('package_no').where('draw_id', '=', drawId).where('entity_id', '=', entityId),
  );
  if (packageNo === undefined) throw new AppError('result.notDrawn', `该对象不在任务${taskNumber}的抽中名单中。`);
  const pkg = latestProof(raw, drawId)?.body.result.packages.find((p) => p.no === packageNo);
  return pkg?.team ?? [];
}

function subItemsOf(raw: BetterSqlite3.Database, taskId: number): number[] {
  return all(
    raw,
    qb
      .selectFrom('task_items as t')
      .innerJoin('item_sub_items as s', 's.item_id', 't.item_id')
      .select('s.id')
      .where('t.task_id', '=', taskId)
      .orderBy('t.ordinal')
      .orderBy('s.ordinal'),
  ).map((r) => r.id);
}

function structuralProblems(entry: ResultEntry, known: ReadonlySet<number>): ResultProblem[] {
  const problems: ResultProblem[] = [];
  if (entry.inspectedOn && dayNumber(entry.inspectedOn) === null) {
    problems.push({ field: 'inspectedOn', message: `检查日期“${entry.inspectedOn}”不是有效的日期` });
  }
  if (entry.correctionDeadline && dayNumber(entry.correctionDeadline) === null) {
    problems.push({ field: 'correctionDeadline', message: `整改期限“${entry.correctionDeadline}”不是有效的日期` });
  }
  const ids = entry.rows.map((r) => r.subItemId);
  const foreign = ids.filter((id) => !known.has(id));
  if (foreign.length > 0) {
    problems.push({ field: 'rows', message: `检查内容（编号 ${foreign.join('、')}）不属于本次检查的事项` });
  }
  if (new Set(ids).size !== ids.length) problems.push({ field: 'rows', message: '检查内容重复填写' });
  return problems;
}

/** Resolves the sheet; throws AppError when it matches no drawn entity of sealed draws of its tasks. */
export function resolveSheet(raw: BetterSqlite3.Database, sheet: SheetResult): ResolvedSheet {
  const tasks = readTasks(raw, sheet.taskIds);
  const entity = first(raw, qb.selectFrom('entities').select(['id', 'name']).where('id', '=', sheet.entityId));
  if (!entity) throw new AppError('result.entityNotFound', `没有找到检查对象（编号 ${sheet.entityId}）。`);
  const targets = tasks.map((task) => ({
    taskId: task.id,
    taskNumber: task.number,
    drawId: sealedDrawOf(raw, task),
    entityId: entity.id,
    subItemIds: subItemsOf(raw, task.id),
  }));
  if (!targets.some((t) => t.drawId === sheet.drawId)) {
    throw new AppError('result.wrongDraw', `抽取（编号 ${sheet.drawId}）不是这些任务封存的抽取。`);
  }
  checkJointVisit(raw, entity.id, sheet.taskIds);
  const teamIds = [...new Set(targets.flatMap((t) => teamOf(raw, t.drawId, entity.id, t.taskNumber)))];
  const people = lookupPeople(raw, [...teamIds, ...sheet.entry.inspectorIds]);
  const context: ResultContext = {
    windowStart: tasks.map((t) => t.start_date).reduce((a, b) => (a > b ? a : b)),
    windowEnd: tasks.map((t) => t.end_date).reduce((a, b) => (a < b ? a : b)),
    teamIds,
    teamNames: new Map([...people].map(([id, p]) => [id, p.name])),
  };
  const known = new Set(targets.flatMap((t) => t.subItemIds));
  return { targets, entityName: entity.name, context, structural: structuralProblems(sheet.entry, known) };
}

/** The sheet's rows for these sub-items, in their order; a sub-item the sheet leaves out is not yet filled. */
export function rowsFor(entry: ResultEntry, subItemIds: readonly number[]): ResultRowEntry[] {
  const given = new Map(entry.rows.map((r) => [r.subItemId, r]));
  return subItemIds.map((id) => given.get(id) ?? { subItemId: id, outcome: null, finding: '' });
}
