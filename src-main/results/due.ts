/**
 * Which inspection dates put a pending result (未录入 draft or 审核退回, with its inspection date) past its deadline or
 * within DUE_SOON_WORKDAYS of it: the same rule as deadlines.ts, judged once per distinct date, so a count or a filter
 * is one indexed query however many results there are.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ResultState } from '@shared/domain/results';
import { column, qb } from '../db/sql';
import { deadlineWorkdays, workCalendar } from './calendar';
import { DUE_SOON_WORKDAYS } from './deadlines';

export type DueKind = 'overdue' | 'dueSoon';

/** Not yet 已录入 or 已审核: the results a deadline still applies to. */
export const PENDING_STATES: ResultState[] = ['未录入', '审核退回'];

/** Pending results with an inspection date (`r`). */
export function pendingInspected() {
  return qb.selectFrom('results as r').where('r.state', 'in', PENDING_STATES).where('r.inspected_on', 'is not', null);
}

/** The inspection dates of pending results that are overdue, and those due soon, on `today`. */
export function dueDates(raw: BetterSqlite3.Database, today: string): Record<DueKind, string[]> {
  const calendar = workCalendar(raw);
  const workdays = deadlineWorkdays(raw);
  const out: Record<DueKind, string[]> = { overdue: [], dueSoon: [] };
  for (const date of column(raw, pendingInspected().select('r.inspected_on').distinct())) {
    if (date === null) continue;
    const due = calendar.addWorkdays(date, workdays);
    if (!due.known) continue;
    if (today > due.date) out.overdue.push(date);
    else {
      const left = calendar.workdaysBetween(today, due.date);
      if (left !== null && left <= DUE_SOON_WORKDAYS) out.dueSoon.push(date);
    }
  }
  return out;
}
