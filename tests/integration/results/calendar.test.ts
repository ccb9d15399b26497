/**
 * 放假安排 entered by the administrator for a year the program does not ship: real dates of that year only, 调休 on
 * weekends only, never over a shipped year; the latest entry of a year counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterYearSchedule, workCalendar } from '../../../src-main/results/calendar';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const rows = () => t.conn.raw.prepare('SELECT count(*) FROM holiday_schedules').pluck().get();
const refused = (schedule: { year: number; holidays: string[]; workdays: string[] }, message: RegExp) => {
  const before = [rows(), t.conn.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()];
  expect(() => enterYearSchedule(t.conn.raw, t.ctx, schedule)).toThrow(message);
  expect([rows(), t.conn.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()]).toEqual(before);
};

describe('enterYearSchedule', () => {
  it('refuses a date that does not exist', () => {
    refused({ year: 2027, holidays: ['2027-02-30'], workdays: [] }, /放假日期“2027-02-30”不是有效的日期/);
  });

  it('refuses a date of another year', () => {
    refused({ year: 2027, holidays: ['2028-01-01'], workdays: [] }, /放假日期“2028-01-01”不在2027年/);
  });

  it('refuses a 调休 working day that is not a weekend', () => {
    refused(
      { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-05'] },
      /调休上班日期应为周六或周日：2027-01-05/,
    );
  });

  it('refuses a year the program ships', () => {
    refused({ year: 2026, holidays: ['2026-01-01'], workdays: [] }, /2026年的节假日安排已随程序提供，不能另行录入/);
  });

  it('adds the year to the calendar, the latest entry counting', () => {
    expect(workCalendar(t.conn.raw).covers(2027)).toBe(false);
    enterYearSchedule(t.conn.raw, t.ctx, { year: 2027, holidays: ['2027-01-01'], workdays: [] });
    enterYearSchedule(t.conn.raw, t.ctx, {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-04'],
      workdays: ['2027-01-09'],
    });
    const calendar = workCalendar(t.conn.raw);
    expect(calendar.coveredYears()).toEqual([2025, 2026, 2027]);
    expect(calendar.isWorkday('2027-01-04')).toBe(false);
    expect(calendar.isWorkday('2027-01-09')).toBe(true);
  });
});
