/**
 * A year's 放假安排 as the State Council's notice states it: ranges of days off (春节：2月5日至11日放假) and the 调休
 * weekend days worked. The form and the file import speak in ranges; the calendar stores the days.
 */
import { dayNumber } from './workdays';

export interface DateRange {
  start: string;
  /** The last day, inclusive; equal to start for one day. */
  end: string;
}

export type RangeKind = 'holiday' | 'workday';

const DAY_MS = 86_400_000;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (day: number) => new Date(day * DAY_MS).getUTCDay();

/** Every day of the ranges, in order, each once; ranges that are not valid are skipped (rangeProblem names them). */
export function expandRanges(ranges: readonly DateRange[]): string[] {
  const days = new Set<number>();
  for (const r of ranges) {
    const a = dayNumber(r.start);
    const b = dayNumber(r.end);
    if (a === null || b === null || b < a || b - a > 366) continue;
    for (let d = a; d <= b; d++) days.add(d);
  }
  return [...days].sort((x, y) => x - y).map(dateOf);
}

/** Consecutive days folded into ranges (the form's rows from a file's dates). */
export function collapseDates(dates: readonly string[]): DateRange[] {
  const days = [...new Set(dates.map(dayNumber).filter((d): d is number => d !== null))].sort((a, b) => a - b);
  const out: DateRange[] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && dayNumber(last.end) === d - 1) last.end = dateOf(d);
    else out.push({ start: dateOf(d), end: dateOf(d) });
  }
  return out;
}

/** Why one range of the year cannot be entered, in a sentence for the field; null when it can. */
export function rangeProblem(year: number, kind: RangeKind, range: DateRange): string | null {
  const a = dayNumber(range.start);
  const b = dayNumber(range.end);
  if (a === null) return `“${range.start}”不是有效的日期`;
  if (b === null) return `“${range.end}”不是有效的日期`;
  if (b < a) return '结束日期不能早于开始日期';
  if (Number(range.start.slice(0, 4)) !== year || Number(range.end.slice(0, 4)) !== year) {
    return `日期应在${year}年内`;
  }
  if (kind === 'workday') {
    for (let d = a; d <= b; d++) {
      if (![0, 6].includes(weekdayOf(d))) return `调休上班日应为周六或周日，${dateOf(d)}不是`;
    }
  }
  return null;
}

/** The days both off and worked, which no schedule may have. */
export function overlappingDays(holidays: readonly DateRange[], workdays: readonly DateRange[]): string[] {
  const off = new Set(expandRanges(holidays));
  return expandRanges(workdays).filter((d) => off.has(d));
}

export interface YearSummary {
  /** Days off on what would otherwise be working days (Monday–Friday). */
  weekdaysOff: number;
  /** 调休 weekend days worked. */
  weekendsWorked: number;
  /** Working days of the whole year under this schedule. */
  workdays: number;
}

/** What the year will look like: the figures the administrator checks against the notice before saving. */
export function yearSummary(year: number, holidays: readonly string[], workdays: readonly string[]): YearSummary {
  const off = new Set(holidays);
  const worked = new Set(workdays);
  const first = dayNumber(`${year}-01-01`)!;
  const last = dayNumber(`${year}-12-31`)!;
  const summary: YearSummary = { weekdaysOff: 0, weekendsWorked: 0, workdays: 0 };
  for (let d = first; d <= last; d++) {
    const date = dateOf(d);
    const weekend = [0, 6].includes(weekdayOf(d));
    if (worked.has(date)) summary.weekendsWorked += weekend ? 1 : 0;
    if (off.has(date) && !weekend) summary.weekdaysOff++;
    if (worked.has(date) || (!weekend && !off.has(date))) summary.workdays++;
  }
  return summary;
}
