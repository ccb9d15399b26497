/**
 * The merged joint visits (进一次门、查多项事) a sealed draw's entities belong to: their tasks, window and items, each
 * item attributed to the first of the visit's tasks that lists it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { all, qb } from '../db/sql';

export interface JointVisit {
  id: number;
  entityId: number;
  /** The visit's tasks by start date (then id). */
  taskIds: number[];
  startDate: string;
  endDate: string;
  items: { id: number; taskId: number }[];
}

/** Per entity id: the joint visit that includes this draw's inspection of it. */
export function jointVisitsOf(raw: BetterSqlite3.Database, drawId: number): Map<number, JointVisit> {
  const visits = all(
    raw,
    qb
      .selectFrom('joint_visits as v')
      .innerJoin('joint_visit_tasks as j', 'j.visit_id', 'v.id')
      .select(['v.id', 'v.entity_id', 'v.items', 'v.start_date', 'v.end_date'])
      .where('j.draw_id', '=', drawId),
  );
  const out = new Map<number, JointVisit>();
  if (visits.length === 0) return out;
  const members = all(
    raw,
    qb
      .selectFrom('joint_visit_tasks as j')
      .innerJoin('tasks as t', 't.id', 'j.task_id')
      .select(['j.visit_id', 'j.task_id'])
      .where(
        'j.visit_id',
        'in',
        visits.map((v) => v.id),
      )
      .orderBy('t.start_date')
      .orderBy('t.id'),
  );
  const taskIds = [...new Set(members.map((m) => m.task_id))];
  const listed = all(raw, qb.selectFrom('task_items').select(['task_id', 'item_id']).where('task_id', 'in', taskIds));
  for (const v of visits) {
    const ids = members.filter((m) => m.visit_id === v.id).map((m) => m.task_id);
    const ownerOf = (itemId: number) =>
      ids.find((t) => listed.some((l) => l.task_id === t && l.item_id === itemId)) ?? ids[0];
    out.set(v.entity_id, {
      id: v.id,
      entityId: v.entity_id,
      taskIds: ids,
      startDate: v.start_date,
      endDate: v.end_date,
      items: (JSON.parse(v.items) as number[]).map((id) => ({ id, taskId: ownerOf(id) })),
    });
  }
  return out;
}
