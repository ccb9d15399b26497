/** Roster services over a real temp database: search correctness, filters, edits, bulk, export, import through the IPC path. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityRow } from '@shared/domain/roster-views';
import { loadDemoData } from '../../../src-main/demo/demo-data';
import { tempDir, tempFile, type TestDb } from '../../fixtures/test-db';
import { writeEntityXlsx } from '../../fixtures/roster-files';
import { ipcTestDb, type IpcCall } from './ipc-test-db';

let t: TestDb;
let call: IpcCall;
let nextDialogPath: string | null = null;

// The e2e harness injects a dialog the same way: it answers with a prepared path.
beforeEach(async () => ({ t, call } = await ipcTestDb(() => nextDialogPath)));
afterEach(() => t.cleanup());

function demo(n = 3000) {
  loadDemoData(t.conn.raw, { entities: n, actor: '测试', now: t.ctx.now() });
}

/** The entity ids a reference query returns, in its order. */
const idsOf = (sql: string) => t.conn.raw.prepare(sql).pluck().all();

const allNames = () =>
  t.conn.raw.prepare('SELECT id, name, uscc, reg_no FROM entities').all() as {
    id: number;
    name: string;
    uscc: string | null;
    reg_no: string | null;
  }[];

describe('entity search', () => {
  it('finds exactly the names containing a 1-, 2- or 3+-character query, and codes for 3+ characters', () => {
    demo();
    const names = allNames();
    for (const q of ['椰', '鑫源', '汽修', '福临药', '有限责任公司', '(', '0001']) {
      const expected = names
        .filter(
          (r) =>
            r.name.includes(q) ||
            (Array.from(q).length >= 3 && ((r.uscc ?? '').includes(q) || (r.reg_no ?? '').includes(q))),
        )
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const page = t.services.rosters.query({ roster: 'entities', page: 1, pageSize: 500, search: q, filters: {} });
      expect(page.total, q).toBe(expected.length);
      expect(
        page.rows.map((r) => r.id).sort((a, b) => a - b),
        q,
      ).toEqual(expected.slice(0, 500));
    }
    expect(t.services.rosters.query({ roster: 'entities', search: '鑫源', filters: {} }).searchMode).toBe('bigram');
    expect(t.services.rosters.query({ roster: 'entities', search: '福临药', filters: {} }).searchMode).toBe('trigram');
    expect(t.services.rosters.query({ roster: 'entities', search: '(', filters: {} }).searchMode).toBe('scan');
  });

  it('combines filters, sorts and pages', () => {
    demo();
    const page = t.services.rosters.query({
      roster: 'entities',
      page: 2,
      pageSize: 20,
      sort: { field: 'name', direction: 'desc' },
      filters: { creditGrade: ['C', 'D'], status: ['存续'] },
    });
    const expected = idsOf(
      "SELECT id FROM entities WHERE credit_grade IN ('C','D') AND reg_status = '存续' ORDER BY name DESC, id DESC LIMIT 20 OFFSET 20",
    );
    expect(page.rows.map((r) => r.id)).toEqual(expected);
    expect(page.rows.every((r) => ['C', 'D'].includes((r as EntityRow).creditGrade!))).toBe(true);
    // A search, a tag filter and a sort together (the page walks the name index; see roster-service query).
    const searched = t.services.rosters.query({
      roster: 'entities',
      pageSize: 30,
      sort: { field: 'name', direction: 'asc' },
      filters: { tags: ['冷链'] },
      search: '店',
    });
    const expectedSearched = idsOf(
      "SELECT id FROM entities WHERE id IN (SELECT entity_id FROM entity_tags WHERE tag = '冷链') AND name LIKE '%店%' ORDER BY name, id LIMIT 30",
    );
    expect(searched.rows.map((r) => r.id)).toEqual(expectedSearched);
    const tagged = t.services.rosters.query({ roster: 'entities', filters: { tags: ['冷链'] }, pageSize: 500 });
    expect(tagged.total).toBeGreaterThan(0);
    expect(tagged.rows.every((r) => r.tags.includes('冷链'))).toBe(true);
  });
});

