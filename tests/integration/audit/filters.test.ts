/**
 * The 操作日志 page's filters, total and xlsx export over a real database: person, action, object (a kind and one
 * record of it, kinds of one name together), dates on China's clock; each filtered query read through an index.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';
import { appendAuditRaw, type AuditRecord } from '../../../src-main/audit/service';
import { auditRows, auditWhere, type AuditFilter } from '../../../src-main/audit/query';
import { qb } from '../../../src-main/db/sql';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;

function add(record: AuditRecord, at: string): void {
  t.conn.raw.transaction(() => appendAuditRaw(t.conn.raw, record, new Date(at))).immediate();
}

beforeEach(async () => {
  t = await createTestDb('张三');
  // 00:30 on 2 March in China, still 1 March in UTC; and 23:59 on 1 March in China.
  add({ actor: '张三', action: 'draws:seal', target: 'draws:12', detail: { selected: 30 } }, '2026-03-01T16:30:00Z');
  add({ actor: '李四', action: 'results:correct', target: 'result:7', detail: {} }, '2026-03-01T15:59:00Z');
  add({ actor: '李四', action: 'results:import', target: 'results', detail: { rows: 40 } }, '2026-03-05T02:00:00Z');
  const detail = { before: '=HYPERLINK("x")', after: '某县' };
  add({ actor: '张三', action: 'settings:set', target: 'settings', detail }, '2026-03-10T02:00:00Z');
  for (let i = 1; i <= 150; i++) {
    add({ actor: '王五', action: 'roster:update', target: `entities:${i}`, detail: {} }, '2026-03-20T02:00:00Z');
  }
});
afterEach(() => t.cleanup());

const list = (f: AuditFilter, limit = 500, beforeId?: number) => t.services.audit.list({ ...f, limit, beforeId });
const actions = (f: AuditFilter) => list(f).map((r) => r.action);

describe('the operation log filters', () => {
  it('by person, with the total and the people for the picker', () => {
    expect(actions({ actor: '李四' })).toEqual(['results:import', 'results:correct']);
    expect(t.services.audit.count({ actor: '李四' })).toBe(2);
    expect(t.services.audit.count({})).toBe(154);
    expect(t.services.audit.actors()).toEqual(['张三', '李四', '王五'].sort());
  });

  it('by date, as the day is on China’s clock', () => {
    expect(actions({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['draws:seal']);
    expect(actions({ to: '2026-03-01' })).toEqual(['results:correct']);
    expect(t.services.audit.count({ from: '2026-03-05', to: '2026-03-10' })).toBe(2);
  });

  it('by action and by object: a kind, one record of it, and kinds shown under one name', () => {
    expect(actions({ action: 'settings:set' })).toEqual(['settings:set']);
    expect(actions({ targetKind: 'results' })).toEqual(['results:import', 'results:correct']);
    expect(actions({ targetKind: 'results', targetId: '7' })).toEqual(['results:correct']);
    expect(t.services.audit.count({ targetKind: 'entities' })).toBe(150);
    expect(list({ targetKind: 'entities', targetId: '15' }).map((r) => r.target)).toEqual(['entities:15']);
    // `entities:1` must not also match 10–19 or 100–150.
    expect(t.services.audit.count({ targetKind: 'entities', targetId: '1' })).toBe(1);
  });

  it('pages a filtered list by id without gaps or repeats', () => {
    const first = list({ actor: '王五' }, 100);
    const rest = list({ actor: '王五' }, 100, first.at(-1)!.id);
    expect(first).toHaveLength(100);
    expect(rest).toHaveLength(50);
    expect(new Set([...first, ...rest].map((r) => r.target)).size).toBe(150);
  });

  it('refuses a start date after the end date, in Chinese at the end date', () => {
    const parsed = requestSchemas['audit:count'].safeParse({ from: '2026-03-10', to: '2026-03-01' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['to'], message: '起始日期不能晚于截止日期' });
  });
});

describe('the operation log query plans', () => {
  const plan = (sqlText: string, parameters: readonly unknown[]) =>
    t.conn.raw
      .prepare(`EXPLAIN QUERY PLAN ${sqlText}`)
      .all(...parameters)
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
  const filters: AuditFilter[] = [
    { actor: '李四' },
    { action: 'settings:set' },
    { targetKind: 'results' },
    { targetKind: 'draws', targetId: '12' },
    { from: '2026-03-02', to: '2026-03-05' },
  ];

  it.each(filters)('reads the page and the total of %o through an index', (f) => {
    const page = auditRows(f).limit(100).compile();
    const total = qb
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(auditWhere(f))
      .compile();
    for (const q of [page, total]) expect(plan(q.sql, q.parameters)).toMatch(/USING (COVERING )?INDEX audit_log_/);
  });
});

describe('the operation log export', () => {
  async function exportTo(name: string, f: AuditFilter) {
    const path = join(t.dir, name);
    const fileToken = t.services.files.issue(path, 'save').token;
    const result = await t.services.audit.export({ ...f, fileToken });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return { result, wb };
  }
  const texts = (ws: ExcelJS.Worksheet) =>
    ws
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));

  it('writes what the filters match, in the page’s words, and logs the export', async () => {
    const { result, wb } = await exportTo('操作日志.xlsx', { actor: '张三' });
    expect(result).toEqual({ fileName: '操作日志.xlsx', rows: 2 });
    expect(texts(wb.getWorksheet('操作日志')!)).toEqual([
      ['序号', '时间', '操作人', '操作', '对象', '内容'],
      [4, '2026-03-10 10:00', '张三', '修改系统设置', '系统设置', `'=HYPERLINK("x") → 某县`],
      [1, '2026-03-02 00:30', '张三', '封存抽取记录', '抽取 12', '抽中户数：30'],
    ]);
    expect(texts(wb.getWorksheet('说明')!)).toEqual([
      ['导出时间', '2026-11-23 17:00'],
      ['筛选条件', '操作人：张三'],
      ['记录条数', 2],
    ]);
    const [logged] = t.services.audit.list({ limit: 1 });
    expect(logged).toMatchObject({ actor: '张三', action: 'audit:export', target: 'audit' });
    expect(logged.detail).toEqual({ file: '操作日志.xlsx', rows: 2, filter: '操作人：张三' });
  });

  it('names every filter in Chinese, and writes a whole log of all rows', async () => {
    const f = { action: 'results:correct', targetKind: 'result', targetId: '7', from: '2026-03-01', to: '2026-03-01' };
    const { wb } = await exportTo('更正.xlsx', f);
    expect(texts(wb.getWorksheet('说明')!)[1]).toEqual([
      '筛选条件',
      '操作：更正检查结果；对象：检查结果 7；日期：2026-03-01 至 2026-03-01',
    ]);
    const all = await exportTo('全部.xlsx', {});
    // The 154 seeded rows and the first export's own entry; this export logs itself after writing.
    expect(all.result.rows).toBe(155);
  });
});
