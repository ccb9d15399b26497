import type BetterSqlite3 from 'better-sqlite3';
import { sql, type InferResult } from 'kysely';
import type { JointVisitView, VisitProposal, VisitTaskView } from '@shared/domain/draws';
import { all, qb, value } from '../db/sql';
import { visitGroups } from './groups';

/** Each entity drawn by a sealed draw, with the task that drew it. */
export function drawnRows() {
  return qb
    .selectFrom('draw_selected as s')
    .innerJoin('draws as d', (join) => join.onRef('d.id', '=', 's.draw_id').on('d.state', '=', 'sealed'))
    .innerJoin('tasks as t', 't.id', 'd.task_id')
    .innerJoin('entities as e', 'e.id', 's.entity_id')
    .select([
      's.entity_id',
      's.code',
      'e.name as entity_name',
      't.id as task_id',
      'd.id as draw_id',
      't.number',
      't.name',
      't.lead_department',
      't.start_date',
      't.end_date',
      's.package_no',
    ]);
}

export type DrawnRow = InferResult<ReturnType<typeof drawnRows>>[number];

function taskView(r: DrawnRow): VisitTaskView {
  return {
    taskId: r.task_id,
    drawId: r.draw_id,
    number: r.number,
    name: r.name,
    leadDepartment: r.lead_department,
    startDate: r.start_date,
    endDate: r.end_date,
    packageNo: r.package_no,
  };
}

/** The union of the tasks' items, each once, in task then item order. */
function itemsOf(raw: BetterSqlite3.Database, taskIds: readonly number[]): { id: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const taskId of taskIds) {
    const items = all(
      raw,
      qb
        .selectFrom('task_items as t')
        .innerJoin('items as i', 'i.id', 't.item_id')
        .select(['i.id', 'i.name'])
        .where('t.task_id', '=', taskId)
        .orderBy('t.ordinal'),
    );
    for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item.name);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

export function proposalOf(raw: BetterSqlite3.Database, group: DrawnRow[]): VisitProposal {
  const tasks = group.map(taskView);
  return {
    entityId: group[0].entity_id,
    code: group[0].code,
    entityName: group[0].entity_name,
    tasks,
    startDate: tasks.reduce((max, t) => (t.startDate > max ? t.startDate : max), tasks[0].startDate),
    endDate: tasks.reduce((min, t) => (t.endDate < min ? t.endDate : min), tasks[0].endDate),
    items: itemsOf(
      raw,
      tasks.map((t) => t.taskId),
    ),
  };
}

function visitTasks(raw: BetterSqlite3.Database, visitId: number): DrawnRow[] {
  return all(
    raw,
    drawnRows()
      .innerJoin('joint_visit_tasks as j', (join) =>
        join.onRef('j.draw_id', '=', 'd.id').onRef('j.entity_id', '=', 's.entity_id'),
      )
      .where('j.visit_id', '=', visitId)
      .orderBy('t.start_date')
      .orderBy('t.id'),
  );
}

/** The visits already merged for a year's tasks, in the order they were recorded. */
export function visitsOfYear(raw: BetterSqlite3.Database, year: number): JointVisitView[] {
  const rows = all(
    raw,
    qb
      .selectFrom('joint_visits as v')
      .select(['v.id', 'v.entity_id', 'v.items', 'v.start_date', 'v.end_date', 'v.note', 'v.created_at', 'v.actor'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('joint_visit_tasks as j')
            .innerJoin('tasks as t', 't.id', 'j.task_id')
            .select(sql<number>`1`.as('one'))
            .whereRef('j.visit_id', '=', 'v.id')
            .where('t.year', '=', year),
        ),
      )
      .orderBy('v.id'),
  );
  const itemName = (id: number) => value(raw, qb.selectFrom('items').select('name').where('id', '=', id)) ?? '';
  return rows.map((v) => {
    const group = visitTasks(raw, v.id);
    return {
      id: v.id,
      entityId: v.entity_id,
      code: group[0]?.code ?? '',
      entityName: group[0]?.entity_name ?? '',
      tasks: group.map(taskView),
      startDate: v.start_date,
      endDate: v.end_date,
      items: (JSON.parse(v.items) as number[]).map((id) => ({ id, name: itemName(id) })),
      note: v.note,
      createdAt: v.created_at,
      actor: v.actor,
    };
  });
}

/** A year's drawn tasks of entities drawn by two or more departments and not yet merged, by entity. */
function unmergedRows(raw: BetterSqlite3.Database, year: number): DrawnRow[] {
  return all(
    raw,
    drawnRows()
      .where('t.year', '=', year)
      .where('s.entity_id', 'in', (eb) =>
        eb
          .selectFrom('draw_selected as s2')
          .innerJoin('draws as d2', (join) => join.onRef('d2.id', '=', 's2.draw_id').on('d2.state', '=', 'sealed'))
          .innerJoin('tasks as t2', 't2.id', 'd2.task_id')
          .select('s2.entity_id')
          .where('t2.year', '=', year)
          .groupBy('s2.entity_id')
          .having((h) => h.fn.count('t2.lead_department').distinct(), '>', 1),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('joint_visit_tasks as j')
              .select(sql<number>`1`.as('one'))
              .whereRef('j.entity_id', '=', 's.entity_id')
              .whereRef('j.task_id', '=', 't.id'),
          ),
        ),
      )
      .orderBy('s.entity_id'),
  );
}

/** Each entity's run of rows grouped into proposed visits. */
export function proposedGroups(raw: BetterSqlite3.Database, year: number): DrawnRow[][] {
  const rows = unmergedRows(raw, year);
  const groups: DrawnRow[][] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j < rows.length && rows[j].entity_id === rows[i].entity_id) j++;
    groups.push(...visitGroups(rows.slice(i, j)));
    i = j;
  }
  return groups;
}
