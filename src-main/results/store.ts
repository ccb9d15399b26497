/** The results tables as entries: read the current result of a (task, entity), write an entry with its rows. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ResultEntry, ResultState } from '@shared/domain/results';
import type { ResultsTable } from '../db/schema';
import { all, first, qb, run, value } from '../db/sql';
import type { SheetTarget } from './sheet';

export type ResultRow = Selectable<ResultsTable>;

/** The current result of a (task, entity): the row no correction replaces; undefined before anything was saved. */
export function currentResult(raw: BetterSqlite3.Database, taskId: number, entityId: number): ResultRow | undefined {
  return first(
    raw,
    qb
      .selectFrom('results as r')
      .selectAll('r')
      .where('r.task_id', '=', taskId)
      .where('r.entity_id', '=', entityId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
      ),
  );
}

export function resultById(raw: BetterSqlite3.Database, id: number): ResultRow | undefined {
  return first(raw, qb.selectFrom('results').selectAll().where('id', '=', id));
}

/** Whether a correction replaces this result (then it is history, not the current result). */
export function isCorrected(raw: BetterSqlite3.Database, id: number): boolean {
  return value(raw, qb.selectFrom('results').select('id').where('corrects_id', '=', id)) !== undefined;
}

export function readEntry(raw: BetterSqlite3.Database, row: ResultRow): ResultEntry {
  const rows = all(
    raw,
    qb
      .selectFrom('result_rows as r')
      .innerJoin('item_sub_items as s', 's.id', 'r.sub_item_id')
      .innerJoin('task_items as t', (j) => j.onRef('t.item_id', '=', 's.item_id').on('t.task_id', '=', row.task_id))
      .select(['r.sub_item_id', 'r.outcome', 'r.finding'])
      .where('r.result_id', '=', row.id)
      .orderBy('t.ordinal')
      .orderBy('s.ordinal'),
  );
  return {
    inspectedOn: row.inspected_on ?? '',
    inspectorIds: JSON.parse(row.inspector_ids) as ResultEntry['inspectorIds'],
    methods: JSON.parse(row.methods) as ResultEntry['methods'],
    rows: rows.map((r) => ({ subItemId: r.sub_item_id, outcome: r.outcome, finding: r.finding })),
    categories: JSON.parse(row.categories) as ResultEntry['categories'],
    followUps: JSON.parse(row.follow_ups) as ResultEntry['followUps'],
    followUpOther: row.follow_up_other,
    correctionDeadline: row.correction_deadline,
    endState: row.end_state,
    note: row.note,
  };
}

/** Entries compare as stored: the same fields in the same order. */
export function sameEntry(a: ResultEntry, b: ResultEntry): boolean {
  const norm = (e: ResultEntry) =>
    JSON.stringify([
      e.inspectedOn,
      e.inspectorIds,
      e.methods,
      e.rows.map((r) => [r.subItemId, r.outcome, r.finding]),
      e.categories,
      e.followUps,
      e.followUpOther,
      e.correctionDeadline,
      e.endState,
      e.note,
    ]);
  return norm(a) === norm(b);
}

function entryColumns(entry: ResultEntry) {
  return {
    inspected_on: entry.inspectedOn || null,
    inspector_ids: JSON.stringify(entry.inspectorIds),
    methods: JSON.stringify(entry.methods),
    categories: JSON.stringify(entry.categories),
    follow_ups: JSON.stringify(entry.followUps),
    follow_up_other: entry.followUpOther,
    correction_deadline: entry.correctionDeadline || null,
    end_state: entry.endState,
    note: entry.note,
  };
}

export interface Stamp {
  at: string;
  actor: string;
}

/** Writes the entry as the current result of the target (insert or update) with its rows; returns the result id. */
export function writeEntry(
  raw: BetterSqlite3.Database,
  target: SheetTarget,
  existing: ResultRow | undefined,
  entry: ResultEntry,
  state: ResultState,
  stamp: Stamp,
): number {
  const entered = state === '已录入' ? { entered_at: stamp.at, entered_by: stamp.actor } : {};
  const columns = { ...entryColumns(entry), state, saved_at: stamp.at, saved_by: stamp.actor, ...entered };
  let id: number;
  if (existing) {
    id = existing.id;
    run(raw, qb.updateTable('results').set(columns).where('id', '=', id));
    run(raw, qb.deleteFrom('result_rows').where('result_id', '=', id));
  } else {
    const keys = { task_id: target.taskId, draw_id: target.drawId, entity_id: target.entityId };
    id = value(
      raw,
      qb
        .insertInto('results')
        .values({ ...keys, ...columns })
        .returning('id'),
    )!;
  }
  insertRows(raw, id, entry);
  return id;
}

export function insertRows(raw: BetterSqlite3.Database, resultId: number, entry: ResultEntry): void {
  if (entry.rows.length === 0) return;
  const rows = entry.rows.map((r) => ({
    result_id: resultId,
    sub_item_id: r.subItemId,
    outcome: r.outcome,
    finding: r.finding,
  }));
  run(raw, qb.insertInto('result_rows').values(rows));
}
