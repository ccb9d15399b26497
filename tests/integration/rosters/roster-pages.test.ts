/**
 * What the 一单两库 pages added to the services, through the IPC dispatch path on a real temp database:
 * editing an item's check sub-items (edit, split, add, remove, reorder; one transaction, change log, audit),
 * accepting or declining flagged rows (a USCC whose check digit fails) at import confirm, and the column mapping
 * remembered per file shape.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReportView, ItemDetail } from '@shared/domain/roster-views';
import type { MappingProposalView } from '@shared/ipc/contract';
import { loadDemoData } from '../../../src-main/demo/demo-data';
import { MAPPING_KEY_PREFIX } from '../../../src-main/rosters/service';
import { tempDir, type TestDb } from '../../fixtures/test-db';
import { syntheticUscc } from '../../fixtures/roster-files';
import { ipcTestDb, type IpcCall } from './ipc-test-db';

let t: TestDb;
let call: IpcCall;
let nextDialogPath: string | null = null;

beforeEach(async () => ({ t, call } = await ipcTestDb(() => nextDialogPath)));
afterEach(() => t.cleanup());

const count = (sqlText: string, ...params: unknown[]) =>
  t.conn.raw
    .prepare(sqlText)
    .pluck()
    .get(...params) as number;

async function openFile(path: string): Promise<string> {
  nextDialogPath = path;
  return (await call<{ token: string }>('dialog:open-file', { purpose: 'import' })).token;
}

/** A fresh demo county's first item with at least `min` sub-items. */
async function itemWithSubItems(min: number): Promise<ItemDetail> {
  loadDemoData(t.conn.raw, { entities: 100, actor: '测试', now: t.ctx.now() });
  const page = await call<{ rows: { id: number; subItemCount: number }[] }>('items:query', { pageSize: 500 });
  const row = page.rows.find((r) => r.subItemCount >= min)!;
  return call<ItemDetail>('items:get', { id: row.id });
}

describe('items:update-sub-items', () => {
  it('splits one sub-item, edits, adds, removes and reorders in one transaction; ids of kept rows stay', async () => {
    const item = await itemWithSubItems(3);
    const [a, b, c] = item.subItems;
    const audits = count('SELECT count(*) FROM audit_log');
    const after = await call<ItemDetail>('items:update-sub-items', {
      itemId: item.id,
      subItems: [
        { id: c.id, content: c.content, basis: c.basis, method: c.method },
        // a split in two: the first part keeps the id
        { id: a.id, content: `${a.content}(一)`, basis: a.basis, method: a.method },
        { content: `${a.content}(二)`, basis: a.basis, method: '现场检查' },
        { content: '  新增的检查内容  ' },
      ],
    });
    expect(after.subItems.map((s) => s.content)).toEqual([
      c.content,
      `${a.content}(一)`,
      `${a.content}(二)`,
      '新增的检查内容',
    ]);
    expect(after.subItems.map((s) => s.ordinal)).toEqual([1, 2, 3, 4]);
    expect(after.subItems[0].id).toBe(c.id);
    expect(after.subItems[1].id).toBe(a.id);
    expect(after.subItems[2].method).toBe('现场检查');
    expect(after.subItems[3]).toMatchObject({ basis: '', method: '' });
    expect(after.subItemCount).toBe(4 + item.subItems.length - 3);
    // b was left out: removed; the rest of the list (beyond the third) was left out too.
    expect(count('SELECT count(*) FROM item_sub_items WHERE id = ?', b.id)).toBe(0);
    expect(count('SELECT count(*) FROM item_sub_items WHERE item_id = ?', item.id)).toBe(4);

    const change = t.conn.raw
      .prepare("SELECT * FROM roster_changes WHERE roster = 'items' AND source = 'edit'")
      .get() as Record<string, string>;
    expect(change).toMatchObject({ record_id: item.id, action: 'update', actor: '测试操作员' });
    expect(JSON.parse(change.before).sub_items).toHaveLength(item.subItems.length);
    expect(JSON.parse(change.after).sub_items.map((s: { content: string }) => s.content)).toEqual(
      after.subItems.map((s) => s.content),
    );
    expect(count('SELECT count(*) FROM audit_log')).toBe(audits + 1);
    const audit = t.conn.raw
      .prepare("SELECT detail FROM audit_log WHERE action = 'items:update-sub-items'")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toEqual({
      before: item.subItems.length,
      after: 4,
      added: 2,
      removed: item.subItems.length - 2,
    });

    // The same list again changes nothing and logs nothing.
    await call('items:update-sub-items', {
      itemId: item.id,
      subItems: after.subItems.map(({ id, content, basis, method }) => ({ id, content, basis, method })),
    });
    expect(count('SELECT count(*) FROM audit_log')).toBe(audits + 1);
  });
});