describe('edits and bulk actions', () => {
  it('edits one entity, writes who/what/when to the change log and the audit log', async () => {
    demo(200);
    const before = t.services.rosters.query({ roster: 'entities', pageSize: 1, filters: {} }).rows[0] as EntityRow;
    const after = await call<EntityRow>('roster:update', {
      roster: 'entities',
      id: before.id,
      patch: { creditGrade: 'D', tags: ['重点监管'] },
    });
    expect(after).toMatchObject({ creditGrade: 'D', tags: ['重点监管'] });
    const change = t.conn.raw.prepare("SELECT * FROM roster_changes WHERE source = 'edit'").get() as Record<
      string,
      string
    >;
    expect(change).toMatchObject({ actor: '测试操作员', action: 'update', record_id: before.id });
    expect(JSON.parse(change.after)).toMatchObject({ credit_grade: 'D' });
    expect(JSON.parse(change.before)).toMatchObject({ credit_grade: before.creditGrade });
    expect(
      t.services.rosters
        .query({ roster: 'entities', filters: { tags: ['重点监管'] }, pageSize: 500 })
        .rows.map((r) => r.id),
    ).toContain(before.id);
  });

  it('refuses bad input with Chinese messages and changes nothing', async () => {
    demo(200);
    const [a, b] = t.services.rosters.query({ roster: 'entities', pageSize: 2, filters: {} }).rows as EntityRow[];
    await expect(call('roster:update', { roster: 'entities', id: a.id, patch: { creditGrade: 'E' } })).rejects.toThrow(
      /信用风险等级应为 A、B、C、D/,
    );
    await expect(call('roster:update', { roster: 'entities', id: a.id, patch: { name: '  ' } })).rejects.toThrow(
      /名称不能为空/,
    );
    await expect(call('roster:update', { roster: 'entities', id: a.id, patch: { uscc: b.uscc } })).rejects.toThrow(
      /已被“.*”使用/,
    );
    const wrongCheck = a.uscc!.slice(0, 17) + (a.uscc![17] === '0' ? '1' : '0');
    await expect(call('roster:update', { roster: 'entities', id: a.id, patch: { uscc: wrongCheck } })).rejects.toThrow(
      /校验位不正确/,
    );
    expect(t.conn.raw.prepare("SELECT count(*) FROM roster_changes WHERE source = 'edit'").pluck().get()).toBe(0);
  });

  it('sets grade and tags on a selection in one transaction, one change row per changed record', async () => {
    demo(500);
    const ids = t.services.rosters
      .query({ roster: 'entities', pageSize: 100, filters: { creditGrade: ['B'] } })
      .rows.map((r) => r.id);
    const result = await call<{ matched: number; changed: number }>('roster:bulk-update', {
      roster: 'entities',
      ids: [...ids, 999999],
      set: { creditGrade: 'C', addTags: ['学校周边'] },
    });
    expect(result).toEqual({ matched: ids.length, changed: ids.length });
    expect(t.conn.raw.prepare("SELECT count(*) FROM roster_changes WHERE source = 'bulk'").pluck().get()).toBe(
      ids.length,
    );
    const rows = t.services.rosters.query({
      roster: 'entities',
      pageSize: 500,
      filters: { tags: ['学校周边'], creditGrade: ['C'] },
    });
    expect(rows.rows.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
  });
});

describe('files through tokens', () => {
  it('exports a filtered view and writes a template to files the dialog chose; the renderer never names a path', async () => {
    demo(300);
    const dir = tempDir();
    nextDialogPath = join(dir, '导出.xlsx');
    const choice = await call<{ token: string; fileName: string }>('dialog:save-file', { purpose: 'export' });
    expect(choice.fileName).toBe('导出.xlsx');
    const exported = await call<{ rows: number }>('roster:export', {
      roster: 'entities',
      filters: { creditGrade: ['A'] },
      fileToken: choice.token,
    });
    const expected = t.conn.raw.prepare("SELECT count(*) FROM entities WHERE credit_grade = 'A'").pluck().get();
    expect(exported.rows).toBe(expected);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(nextDialogPath);
    expect(wb.worksheets[0].rowCount).toBe(Number(expected) + 1);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('统一社会信用代码');
    // A save token is used once.
    await expect(call('roster:export', { roster: 'entities', filters: {}, fileToken: choice.token })).rejects.toThrow(
      /失效/,
    );

    nextDialogPath = join(dir, 'template.xlsx');
    const templateChoice = await call<{ token: string }>('dialog:save-file', { purpose: 'template' });
    await call('roster:template', { kind: 'inspectors', fileToken: templateChoice.token });
    expect(existsSync(nextDialogPath)).toBe(true);
    await expect(call('roster:export', { roster: 'entities', filters: {}, fileToken: '/etc/passwd' })).rejects.toThrow(
      /文件标识无效/,
    );
  });
});

describe('imports through tokens', () => {
  it('previews without writing, confirms in one go, and reports rejected rows to xlsx', async () => {
    const { dir, file } = tempFile(
      'mixed.csv',
      '执法证号,姓名,所属单位,状态\nZF001,张三,城关市场监管所,在岗\nZF002,李四,东关市场监管所,出差\nZF001,王五,西关市场监管所,在岗\nZF003,赵六,法规科,请假\n',
    );
    nextDialogPath = file;
    const open = await call<{ token: string }>('dialog:open-file', { purpose: 'import' });
    const preview = await call<{
      previewId: string;
      counts: Record<string, number>;
      problems: { row: number; reason: string }[];
    }>('roster:import-preview', { kind: 'inspectors', fileToken: open.token });
    expect(preview.counts).toMatchObject({ new: 1, rejected: 3 });
    expect(new Set(preview.problems.map((p) => p.row))).toEqual(new Set([2, 3, 4]));
    expect(t.conn.raw.prepare('SELECT count(*) FROM inspectors').pluck().get()).toBe(0);

    const confirmed = await call<{ counts: Record<string, number> }>('roster:import-confirm', {
      previewId: preview.previewId,
    });
    expect(confirmed.counts).toMatchObject({ new: 1, rejected: 3 });
    expect(t.conn.raw.prepare('SELECT badge_no FROM inspectors').pluck().all()).toEqual(['ZF003']);
    expect(t.conn.raw.prepare("SELECT kind FROM offices WHERE name = '法规科'").pluck().get()).toBe('局机关');
    expect(t.conn.raw.prepare("SELECT count(*) FROM audit_log WHERE action = 'roster:import'").pluck().get()).toBe(1);

    nextDialogPath = join(dir, 'problems.xlsx');
    const save = await call<{ token: string }>('dialog:save-file', { purpose: 'rejections' });
    const report = await call<{ rows: number }>('roster:import-rejections', {
      previewId: preview.previewId,
      fileToken: save.token,
    });
    expect(report.rows).toBe(preview.problems.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(nextDialogPath);
    const lines = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    expect(lines.some((l) => l[1] === 3 && /状态/.test(String(l[2])) && l[3] === '未导入')).toBe(true);
    // A confirmed preview cannot be written twice.
    await expect(call('roster:import-confirm', { previewId: preview.previewId })).rejects.toThrow(/已导入/);
  });

  it('cancelling a confirm leaves the database unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.xlsx');
    await writeEntityXlsx(file, 20000);
    nextDialogPath = file;
    const open = await call<{ token: string }>('dialog:open-file', { purpose: 'import' });
    const preview = await call<{ previewId: string; counts: { new: number } }>('roster:import-preview', {
      kind: 'entities',
      fileToken: open.token,
    });
    expect(preview.counts.new).toBe(20000);
    const confirming = call('roster:import-confirm', { previewId: preview.previewId, jobId: 'job-1' });
    while ((await call<{ rowsWritten: number }>('job:progress', { jobId: 'job-1' })).rowsWritten === 0)
      await new Promise((r) => setTimeout(r, 20));
    expect(await call('roster:import-cancel', { jobId: 'job-1' })).toEqual({ cancelled: true });
    await expect(confirming).rejects.toThrow(/导入已取消/);
    expect(t.conn.raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
    expect(t.conn.raw.prepare('SELECT count(*) FROM roster_changes').pluck().get()).toBe(0);
    expect(t.conn.raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });
});

describe('items', () => {
  it('lists items and returns one with its sub-items in order', async () => {
    demo(100);
    const page = await call<{ total: number; rows: { id: number; subItemCount: number }[] }>('items:query', {
      search: '食品',
    });
    expect(page.total).toBeGreaterThan(0);
    const item = await call<{ subItems: { ordinal: number }[] }>('items:get', { id: page.rows[0].id });
    expect(item.subItems.map((s) => s.ordinal)).toEqual(item.subItems.map((_, i) => i + 1));
    expect(item.subItems.length).toBe(page.rows[0].subItemCount);
    await expect(call('items:get', { id: 99999 })).rejects.toThrow(/没有这一项/);
  });

  it('demo:load refuses a database that already has data', async () => {
    await call('demo:load', { entities: 100 });
    await expect(call('demo:load', { entities: 100 })).rejects.toThrow(/空数据库/);
  });
});
