/**
 * 进一次门、查多项事 (DOMAIN: joint inspection): when sealed draws of tasks led by different departments drew the same
 * entity and the tasks' windows overlap, propose one visit for them with the union of their items; the clerk confirms
 * and the merge is recorded (joint_visits, append-only). Each task's draw and proof stay exactly as sealed: the merge
 * only says the inspections happen together.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { JointVisitView, VisitProposal, VisitProposals, VisitTaskView } from '@shared/domain/draws';
import { AppError } from '@shared/errors';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';

interface DrawnRow {
  entity_id: number;
  code: string;
  entity_name: string;
  task_id: number;
  draw_id: number;
  number: string;
  name: string;
  lead_department: string;
  start_date: string;
  end_date: string;
  package_no: number;
}

const DRAWN_SQL = `
  SELECT s.entity_id, s.code, e.name AS entity_name, t.id AS task_id, d.id AS draw_id, t.number, t.name, t.lead_department,
         t.start_date, t.end_date, s.package_no
  FROM draw_selected s
  JOIN draws d ON d.id = s.draw_id AND d.state = 'sealed'
  JOIN tasks t ON t.id = d.task_id
  JOIN entities e ON e.id = s.entity_id`;

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

/** What grouping needs of one of an entity's drawn tasks. */
export interface VisitCandidate {
  task_id: number;
  lead_department: string;
  start_date: string;
  end_date: string;
}

/**
 * An entity's tasks as proposed visits: each group is every remaining task whose window holds one day (the start of
 * one of them — where windows overlap, the latest start lies in all of them), with at least two lead departments;
 * the day holding the most tasks is taken first, then the next among the tasks left. Afterwards no two tasks left
 * of different departments overlap, so no mergeable pair is missed (a sweep by start date missed a pair that a
 * shorter task in between cut apart). An entity has a handful of tasks a year: the cubic cost does not matter.
 */
export function visitGroups<T extends VisitCandidate>(rows: readonly T[]): T[][] {
  let remaining = [...rows].sort((a, b) =>
    a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : a.task_id - b.task_id,
  );
  const groups: T[][] = [];
  for (;;) {
    let best: T[] = [];
    for (const { start_date: day } of remaining) {
      const group = remaining.filter((r) => r.start_date <= day && day <= r.end_date);
      if (group.length > best.length && new Set(group.map((r) => r.lead_department)).size > 1) best = group;
    }
    if (best.length === 0) return groups;
    groups.push(best);
    remaining = remaining.filter((r) => !best.includes(r));
  }
}