describe('items:update-sub-items refuses bad edits', () => {
  it('refuses bad edits in Chinese and changes nothing', async () => {
    const item = await itemWithSubItems(2);
    const other = await call<{ rows: { id: number }[] }>('items:query', { pageSize: 500 });
    const foreign = (await call<ItemDetail>('items:get', { id: other.rows.find((r) => r.id !== item.id)!.id }))
      .subItems[0];
    const s = item.subItems[0];
    const before = JSON.stringify(t.conn.raw.prepare('SELECT * FROM item_sub_items ORDER BY id').all());
    await expect(call('items:update-sub-items', { itemId: item.id, subItems: [] })).rejects.toThrow(
      /至少要有一个检查子项/,
    );
    await expect(
      call('items:update-sub-items', { itemId: item.id, subItems: [{ id: s.id, content: '   ' }] }),
    ).rejects.toThrow(/检查内容不能为空/);
    await expect(
      call('items:update-sub-items', { itemId: item.id, subItems: [{ id: foreign.id, content: 'x' }] }),
    ).rejects.toThrow(/不属于这个事项/);
    await expect(
      call('items:update-sub-items', {
        itemId: item.id,
        subItems: [
          { id: s.id, content: 'x' },
          { id: s.id, content: 'y' },
        ],
      }),
    ).rejects.toThrow(/出现了两次/);
    await expect(call('items:update-sub-items', { itemId: 999999, subItems: [{ content: 'x' }] })).rejects.toThrow(
      /没有这一项/,
    );
    expect(JSON.stringify(t.conn.raw.prepare('SELECT * FROM item_sub_items ORDER BY id').all())).toBe(before);
    expect(count("SELECT count(*) FROM roster_changes WHERE source = 'edit'")).toBe(0);
  });
});

describe('re-importing an item list after the clerk edited sub-items', () => {
  const HAINAN = join(__dirname, '../../fixtures/samples/hainan-2020-item-list.xlsx');
  async function importItems(path: string) {
    const preview = await call<ImportReportView>('roster:import-preview', {
      kind: 'items',
      fileToken: await openFile(path),
    });
    return call<ImportReportView>('roster:import-confirm', { previewId: preview.previewId });
  }

  it('a list without a 检查内容 column leaves the sub-items of known items as the clerk left them', async () => {
    expect((await importItems(HAINAN)).counts).toMatchObject({ new: 285 });
    const id = t.conn.raw.prepare('SELECT id FROM items ORDER BY id LIMIT 1').pluck().get() as number;
    const item = await call<ItemDetail>('items:get', { id });
    const [only] = item.subItems;
    await call('items:update-sub-items', {
      itemId: id,
      subItems: [
        { id: only.id, content: '核查营业执照是否悬挂', basis: only.basis, method: only.method },
        { content: '核查登记事项与实际是否一致', basis: only.basis, method: only.method },
      ],
    });
    const again = await importItems(HAINAN);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 285, rejected: 0 });
    expect(
      t.conn.raw.prepare('SELECT content FROM item_sub_items WHERE item_id = ? ORDER BY ordinal').pluck().all(id),
    ).toEqual(['核查营业执照是否悬挂', '核查登记事项与实际是否一致']);
  });

  it('a list with a 检查内容 column is the authority on its sub-items', async () => {
    const path = join(tempDir(), 'items.csv');
    writeFileSync(path, '抽查事项,检查对象,检查内容\n营业执照检查,各类市场主体,是否悬挂营业执照\n,,是否伪造涂改\n');
    expect((await importItems(path)).subItems).toMatchObject({ new: 2 });
    const id = t.conn.raw.prepare('SELECT id FROM items').pluck().get() as number;
    const item = await call<ItemDetail>('items:get', { id });
    expect(item.subItems.map((s) => s.content)).toEqual(['是否悬挂营业执照', '是否伪造涂改']);
    await call('items:update-sub-items', {
      itemId: id,
      subItems: [{ id: item.subItems[0].id, content: '改过的内容' }],
    });
    const again = await importItems(path);
    expect(again.counts).toMatchObject({ updated: 1 });
    expect(
      t.conn.raw.prepare('SELECT content FROM item_sub_items WHERE item_id = ? ORDER BY ordinal').pluck().all(id),
    ).toEqual(['是否悬挂营业执照', '是否伪造涂改']);
  });
});

