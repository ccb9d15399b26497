/**
 * The calendar as the settings page and the home page see it: the years covered and where each came from, a year
 * entered as the notice's ranges, and the deadlines overview judged on China's today.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CalendarOverview, CalendarYearView, DeadlinesOverview } from '@shared/domain/follow-ups';
import { expandRanges, overlappingDays, rangeProblem, type DateRange } from '@shared/domain/holiday-ranges';
import { HOLIDAY_SOURCE, SHIPPED_SCHEDULES } from '@shared/domain/holidays-cn';
import { AppError } from '@shared/errors';
import type { ServiceContext } from '../app/context';
import { enterYearSchedule, latestEntries } from './calendar';
import { DUE_SOON_WORKDAYS, resultDeadlines } from './deadlines';

/** Shipped years, then the latest entry of every other year, in year order. */
export function calendarOverview(raw: BetterSqlite3.Database): CalendarOverview {
  const shipped = SHIPPED_SCHEDULES.map((s): CalendarYearView => ({
    ...s,
    holidays: [...s.holidays],
    workdays: [...s.workdays],
    enteredBy: null,
    enteredAt: null,
  }));
  const entered = latestEntries(raw)
    .filter((r) => !shipped.some((s) => s.year === r.year))
    .map((r): CalendarYearView => ({
      year: r.year,
      source: 'entered',
      holidays: JSON.parse(r.holidays) as string[],
      workdays: JSON.parse(r.workdays) as string[],
      enteredBy: r.entered_by,
      enteredAt: r.entered_at,
    }));
  return { years: [...shipped, ...entered].sort((a, b) => a.year - b.year), shippedSource: HOLIDAY_SOURCE };
}

export interface YearRanges {
  year: number;
  holidays: DateRange[];
  workdays: DateRange[];
}

/** Each range's problem keyed by its field (holidays.0, workdays.1), and the days both off and worked. */
export function yearRangeProblems(input: YearRanges): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const kind of ['holidays', 'workdays'] as const) {
    input[kind].forEach((r, i) => {
      const reason = rangeProblem(input.year, kind === 'holidays' ? 'holiday' : 'workday', r);
      if (reason) fields[`${kind}.${i}`] = reason;
    });
  }
  if (input.holidays.length === 0) fields.holidays = '请至少填写一段放假日期';
  const both = overlappingDays(input.holidays, input.workdays);
  if (both.length > 0) fields.workdays = `${both.join('、')}已填为放假，不能又是调休上班日`;
  return fields;
}

/** Enters a year given as ranges; refuses with every field's reason (details.fields) before anything is written. */
export function enterYearRanges(raw: BetterSqlite3.Database, ctx: ServiceContext, input: YearRanges): CalendarYearView {
  const fields = yearRangeProblems(input);
  if (Object.keys(fields).length > 0) {
    const text = [...new Set(Object.values(fields))].join('；');
    throw new AppError('calendar.invalid', `节假日安排不能保存：${text}。`, { fields });
  }
  const saved = enterYearSchedule(raw, ctx, {
    year: input.year,
    holidays: expandRanges(input.holidays),
    workdays: expandRanges(input.workdays),
  });
  return calendarOverview(raw).years.find((y) => y.year === saved.year)!;
}

export function deadlinesOverview(raw: BetterSqlite3.Database, today: string): DeadlinesOverview {
  return { today, dueSoonWorkdays: DUE_SOON_WORKDAYS, tasks: resultDeadlines(raw, today) };
}
