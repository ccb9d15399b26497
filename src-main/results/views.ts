/**
 * What the results pages read: the tasks with a sealed draw and their result counts, a draw's entities with the state
 * of their current result, and one entity's record sheet with what was saved so far.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sealedDrawsWithTask } from '../draws/sealed';
import { sql } from 'kysely';
import { RESULT_STATES, type ResultState } from '@shared/domain/results';
import type { ResultEntityRow, ResultSheetView, ResultStamps, ResultTaskView } from '@shared/domain/result-views';
import type { EntitySheet, SheetPackage } from '@shared/domain/sheets';
import { AppError } from '@shared/errors';
import { all, qb } from '../db/sql';
import { loadSheets } from '../sheets/load';
import { sheetProblems } from './entry';
import { currentResult, readEntry, type ResultRow } from './store';
import { dueDates, PENDING_STATES, type DueKind } from './due';

/** Results no correction replaces: the current one of each (task, entity). */
const currentResults = qb
  .selectFrom('results as r')
  .selectAll('r')
  .where(({ not, exists, selectFrom }) =>
    not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
  );

/** The drawn entities of sealed draws, each beside the current result of the draw's task (when any). */
function drawnWithResults() {
  return qb
    .selectFrom('draw_selected as s')
    .innerJoin('draws as d', 'd.id', 's.draw_id')
    .leftJoin(currentResults.as('r'), (j) =>
      j.onRef('r.entity_id', '=', 's.entity_id').onRef('r.task_id', '=', 'd.task_id'),
    )
    .where('d.state', '=', 'sealed');
}

export function resultTasks(raw: BetterSqlite3.Database): ResultTaskView[] {
  const tasks = all(
    raw,
    sealedDrawsWithTask()
      .select(['d.id as drawId', 't.id as taskId', 't.number', 't.name', 't.start_date', 't.end_date'])
      .orderBy('t.start_date', 'desc')
      .orderBy('t.number'),
  );
  const counts = all(
    raw,
    drawnWithResults()
      .select(['s.draw_id', 'r.state', sql<number>`count(*)`.as('n')])
      .groupBy(['s.draw_id', 'r.state']),
  );
  return tasks.map((t) => {
    const mine = counts.filter((c) => c.draw_id === t.drawId);
    const byState = Object.fromEntries(RESULT_STATES.map((s) => [s, 0])) as Record<ResultState, number>;
    for (const c of mine) byState[c.state ?? '未录入'] += c.n;
    return {
      taskId: t.taskId,
      taskNumber: t.number,
      taskName: t.name,
      drawId: t.drawId,
      startDate: t.start_date,
      endDate: t.end_date,
      entities: mine.reduce((n, c) => n + c.n, 0),
      counts: byState,
    };
  });
}

function stamps(r: Partial<Record<keyof ResultRow, unknown>> | undefined): ResultStamps {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    savedAt: text(r?.saved_at),
    savedBy: text(r?.saved_by),
    enteredAt: text(r?.entered_at),
    enteredBy: text(r?.entered_by),
    reviewedAt: text(r?.reviewed_at),
    reviewedBy: text(r?.reviewed_by),
    returnReason: text(r?.return_reason),
  };
}