describe('flagged rows at confirm', () => {
  const badCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
  function entityCsv(dir: string): { path: string; flaggedUscc: string } {
    const flaggedUscc = badCheck(syntheticUscc(3));
    const lines = [
      '统一社会信用代码,名称,主体类型,信用风险等级',
      `${syntheticUscc(1)},城关鑫源餐饮店,个体工商户,A`,
      `${syntheticUscc(2)},东关华盛五金店,个体工商户,B`,
      `${flaggedUscc},西关福临药店,企业,C`,
      `${syntheticUscc(4)},南关金海百货店,个体工商户,E`,
    ];
    const path = join(dir, 'entities.csv');
    writeFileSync(path, lines.join('\n'));
    return { path, flaggedUscc };
  }

  it('keeps a USCC with a failed check digit by default, flagged on the record', async () => {
    const { path, flaggedUscc } = entityCsv(tempDir());
    const preview = await call<ImportReportView>('roster:import-preview', {
      kind: 'entities',
      fileToken: await openFile(path),
    });
    expect(preview.counts).toMatchObject({ new: 3, rejected: 1, flagged: 1 });
    expect(preview.problems.find((p) => p.row === 4)).toMatchObject({
      severity: 'flag',
      code: 'uscc.checkDigit',
      column: 'A 统一社会信用代码',
    });
    const done = await call<ImportReportView>('roster:import-confirm', { previewId: preview.previewId });
    expect(done.counts).toMatchObject({ new: 3, rejected: 1, flagged: 1 });
    expect(t.conn.raw.prepare('SELECT flags FROM entities WHERE uscc = ?').pluck().get(flaggedUscc)).toBe(
      '["uscc.checkDigit"]',
    );
  });

  it('does not write a flagged row the clerk declined, and reports it in the rejected-rows xlsx', async () => {
    const dir = tempDir();
    const { path, flaggedUscc } = entityCsv(dir);
    const preview = await call<ImportReportView>('roster:import-preview', {
      kind: 'entities',
      fileToken: await openFile(path),
    });
    await expect(call('roster:import-confirm', { previewId: preview.previewId, declineRows: [2] })).rejects.toThrow(
      /第 2 行没有需要确认的提示/,
    );
    expect(count('SELECT count(*) FROM entities')).toBe(0);
    const done = await call<ImportReportView>('roster:import-confirm', {
      previewId: preview.previewId,
      declineRows: [4],
    });
    expect(done.counts).toMatchObject({ new: 2, rejected: 2, flagged: 0 });
    expect(count('SELECT count(*) FROM entities WHERE uscc = ?', flaggedUscc)).toBe(0);
    expect(count('SELECT count(*) FROM entities')).toBe(2);
    const declined = done.problems.find((p) => p.code === 'flag.declined')!;
    expect(declined).toMatchObject({ row: 4, severity: 'error', column: 'A 统一社会信用代码' });
    expect(declined.reason).toMatch(/未接受本行的提示.*校验码不符/);

    nextDialogPath = join(dir, '问题清单.xlsx');
    const save = await call<{ token: string }>('dialog:save-file', { purpose: 'rejections' });
    await call('roster:import-rejections', { previewId: preview.previewId, fileToken: save.token });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(nextDialogPath);
    const lines = (wb.worksheets[0].getSheetValues().slice(2) as unknown[][]).map((l) => [l[1], l[2], l[3], l[4]]);
    expect(lines).toContainEqual([4, 'A 统一社会信用代码', '未导入', declined.reason]);
    expect(lines.some((l) => l[0] === 5 && /信用风险等级/.test(String(l[1])) && /“E”无法识别/.test(String(l[3])))).toBe(
      true,
    );
  });
});

