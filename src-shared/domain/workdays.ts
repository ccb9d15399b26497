/**
 * Working days on the State Council's 放假安排: a holiday is off even on a weekday, a 调休 weekend is worked. The
 * calendar knows which years it has a schedule for, and never guesses beyond them: a deadline that reaches an
 * uncovered year is unknown (「待确认」), not computed as if every weekday were worked.
 */

/** One year's 放假安排: the days off (holidays) and the weekend days worked (workdays), as YYYY-MM-DD. */
export interface YearSchedule {
  year: number;
  holidays: string[];
  workdays: string[];
  /** 'shipped' with the program, or 'entered' by the administrator. */
  source: 'shipped' | 'entered';
}

export type Deadline = { known: true; date: string } | { known: false; missingYear: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The day as a count of days since 1970-01-01, or null for anything that is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1) return null;
  return ms / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export class WorkCalendar {
  private readonly years = new Map<number, { off: Set<string>; worked: Set<string> }>();

  constructor(schedules: readonly YearSchedule[]) {
    for (const s of schedules) this.years.set(s.year, { off: new Set(s.holidays), worked: new Set(s.workdays) });
  }

  /** The years this calendar has a schedule for, in order. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** Whether the day is worked; null when its year has no schedule. */
  isWorkday(date: string): boolean | null {
    const day = dayNumber(date);
    if (day === null) throw new RangeError(`不是有效的日期：${date}`);
    const schedule = this.years.get(Number(date.slice(0, 4)));
    if (!schedule) return null;
    if (schedule.worked.has(date)) return true;
    if (schedule.off.has(date)) return false;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The n-th working day after `from` (from itself not counted): 20 working days after an inspection. */
  addWorkdays(from: string, n: number): Deadline {
    const start = dayNumber(from);
    if (start === null) throw new RangeError(`不是有效的日期：${from}`);
    let counted = 0;
    for (let day = start + 1; ; day++) {
      const date = dateOf(day);
      const worked = this.isWorkday(date);
      if (worked === null) return { known: false, missingYear: Number(date.slice(0, 4)) };
      if (worked && ++counted === n) return { known: true, date };
    }
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`); null past coverage. */
  workdaysBetween(from: string, to: string): number | null {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (a === null || b === null) throw new RangeError(`不是有效的日期：${a === null ? from : to}`);
    let count = 0;
    for (let day = a + 1; day <= b; day++) {
      const worked = this.isWorkday(dateOf(day));
      if (worked === null) return null;
      if (worked) count++;
    }
    return count;
  }
}

/** How a deadline reads on a page or in a list. */
export function deadlineText(deadline: Deadline): string {
  return deadline.known ? deadline.date : `待确认（缺少${deadline.missingYear}年节假日安排）`;
}
