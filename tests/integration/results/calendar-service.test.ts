/**
 * 节假日安排 in 系统设置: the years covered and where each came from; a year entered as the notice's ranges, refused
 * per range with the reason at its field; a file (CSV in UTF-8 or GBK, or a workbook) read into ranges without
 * writing anything; the deadlines overview naming each task's plan.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry } from '../../../src-main/results/entry';
import { resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
});
afterAll(async () => {
  await c.close();
});

const service = () => c.services.results;
/** What entering a year writes: its schedule rows and their audit rows. */
const calendarWrites = () => [
  c.count('holiday_schedules'),
  c.conn.raw.prepare("SELECT count(*) FROM audit_log WHERE action = 'calendar:enter'").pluck().get(),
];
const fileToken = (name: string, content: string | Buffer) => {
  const path = join(c.dir, name);
  writeFileSync(path, content);
  return c.services.files.issue(path, 'open').token;
};
const CSV =
  '类型,开始日期,结束日期,说明\n放假,2027-01-01,2027-01-03,元旦\n放假,2027/2/5,2027/2/11,春节\n上班,2027-02-13,,春节调休\n';

describe('calendar overview', () => {
  it('lists the shipped years with their source', () => {
    const overview = service().calendarYears();
    expect(overview.years.map((y) => [y.year, y.source])).toEqual([
      [2025, 'shipped'],
      [2026, 'shipped'],
    ]);
    expect(overview.shippedSource).toMatch(/chinese-days/);
  });
});

describe('entering a year as ranges', () => {
  it('refuses with the reason at each range and writes nothing', () => {
    const before = calendarWrites();
    const attempt = () =>
      service().enterYear({
        year: 2027,
        holidays: [{ start: '2027-02-11', end: '2027-02-05' }],
        workdays: [{ start: '2027-02-15', end: '2027-02-15' }],
      });
    expect(attempt).toThrow(/结束日期不能早于开始日期/);
    try {
      attempt();
    } catch (e) {
      expect((e as { details: unknown }).details).toEqual({
        fields: {
          'holidays.0': '结束日期不能早于开始日期',
          'workdays.0': '调休上班日应为周六或周日，2027-02-15不是',
        },
      });
    }
    expect(calendarWrites()).toEqual(before);
  });

  it('refuses a day both off and worked', () => {
    const both = { start: '2027-02-06', end: '2027-02-06' };
    expect(() => service().enterYear({ year: 2027, holidays: [both], workdays: [both] })).toThrow(
      /2027-02-06已填为放假，不能又是调休上班日/,
    );
  });

  it('enters the days of the ranges, shown as entered by whom', () => {
    const year = service().enterYear({
      year: 2027,
      holidays: [{ start: '2027-01-01', end: '2027-01-03' }],
      workdays: [{ start: '2027-02-13', end: '2027-02-13' }],
    });
    expect(year).toMatchObject({
      year: 2027,
      source: 'entered',
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      workdays: ['2027-02-13'],
      enteredBy: '测试操作员',
    });
    expect(
      service()
        .calendarYears()
        .years.map((y) => y.year),
    ).toEqual([2025, 2026, 2027]);
  });
});

describe('reading a year from a file', () => {
  it('reads a UTF-8 CSV into ranges, writing nothing', async () => {
    const before = calendarWrites();
    const read = await service().readYearFile({ fileToken: fileToken('2027.csv', CSV) });
    expect(read).toEqual({
      year: 2027,
      holidays: [
        { start: '2027-01-01', end: '2027-01-03' },
        { start: '2027-02-05', end: '2027-02-11' },
      ],
      workdays: [{ start: '2027-02-13', end: '2027-02-13' }],
      problems: [],
    });
    expect(calendarWrites()).toEqual(before);
  });

  it('reads a GBK CSV as written by Excel', async () => {
    const read = await service().readYearFile({ fileToken: fileToken('gbk.csv', iconv.encode(CSV, 'gbk')) });
    expect(read.holidays).toHaveLength(2);
    expect(read.problems).toEqual([]);
  });

  it('reads a workbook with date cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('2027');
    sheet.addRow(['类型', '开始日期', '结束日期']);
    sheet.addRow(['放假', new Date(Date.UTC(2027, 9, 1)), new Date(Date.UTC(2027, 9, 7))]);
    sheet.addRow(['上班', '2027-09-26', null]);
    const read = await service().readYearFile({
      fileToken: fileToken('2027.xlsx', Buffer.from(await book.xlsx.writeBuffer())),
    });
    expect(read).toMatchObject({
      year: 2027,
      holidays: [{ start: '2027-10-01', end: '2027-10-07' }],
      workdays: [{ start: '2027-09-26', end: '2027-09-26' }],
      problems: [],
    });
  });

  it('names each row it cannot read', async () => {
    const bad = '类型,开始日期,结束日期\n放假,2027-02-30,\n休息,2027-03-01,\n上班,2027-03-03,\n';
    const read = await service().readYearFile({ fileToken: fileToken('bad.csv', bad) });
    expect(read.problems).toEqual([
      { row: 2, reason: '开始日期“2027-02-30”不是有效的日期' },
      { row: 3, reason: '类型“休息”应为“放假”或“上班”' },
      { row: 4, reason: '调休上班日应为周六或周日，2027-03-03不是' },
    ]);
  });

  it('refuses a file without the header', async () => {
    await expect(service().readYearFile({ fileToken: fileToken('x.csv', 'a,b\n1,2\n') })).rejects.toThrow(
      /至少包含「类型」和「开始日期」两列/,
    );
  });
});

describe('deadlines overview', () => {
  it('judges on China’s today and names the task’s plan', () => {
    saveEntry(c.conn.raw, c.ctx, c.cleanSheet(0, { methods: [], inspectedOn: '2026-11-02' }), { draft: true });
    const overview = service().deadlines();
    expect(overview.today).toBe('2026-11-23');
    const task = overview.tasks.find((t) => t.taskId === c.taskId)!;
    const planId = c.conn.raw.prepare('SELECT plan_id FROM tasks WHERE id = ?').pluck().get(c.taskId);
    expect(task.planId).toBe(planId);
    expect(task.dueSoon).toEqual([expect.objectContaining({ deadline: '2026-11-30', workdaysLeft: 5 })]);
  });
});
