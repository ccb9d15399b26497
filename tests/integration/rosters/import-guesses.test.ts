/**
 * Imports say what they guessed, through the IPC path on a real temp database: a status read by synonym is listed in
 * the preview, the clerk's other choice is what gets stored and reported; a real item list chosen as the entity
 * roster is refused with what it is, and nothing is written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReportView } from '@shared/domain/roster-views';
import { tempDir, type TestDb } from '../../fixtures/test-db';
import { ipcTestDb, type IpcCall } from './ipc-test-db';

const SAMPLE = new URL('../../fixtures/samples/hainan-2020-item-list.xlsx', import.meta.url).pathname;

let t: TestDb;
let call: IpcCall;
let nextDialogPath: string | null = null;

beforeEach(async () => ({ t, call } = await ipcTestDb(() => nextDialogPath)));
afterEach(() => t.cleanup());

async function choose(path: string): Promise<string> {
  nextDialogPath = path;
  return (await call<{ token: string }>('dialog:open-file', { purpose: 'import' })).token;
}

/** An inspector roster written as CSV, previewed. */
async function previewCsv(text: string): Promise<ImportReportView> {
  const file = join(tempDir(), '执法人员.csv');
  writeFileSync(file, text);
  return call<ImportReportView>('roster:import-preview', { kind: 'inspectors', fileToken: await choose(file) });
}

const count = (sql: string) => t.conn.raw.prepare(sql).pluck().get();

describe('values read by synonym', () => {
  it('lists 退休 → 调离 in the preview; the clerk maps it to 在岗 instead, and that is stored and reported', async () => {
    const preview = await previewCsv(
      '执法证号,姓名,所属单位,人员状态\nZF001,张三,城关市场监管所,在岗\nZF002,李四,城关市场监管所,退休\nZF003,王五,东关市场监管所,退休\nZF004,赵六,东关市场监管所,请假\n',
    );
    expect(preview.valueMappings).toEqual([
      { field: 'status', column: 'D 人员状态', source: '退休', guess: '调离', applied: '调离', rows: 2 },
    ]);
    expect(count('SELECT count(*) FROM inspectors')).toBe(0);

    const done = await call<ImportReportView>('roster:import-confirm', {
      previewId: preview.previewId,
      valueChoices: [{ field: 'status', source: '退休', target: '在岗' }],
    });
    expect(done.counts).toMatchObject({ new: 4, rejected: 0 });
    expect(done.valueMappings).toEqual([
      { field: 'status', column: 'D 人员状态', source: '退休', guess: '调离', applied: '在岗', rows: 2 },
    ]);
    expect(t.conn.raw.prepare('SELECT badge_no, status FROM inspectors ORDER BY badge_no').all()).toEqual([
      { badge_no: 'ZF001', status: '在岗' },
      { badge_no: 'ZF002', status: '在岗' },
      { badge_no: 'ZF003', status: '在岗' },
      { badge_no: 'ZF004', status: '请假' },
    ]);
    const audit = JSON.parse(String(count("SELECT detail FROM audit_log WHERE action = 'roster:import'"))) as {
      valueMappings: unknown[];
    };
    expect(audit.valueMappings).toEqual([expect.objectContaining({ source: '退休', applied: '在岗', rows: 2 })]);
  });

  it('the rows of a value the clerk does not accept are not imported, each with the reason', async () => {
    const preview = await previewCsv('执法证号,姓名,人员状态\nZF001,张三,退休\nZF002,李四,在岗\n');
    const done = await call<ImportReportView>('roster:import-confirm', {
      previewId: preview.previewId,
      valueChoices: [{ field: 'status', source: '退休', target: null }],
    });
    expect(done.counts).toMatchObject({ new: 1, rejected: 1 });
    expect(done.problems).toEqual([
      expect.objectContaining({ row: 2, severity: 'error', reason: '状态为“退休”的行按您的选择不导入' }),
    ]);
    expect(t.conn.raw.prepare('SELECT badge_no FROM inspectors').pluck().all()).toEqual(['ZF002']);
  });

  it('refuses a choice for a value the preview did not list, writing nothing', async () => {
    const preview = await previewCsv('执法证号,姓名,人员状态\nZF001,张三,退休\n');
    const confirming = call('roster:import-confirm', {
      previewId: preview.previewId,
      valueChoices: [{ field: 'status', source: '辞职', target: '在岗' }],
    });
    await expect(confirming).rejects.toMatchObject({ code: 'import.badValueChoice' });
    expect(count('SELECT count(*) FROM inspectors')).toBe(0);
  });
});

describe('a file of the wrong kind', () => {
  const MESSAGE =
    '这是随机抽查事项清单，不是检查对象名录库（表头有“抽查事项”、“编制单位名称”、“序号”等列）。请在“检查事项清单”页面导入。';

  it('refuses the real item list as the entity roster, at detection and at preview, writing nothing', async () => {
    const fileToken = await choose(SAMPLE);
    for (const channel of ['roster:import-detect', 'roster:import-preview']) {
      await expect(call(channel, { kind: 'entities', fileToken })).rejects.toMatchObject({
        code: 'import.wrongKind',
        message: MESSAGE,
      });
    }
    expect(count('SELECT count(*) FROM entities')).toBe(0);
    expect(count('SELECT count(*) FROM audit_log')).toBe(0);
  });

  it('still imports the same file on the item list page', async () => {
    const fileToken = await choose(SAMPLE);
    const proposal = await call<{ detection: { mapping: Record<string, number> } }>('roster:import-detect', {
      kind: 'items',
      fileToken,
    });
    expect(proposal.detection.mapping.name).toBe(3);
  });
});