export function createVisitService(raw: BetterSqlite3.Database, ctx: ServiceContext) {
  const items = raw.prepare(
    'SELECT i.id, i.name FROM task_items t JOIN items i ON i.id = t.item_id WHERE t.task_id = ? ORDER BY t.ordinal',
  );

  function itemsOf(taskIds: readonly number[]): { id: number; name: string }[] {
    const seen = new Map<number, string>();
    for (const taskId of taskIds)
      for (const item of items.all(taskId) as { id: number; name: string }[])
        if (!seen.has(item.id)) seen.set(item.id, item.name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }

  function proposalOf(group: DrawnRow[]): VisitProposal {
    const tasks = group.map(taskView);
    return {
      entityId: group[0].entity_id,
      code: group[0].code,
      entityName: group[0].entity_name,
      tasks,
      startDate: tasks.reduce((max, t) => (t.startDate > max ? t.startDate : max), tasks[0].startDate),
      endDate: tasks.reduce((min, t) => (t.endDate < min ? t.endDate : min), tasks[0].endDate),
      items: itemsOf(tasks.map((t) => t.taskId)),
    };
  }

  function visits(year: number): JointVisitView[] {
    const rows = raw
      .prepare(
        `SELECT v.id, v.entity_id, v.items, v.start_date, v.end_date, v.note, v.created_at, v.actor FROM joint_visits v
         WHERE EXISTS (SELECT 1 FROM joint_visit_tasks j JOIN tasks t ON t.id = j.task_id WHERE j.visit_id = v.id AND t.year = ?) ORDER BY v.id`,
      )
      .all(year) as {
      id: number;
      entity_id: number;
      items: string;
      start_date: string;
      end_date: string;
      note: string;
      created_at: string;
      actor: string;
    }[];
    const members = raw.prepare(
      `${DRAWN_SQL} JOIN joint_visit_tasks j ON j.draw_id = d.id AND j.entity_id = s.entity_id WHERE j.visit_id = ? ORDER BY t.start_date, t.id`,
    );
    const itemName = raw.prepare('SELECT name FROM items WHERE id = ?').pluck();
    return rows.map((v) => {
      const group = members.all(v.id) as DrawnRow[];
      return {
        id: v.id,
        entityId: v.entity_id,
        code: group[0]?.code ?? '',
        entityName: group[0]?.entity_name ?? '',
        tasks: group.map(taskView),
        startDate: v.start_date,
        endDate: v.end_date,
        items: (JSON.parse(v.items) as number[]).map((id) => ({
          id,
          name: (itemName.get(id) as string | undefined) ?? '',
        })),
        note: v.note,
        createdAt: v.created_at,
        actor: v.actor,
      };
    });
  }

  /** Proposals for a year's tasks (sealed draws only), entities in id order, and the visits already merged. */
  function proposals(req: { year: number; limit?: number }): VisitProposals {
    const limit = req.limit ?? 200;
    const rows = raw
      .prepare(
        `${DRAWN_SQL}
         WHERE t.year = ? AND s.entity_id IN (
           SELECT s2.entity_id FROM draw_selected s2 JOIN draws d2 ON d2.id = s2.draw_id AND d2.state = 'sealed' JOIN tasks t2 ON t2.id = d2.task_id
           WHERE t2.year = ? GROUP BY s2.entity_id HAVING count(DISTINCT t2.lead_department) > 1)
         AND NOT EXISTS (SELECT 1 FROM joint_visit_tasks j WHERE j.entity_id = s.entity_id AND j.task_id = t.id)
         ORDER BY s.entity_id`,
      )
      .all(req.year, req.year) as DrawnRow[];
    const groups: DrawnRow[][] = [];
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j < rows.length && rows[j].entity_id === rows[i].entity_id) j++;
      groups.push(...visitGroups(rows.slice(i, j)));
      i = j;
    }
    // Every group counts toward the total; only those shown are built (each reads its tasks' items).
    return { proposals: groups.slice(0, limit).map(proposalOf), total: groups.length, visits: visits(req.year) };
  }

  /** The clerk confirms: one visit for these tasks at this entity. Checked again here; recorded with its audit row. */
  function merge(req: { entityId: number; taskIds: number[]; note?: string }): JointVisitView {
    const taskIds = [...new Set(req.taskIds)];
    if (taskIds.length < 2) throw new AppError('visit.tooFew', '合并检查至少需要两个任务。');
    const now = ctx.now();
    const id = raw
      .transaction(() => {
        const rows = raw
          .prepare(`${DRAWN_SQL} WHERE s.entity_id = ? AND t.id IN (${taskIds.map(() => '?').join(', ')})`)
          .all(req.entityId, ...taskIds) as DrawnRow[];
        if (rows.length !== taskIds.length)
          throw new AppError('visit.notDrawn', '所选任务中有的没有抽中该检查对象(或抽取尚未封存),不能合并。');
        const proposal = proposalOf(rows.sort((a, b) => (a.start_date < b.start_date ? -1 : 1)));
        if (proposal.startDate > proposal.endDate)
          throw new AppError('visit.noOverlap', '所选任务的开展时间没有重叠,不能合并为一次检查。');
        if (new Set(rows.map((r) => r.lead_department)).size < 2)
          throw new AppError(
            'visit.sameDepartment',
            '合并检查用于不同部门的任务(部门联合抽查);同一部门的任务请直接安排。',
          );
        const merged = raw
          .prepare(
            `SELECT t.number FROM joint_visit_tasks j JOIN tasks t ON t.id = j.task_id WHERE j.entity_id = ? AND j.task_id IN (${taskIds.map(() => '?').join(', ')})`,
          )
          .pluck()
          .all(req.entityId, ...taskIds) as string[];
        if (merged.length > 0)
          throw new AppError('visit.alreadyMerged', `任务 ${merged.join('、')} 对该对象的检查已合并过,不能重复合并。`);
        const visitId = Number(
          raw
            .prepare(
              'INSERT INTO joint_visits (entity_id, items, start_date, end_date, note, created_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(
              req.entityId,
              JSON.stringify(proposal.items.map((i) => i.id)),
              proposal.startDate,
              proposal.endDate,
              req.note?.trim() ?? '',
              now.toISOString(),
              ctx.actor(),
            ).lastInsertRowid,
        );
        const member = raw.prepare(
          'INSERT INTO joint_visit_tasks (visit_id, task_id, draw_id, entity_id) VALUES (?, ?, ?, ?)',
        );
        for (const task of proposal.tasks) member.run(visitId, task.taskId, task.drawId, req.entityId);
        appendAuditRaw(
          raw,
          {
            actor: ctx.actor(),
            action: 'visits:merge',
            target: `entities:${req.entityId}`,
            detail: { visitId, tasks: proposal.tasks.map((t) => t.number), items: proposal.items.length },
          },
          now,
        );
        return visitId;
      })
      .immediate();
    const year = raw.prepare('SELECT year FROM tasks WHERE id = ?').pluck().get(taskIds[0]) as number;
    return visits(year).find((v) => v.id === id)!;
  }

  return { proposals, merge };
}

export type VisitService = ReturnType<typeof createVisitService>;
