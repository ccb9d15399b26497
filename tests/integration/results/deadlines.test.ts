/**
 * Deadlines on working days: 20 working days (the setting) after the inspection; due soon within 5, overdue after, 逾期未检查
 * when the window closed without an inspection, and 待确认 when the deadline falls in a year without a 放假安排.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterYearSchedule } from '../../../src-main/results/calendar';
import { resultDeadlines, type TaskDeadlines } from '../../../src-main/results/deadlines';
import { saveEntry } from '../../../src-main/results/entry';
import { resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
  // Drafts (not yet 已录入) inspected on these days; entity 2 is entered.
  saveEntry(c.conn.raw, c.ctx, c.cleanSheet(0, { methods: [], inspectedOn: '2026-11-23' }), { draft: true });
  saveEntry(c.conn.raw, c.ctx, c.cleanSheet(1, { methods: [], inspectedOn: '2026-12-20' }), { draft: true });
  saveEntry(c.conn.raw, c.ctx, c.cleanSheet(2, { inspectedOn: '2026-11-23' }));
});
afterAll(async () => {
  await c.close();
});

const ofTask = (today: string): TaskDeadlines => resultDeadlines(c.conn.raw, today).find((t) => t.taskId === c.taskId)!;
const ids = (items: { entityId: number }[]) => items.map((i) => i.entityId);

describe('resultDeadlines', () => {
  it('lists a result due within 5 working days, with the days left', () => {
    const task = ofTask('2026-12-15');
    expect(task.dueSoon).toEqual([expect.objectContaining({ entityId: c.drawn(0).entityId, deadline: '2026-12-21' })]);
    expect(task.dueSoon[0].workdaysLeft).toBe(4);
  });

  it('lists a result past its deadline as overdue', () => {
    expect(ids(ofTask('2026-12-22').overdue)).toContain(c.drawn(0).entityId);
  });

  it('does not list an entered result', () => {
    const task = ofTask('2026-12-22');
    expect([...ids(task.overdue), ...ids(task.dueSoon)]).not.toContain(c.drawn(2).entityId);
  });

  it('gives a deadline in an uncovered year as 待确认', () => {
    const task = ofTask('2026-12-22');
    expect(task.unknown).toEqual([
      expect.objectContaining({ entityId: c.drawn(1).entityId, deadline: '待确认（缺少2027年节假日安排）' }),
    ]);
  });

  it('lists drawn entities without an inspection as 逾期未检查 once the window has closed', () => {
    const endDate = c.conn.raw.prepare('SELECT end_date FROM tasks WHERE id = ?').pluck().get(c.taskId) as string;
    expect(ofTask(endDate).notInspected).toEqual([]);
    const after = ofTask('2027-03-01');
    expect(ids(after.notInspected)).toContain(c.drawn(3).entityId);
    expect(ids(after.notInspected)).not.toContain(c.drawn(0).entityId);
  });

  it('uses the working-day limit from the settings', () => {
    c.conn.raw
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('resultDeadlineWorkdays', '10', 'x')")
      .run();
    try {
      expect(ofTask('2026-11-30').dueSoon[0]).toMatchObject({ deadline: '2026-12-07', workdaysLeft: 5 });
    } finally {
      c.conn.raw.prepare("DELETE FROM settings WHERE key = 'resultDeadlineWorkdays'").run();
    }
  });

  it('knows the deadline once the administrator enters the year', () => {
    enterYearSchedule(c.conn.raw, c.ctx, { year: 2027, holidays: ['2027-01-01'], workdays: [] });
    expect(ofTask('2026-12-22').unknown).toEqual([]);
    // 20 working days after 2026-12-20 (a Sunday), 2027-01-01 off.
    expect(ofTask('2027-01-12').dueSoon).toEqual([
      expect.objectContaining({ entityId: c.drawn(1).entityId, deadline: '2027-01-18' }),
    ]);
  });
});
