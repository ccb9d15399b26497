import type { CalendarOverview, CalendarYearView, DeadlinesOverview } from '../../domain/follow-ups';
import type { DateRange } from '../../domain/holiday-ranges';

export const CALENDAR_CHANNELS = [
  'calendar:years',
  'calendar:enter',
  'calendar:read-file',
  'calendar:deadlines',
] as const;
export type CalendarChannel = (typeof CALENDAR_CHANNELS)[number];

/** A file's 放假安排 as form rows, with every row that could not be read; nothing is written. */
export interface ScheduleFileView {
  year: number | null;
  holidays: DateRange[];
  workdays: DateRange[];
  problems: { row: number | null; reason: string }[];
}

export interface CalendarResponses {
  /** The years covered, shipped or entered by an administrator. */
  'calendar:years': CalendarOverview;
  /** Enters a year's 放假安排 (refused with details.fields: the reason per range). */
  'calendar:enter': CalendarYearView;
  'calendar:read-file': ScheduleFileView;
  /** Results due soon, overdue, with a deadline 待确认, and entities 逾期未检查, per task. */
  'calendar:deadlines': DeadlinesOverview;
}
