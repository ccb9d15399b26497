/**
 * Deadlines on working days: a result is due the configured number of working days (20) after its inspection date
 * (企业信息公示暂行条例 第六条: from the inspection, not from entry). A drawn entity still without an inspection when
 * the task window has closed is 逾期未检查. A deadline the calendar cannot reach is unknown, never guessed.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DeadlineItem, TaskDeadlines } from '@shared/domain/follow-ups';
import type { ResultState } from '@shared/domain/results';
import { sealedDrawsWithTask } from '../draws/sealed';
import { deadlineText, type WorkCalendar } from '@shared/domain/workdays';
import { all, qb } from '../db/sql';
import { deadlineWorkdays, workCalendar } from './calendar';

/** Working days left at or under which a result is listed as due soon. */
export const DUE_SOON_WORKDAYS = 5;

export type { DeadlineItem, TaskDeadlines };

const DONE: readonly ResultState[] = ['已录入', '已审核'];

function drawnOf(raw: BetterSqlite3.Database, drawId: number) {
  return all(
    raw,
    qb
      .selectFrom('draw_selected as s')
      .innerJoin('entities as e', 'e.id', 's.entity_id')
      .select(['e.id', 'e.name'])
      .where('s.draw_id', '=', drawId)
      .orderBy('s.package_no')
      .orderBy('e.id'),
  );
}

function currentResultsOf(raw: BetterSqlite3.Database, taskId: number) {
  const rows = all(
    raw,
    qb
      .selectFrom('results as r')
      .select(['r.id', 'r.entity_id', 'r.state', 'r.inspected_on'])
      .where('r.task_id', '=', taskId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
      ),
  );
  return new Map(rows.map((r) => [r.entity_id, r]));
}

interface Judge {
  calendar: WorkCalendar;
  workdays: number;
  today: string;
}

type Placement = { list: 'dueSoon' | 'overdue' | 'unknown' | 'notInspected'; item: DeadlineItem } | null;

function place(judge: Judge, windowEnd: string, item: Omit<DeadlineItem, 'deadline' | 'workdaysLeft'>): Placement {
  if (DONE.includes(item.state)) return null;
  if (!item.inspectedOn) {
    if (judge.today <= windowEnd) return null;
    return { list: 'notInspected', item: { ...item, deadline: windowEnd, workdaysLeft: null } };
  }
  const due = judge.calendar.addWorkdays(item.inspectedOn, judge.workdays);
  const deadline = deadlineText(due);
  if (!due.known) return { list: 'unknown', item: { ...item, deadline, workdaysLeft: null } };
  if (judge.today > due.date) return { list: 'overdue', item: { ...item, deadline, workdaysLeft: null } };
  const left = judge.calendar.workdaysBetween(judge.today, due.date);
  if (left === null || left > DUE_SOON_WORKDAYS) return null;
  return { list: 'dueSoon', item: { ...item, deadline, workdaysLeft: left } };
}

/** Per task with a sealed draw: results due soon, overdue, with an unknown deadline, and entities not inspected. */
export function resultDeadlines(raw: BetterSqlite3.Database, today: string): TaskDeadlines[] {
  const judge: Judge = { calendar: workCalendar(raw), workdays: deadlineWorkdays(raw), today };
  const tasks = all(
    raw,
    sealedDrawsWithTask()
      .select(['d.id as drawId', 't.id', 't.plan_id', 't.number', 't.name', 't.end_date'])
      .orderBy('t.year')
      .orderBy('t.seq'),
  );
  const out: TaskDeadlines[] = [];
  for (const task of tasks) {
    const results = currentResultsOf(raw, task.id);
    const lists: TaskDeadlines = {
      ...{ taskId: task.id, planId: task.plan_id, taskNumber: task.number, taskName: task.name },
      ...{ dueSoon: [], overdue: [], unknown: [], notInspected: [] },
    };
    for (const entity of drawnOf(raw, task.drawId)) {
      const result = results.get(entity.id);
      const placed = place(judge, task.end_date, {
        entityId: entity.id,
        entityName: entity.name,
        resultId: result?.id ?? null,
        state: result?.state ?? '未录入',
        inspectedOn: result?.inspected_on ?? null,
      });
      if (placed) lists[placed.list].push(placed.item);
    }
    if (lists.dueSoon.length + lists.overdue.length + lists.unknown.length + lists.notInspected.length > 0) {
      out.push(lists);
    }
  }
  return out;
}