// "经营者" is the legal representative by synonym; this county's file keeps the real one in "实际负责人".
const MAPPING_HEADER = '统一社会信用代码,名称,主体类型,经营者,实际负责人';
/** A CSV of entities `rows` under the header line `first`. */
function writeCsv(dir: string, name: string, first: string, rows: number[]) {
  const path = join(dir, name);
  writeFileSync(
    path,
    [first, ...rows.map((i) => `${syntheticUscc(i)},商户${i},个体工商户,登记人${i},实际人${i}`)].join('\n'),
  );
  return path;
}

describe('mapping remembered per file shape', () => {
  it('detect offers the confirmed mapping for the next file of the same shape, and forgets it when set back', async () => {
    const dir = tempDir();
    const first = await openFile(writeCsv(dir, 'a.csv', MAPPING_HEADER, [1, 2]));
    const detected = await call<MappingProposalView>('roster:import-detect', { kind: 'entities', fileToken: first });
    expect(detected.remembered).toBe(false);
    expect(detected.detection.mapping.legalRep).toBe(3);
    expect(detected.autoMapping).toEqual(detected.detection.mapping);
    const mapping = { ...detected.detection.mapping, legalRep: 4 };

    // A preview alone remembers nothing: the clerk has not confirmed the import yet.
    const preview = await call<ImportReportView>('roster:import-preview', {
      kind: 'entities',
      fileToken: first,
      mapping,
    });
    const again = await call<MappingProposalView>('roster:import-detect', {
      kind: 'entities',
      fileToken: await openFile(writeCsv(dir, 'b.csv', MAPPING_HEADER, [3])),
    });
    expect(again.remembered).toBe(false);
    await call('roster:import-confirm', { previewId: preview.previewId });
    expect(t.conn.raw.prepare('SELECT legal_rep FROM entities ORDER BY id').pluck().all()).toEqual([
      '实际人1',
      '实际人2',
    ]);
    const stored = JSON.parse(
      t.conn.raw
        .prepare('SELECT value FROM settings WHERE key = ?')
        .pluck()
        .get(MAPPING_KEY_PREFIX + detected.detection.signature) as string,
    );
    expect(stored).toMatchObject({ kind: 'entities', mapping, headers: MAPPING_HEADER.split(',') });
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'roster:mapping-remember'")).toBe(1);

    // Same shape, other rows (and other header spacing/width forms normalise alike): the remembered mapping.
    const secondToken = await openFile(writeCsv(dir, 'c.csv', MAPPING_HEADER.replace('名称', ' 名称 '), [5, 6]));
    const second = await call<MappingProposalView>('roster:import-detect', {
      kind: 'entities',
      fileToken: secondToken,
    });
    expect(second.remembered).toBe(true);
    expect(second.detection.mapping).toEqual(mapping);
    expect(second.autoMapping.legalRep).toBe(3);
    expect(second.detection.unmapped.map((c) => c.text)).toEqual(['经营者']);
    // A preview without a mapping uses the remembered one too.
    const secondPreview = await call<ImportReportView>('roster:import-preview', {
      kind: 'entities',
      fileToken: secondToken,
    });
    expect(secondPreview.mapping).toEqual(mapping);

    // Another shape, or another roster kind, is not affected.
    const other = await call<MappingProposalView>('roster:import-detect', {
      kind: 'entities',
      fileToken: await openFile(writeCsv(dir, 'd.csv', `${MAPPING_HEADER},备注`, [7])),
    });
    expect(other.remembered).toBe(false);

    // Confirming the header's own mapping for this shape forgets the remembered one.
    const back = await call<ImportReportView>('roster:import-preview', {
      kind: 'entities',
      fileToken: secondToken,
      mapping: second.autoMapping,
    });
    await call('roster:import-confirm', { previewId: back.previewId });
    expect(count('SELECT count(*) FROM settings WHERE key LIKE ?', `${MAPPING_KEY_PREFIX}%`)).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'roster:mapping-forget'")).toBe(1);
    expect(
      (await call<MappingProposalView>('roster:import-detect', { kind: 'entities', fileToken: secondToken }))
        .remembered,
    ).toBe(false);
    // The bureau settings are untouched by the mapping keys.
    expect((await t.services.settings.get()).bureauName).toBe('某县市场监督管理局');
  });
});
