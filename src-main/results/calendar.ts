/**
 * The working-day calendar the deadlines run on: the shipped 放假安排 plus the years an administrator entered (the
 * latest entry of a year counts). A shipped year is not entered over: it comes from the State Council's notice.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SHIPPED_SCHEDULES } from '@shared/domain/holidays-cn';
import { DEFAULT_SETTINGS } from '@shared/domain/settings';
import { dayNumber, WorkCalendar, type YearSchedule } from '@shared/domain/workdays';
import { AppError } from '@shared/errors';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { all, qb, run, value } from '../db/sql';

/** The latest entry of every entered year, in year order, with who entered it and when. */
export function latestEntries(raw: BetterSqlite3.Database) {
  return all(
    raw,
    qb
      .selectFrom('holiday_schedules as h')
      .select(['h.year', 'h.holidays', 'h.workdays', 'h.entered_at', 'h.entered_by'])
      .where('h.id', '=', (eb) =>
        eb
          .selectFrom('holiday_schedules as l')
          .select((l) => l.fn.max('l.id').as('id'))
          .whereRef('l.year', '=', 'h.year'),
      )
      .orderBy('h.year'),
  );
}

export function enteredSchedules(raw: BetterSqlite3.Database): YearSchedule[] {
  return latestEntries(raw).map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays) as string[],
    workdays: JSON.parse(r.workdays) as string[],
    source: 'entered',
  }));
}

export function workCalendar(raw: BetterSqlite3.Database): WorkCalendar {
  const shipped = new Set(SHIPPED_SCHEDULES.map((s) => s.year));
  return new WorkCalendar([...SHIPPED_SCHEDULES, ...enteredSchedules(raw).filter((s) => !shipped.has(s.year))]);
}

/** 结果录入时限 in working days (settings), 20 unless the bureau changed it. */
export function deadlineWorkdays(raw: BetterSqlite3.Database): number {
  const text = value(raw, qb.selectFrom('settings').select('value').where('key', '=', 'resultDeadlineWorkdays'));
  return text === undefined ? DEFAULT_SETTINGS.resultDeadlineWorkdays : (JSON.parse(text) as number);
}

function dateProblems(dates: readonly string[], year: number, label: string): string[] {
  const problems: string[] = [];
  for (const date of dates) {
    if (dayNumber(date) === null) problems.push(`${label}“${date}”不是有效的日期`);
    else if (Number(date.slice(0, 4)) !== year) problems.push(`${label}“${date}”不在${year}年`);
  }
  if (new Set(dates).size !== dates.length) problems.push(`${label}有重复的日期`);
  return problems;
}

/** Every reason the schedule cannot be entered; empty when it can. */
export function scheduleProblems(schedule: Pick<YearSchedule, 'year' | 'holidays' | 'workdays'>): string[] {
  const { year, holidays, workdays } = schedule;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return [`年份“${year}”无效`];
  if (SHIPPED_SCHEDULES.some((s) => s.year === year)) return [`${year}年的节假日安排已随程序提供，不能另行录入`];
  const problems = [...dateProblems(holidays, year, '放假日期'), ...dateProblems(workdays, year, '调休上班日期')];
  if (holidays.length === 0) problems.push('请填写放假日期');
  const both = holidays.filter((d) => workdays.includes(d));
  if (both.length > 0) problems.push(`${both.join('、')}不能既放假又上班`);
  const weekdays = workdays.filter(
    (d) => dayNumber(d) !== null && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  );
  if (weekdays.length > 0) problems.push(`调休上班日期应为周六或周日：${weekdays.join('、')}`);
  return problems;
}

/** Enters (or re-enters) a year's 放假安排 with its audit row; refuses a schedule with any problem. */
export function enterYearSchedule(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  schedule: Pick<YearSchedule, 'year' | 'holidays' | 'workdays'>,
): YearSchedule {
  const problems = scheduleProblems(schedule);
  if (problems.length > 0) {
    throw new AppError('calendar.invalid', `节假日安排不能保存：${problems.join('；')}。`, { problems });
  }
  const holidays = [...schedule.holidays].sort();
  const workdays = [...schedule.workdays].sort();
  raw
    .transaction(() => {
      const at = ctx.now().toISOString();
      run(
        raw,
        qb.insertInto('holiday_schedules').values({
          year: schedule.year,
          holidays: JSON.stringify(holidays),
          workdays: JSON.stringify(workdays),
          entered_at: at,
          entered_by: ctx.actor(),
        }),
      );
      const detail = { year: schedule.year, holidays: holidays.length, workdays: workdays.length };
      appendAuditRaw(
        raw,
        { actor: ctx.actor(), action: 'calendar:enter', target: `calendar:${schedule.year}`, detail },
        ctx.now(),
      );
    })
    .immediate();
  return { year: schedule.year, holidays, workdays, source: 'entered' };
}
