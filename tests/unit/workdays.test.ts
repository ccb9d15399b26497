/** The working-day calendar: the State Council's 放假安排 with 调休, and never a guess past the years it covers. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_SCHEDULES } from '@shared/domain/holidays-cn';
import { dayNumber, deadlineText, WorkCalendar } from '@shared/domain/workdays';

const shipped = new WorkCalendar(SHIPPED_SCHEDULES);

describe('WorkCalendar', () => {
  it('covers 2025 and 2026 as shipped', () => {
    expect(shipped.coveredYears()).toEqual([2025, 2026]);
  });

  it('works a 调休 weekend and rests on a weekday holiday', () => {
    expect(shipped.isWorkday('2026-01-04')).toBe(true); // Sunday, worked for 元旦
    expect(shipped.isWorkday('2026-10-10')).toBe(true); // Saturday, worked for 国庆
    expect(shipped.isWorkday('2026-10-08')).toBe(true); // Thursday after the golden week
    expect(shipped.isWorkday('2026-10-05')).toBe(false); // Monday in the golden week
    expect(shipped.isWorkday('2025-02-04')).toBe(false); // Tuesday, 春节
    expect(shipped.isWorkday('2026-11-28')).toBe(false); // an ordinary Saturday
  });

  it('counts 20 working days after an inspection across the golden week', () => {
    expect(shipped.addWorkdays('2026-09-28', 20)).toEqual({ known: true, date: '2026-10-30' });
  });

  it('does not count the inspection day itself', () => {
    expect(shipped.addWorkdays('2026-11-23', 1)).toEqual({ known: true, date: '2026-11-24' });
    expect(shipped.workdaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(shipped.workdaysBetween('2026-11-23', '2026-11-30')).toBe(5);
  });

  it('leaves a deadline in an uncovered year unknown, saying which year is missing', () => {
    const deadline = shipped.addWorkdays('2026-12-10', 20);
    expect(deadline).toEqual({ known: false, missingYear: 2027 });
    expect(deadlineText(deadline)).toBe('待确认（缺少2027年节假日安排）');
    expect(shipped.isWorkday('2027-01-04')).toBeNull();
    expect(shipped.workdaysBetween('2026-12-30', '2027-01-05')).toBeNull();
  });

  it('computes it once the year is entered', () => {
    const entered = new WorkCalendar([
      ...SHIPPED_SCHEDULES,
      { year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'entered' },
    ]);
    expect(entered.addWorkdays('2026-12-10', 20)).toEqual({ known: true, date: '2027-01-08' });
  });

  it('refuses a date that is not on the calendar', () => {
    expect(dayNumber('2026-02-31')).toBeNull();
    expect(dayNumber('2026-2-3')).toBeNull();
    expect(() => shipped.isWorkday('2026-02-30')).toThrow('不是有效的日期');
  });
});