/** A draw's entities in package order, filtered by the state of their result and by name or code. */
export function resultEntities(
  raw: BetterSqlite3.Database,
  req: { drawId: number; state?: ResultState; query?: string; due?: DueKind; unpublished?: boolean },
  today: string,
): ResultEntityRow[] {
  let q = drawnWithResults()
    .innerJoin('entities as e', 'e.id', 's.entity_id')
    .select(['s.entity_id', 's.code', 's.package_no', 'e.name'])
    .select(['r.id', 'r.state', 'r.inspected_on', 'r.end_state', 'r.saved_at', 'r.saved_by', 'r.entered_at'])
    .select(['r.entered_by', 'r.reviewed_at', 'r.reviewed_by', 'r.return_reason'])
    .where('s.draw_id', '=', req.drawId);
  if (req.state === '未录入') q = q.where((eb) => eb.or([eb('r.id', 'is', null), eb('r.state', '=', '未录入')]));
  else if (req.state) q = q.where('r.state', '=', req.state);
  if (req.due) {
    const dates = dueDates(raw, today)[req.due];
    if (dates.length === 0) return [];
    q = q.where('r.state', 'in', PENDING_STATES).where('r.inspected_on', 'in', dates);
  }
  if (req.unpublished) {
    q = q
      .where('r.state', '=', '已审核')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('publication_results as p').select('p.result_id').whereRef('p.result_id', '=', 'r.id'))),
      );
  }
  if (req.query) {
    const like = `%${req.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([sql<boolean>`e.name LIKE ${like} ESCAPE '\\'`, sql<boolean>`s.code LIKE ${like} ESCAPE '\\'`]),
    );
  }
  return all(raw, q.orderBy('s.package_no').orderBy('s.rank')).map((r) => ({
    entityId: r.entity_id,
    name: r.name,
    code: r.code,
    packageNo: r.package_no,
    state: r.state ?? '未录入',
    draft: r.id !== null && r.state === '未录入',
    resultId: r.id,
    inspectedOn: r.inspected_on,
    endState: r.end_state,
    ...stamps(r),
  }));
}

function findEntity(raw: BetterSqlite3.Database, drawId: number, entityId: number) {
  const draw = loadSheets(raw, drawId);
  for (const pkg of draw.packages) {
    const sheet = pkg.entities.find((e) => e.entityId === entityId);
    if (sheet) return { draw, pkg, sheet };
  }
  throw new AppError('result.notDrawn', `该对象不在任务${draw.taskNumber}的抽中名单中。`);
}

function sheetParts(sheet: EntitySheet, pkg: SheetPackage) {
  const numberOf = new Map(sheet.tasks.map((t) => [t.id, t.number]));
  return {
    taskIds: sheet.tasks.map((t) => t.id),
    taskNumbers: sheet.tasks.map((t) => t.number).join('、'),
    taskNames: sheet.tasks.map((t) => t.name).join('、'),
    team: pkg.team.map((m) => ({ id: m.id, name: m.name, office: m.office, badgeNo: m.badgeNo })),
    // A row without a 检查子项 (the item itself) takes no result of its own.
    items: sheet.items.map((item) => ({
      id: item.id,
      name: item.name,
      taskNumber: numberOf.get(item.taskId) ?? '',
      rows: item.rows
        .filter((r) => r.subItemId > 0)
        .map((r) => ({ subItemId: r.subItemId, label: r.label, content: r.content, basis: r.basis, method: r.method })),
    })),
  };
}

/** One entity's sheet to enter, with the saved entry (a joint visit's rows gathered from each task's result). */
export function resultSheet(raw: BetterSqlite3.Database, drawId: number, entityId: number): ResultSheetView {
  const { draw, pkg, sheet } = findEntity(raw, drawId, entityId);
  const parts = sheetParts(sheet, pkg);
  const saved = parts.taskIds.flatMap((id) => currentResult(raw, id, entityId) ?? []);
  const main = saved.find((r) => r.task_id === draw.taskId) ?? saved[0];
  const entry = main ? { ...readEntry(raw, main), rows: saved.flatMap((r) => readEntry(raw, r).rows) } : null;
  const state: ResultState = main?.state ?? '未录入';
  const settled = state === '已录入' || state === '已审核';
  const problems = entry && !settled ? sheetProblems(raw, { drawId, entityId, taskIds: parts.taskIds, entry }) : [];
  return {
    drawId,
    entityId,
    ...parts,
    name: sheet.name,
    code: sheet.code,
    codeKind: sheet.codeKind,
    address: sheet.address,
    packageNo: pkg.no,
    startDate: sheet.startDate,
    endDate: sheet.endDate,
    entry,
    state,
    problems,
    resultIds: saved.map((r) => r.id),
    ...stamps(main),
  };
}
