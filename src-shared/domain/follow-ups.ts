/**
 * What the 后续处置 page, the home page and the task list show: follow-ups with their overdue flags, the years the
 * working-day calendar covers, and the results due soon or overdue per task.
 */
import type { ResultState } from './results';

export interface FollowUpView {
  id: number;
  resultId: number;
  taskId: number;
  taskNumber: string;
  taskName: string;
  entityId: number;
  entityName: string;
  measure: string;
  office: string;
  dueOn: string | null;
  closedOn: string | null;
  closingNote: string | null;
  /** Open and past its due date. */
  overdue: boolean;
  /** Calendar days past the due date (open: until today; closed: until the closing day); 0 when not late. */
  daysLate: number;
  /** Closed after its due date. */
  closedLate: boolean;
}

export interface FollowUpList {
  /** The day overdue is judged on (China's date). */
  today: string;
  items: FollowUpView[];
  /** Tasks having follow-ups, for the filter. */
  tasks: { id: number; number: string; name: string }[];
}

export interface CalendarYearView {
  year: number;
  source: 'shipped' | 'entered';
  /** Days off, including those on weekends; 调休 weekend days worked. */
  holidays: string[];
  workdays: string[];
  /** Who entered the year and when (entered years only). */
  enteredBy: string | null;
  enteredAt: string | null;
}

export interface CalendarOverview {
  years: CalendarYearView[];
  /** Where the shipped years come from. */
  shippedSource: string;
}

export interface DeadlineItem {
  entityId: number;
  entityName: string;
  resultId: number | null;
  state: ResultState;
  inspectedOn: string | null;
  /** The due date, or 「待确认(缺少YYYY年节假日安排)」. */
  deadline: string;
  /** Working days from today to the deadline (0 on the day); null when overdue, unknown or not inspected. */
  workdaysLeft: number | null;
}

export interface TaskDeadlines {
  taskId: number;
  planId: number;
  taskNumber: string;
  taskName: string;
  dueSoon: DeadlineItem[];
  overdue: DeadlineItem[];
  /** Deadline in a year without a 放假安排. */
  unknown: DeadlineItem[];
  /** 逾期未检查: the window closed without an inspection date. */
  notInspected: DeadlineItem[];
}

export interface DeadlinesOverview {
  today: string;
  /** Working days within which a result counts as due soon. */
  dueSoonWorkdays: number;
  tasks: TaskDeadlines[];
}
