/**
 * The results pages' service calls: a task's entities with their state, one entity's sheet with its draft, saving as
 * a draft or entering, review from the list, and importing filled workbooks through a preview then a confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@shared/errors';
import { createFileTokens, type FileDialogRequest } from '../../../src-main/app/file-tokens';
import { resultCounts, resultsCounty, type ResultsCounty } from './setup';
import { spoiledWorkbook } from './workbooks';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
});
afterAll(async () => {
  await c.close();
});

const save = (i: number, change = {}, draft = false) => {
  const sheet = c.cleanSheet(i, change);
  return c.services.results.save({ ...sheet, draft });
};

function refusal(action: () => unknown): { code: string; fields: string[]; message: string } {
  try {
    action();
  } catch (e) {
    if (!isAppError(e)) throw e;
    const problems = (e.details as { problems: { field: string }[] }).problems;
    return { code: e.code, fields: problems.map((p) => p.field), message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('the task list and its entities', () => {
  it('lists the sealed draw with its entities counted by state', () => {
    save(0);
    save(1, { methods: [] }, true);
    const task = c.services.results.tasks().find((t) => t.drawId === c.drawId)!;
    const drawn = c.count('draw_selected');
    expect(task).toMatchObject({ taskId: c.taskId, entities: drawn });
    expect(task.counts).toEqual({ 未录入: drawn - 1, 已录入: 1, 已审核: 0, 审核退回: 0 });
  });

  it('filters the entities by state and by name, marking a saved draft', () => {
    const entered = c.services.results.entities({ drawId: c.drawId, state: '已录入' });
    expect(entered.map((e) => e.entityId)).toEqual([c.drawn(0).entityId]);
    expect(entered[0]).toMatchObject({ enteredBy: '测试操作员', inspectedOn: '2026-11-24' });
    const open = c.services.results.entities({ drawId: c.drawId, state: '未录入' });
    expect(open.find((e) => e.entityId === c.drawn(1).entityId)).toMatchObject({ draft: true });
    expect(open.find((e) => e.entityId === c.drawn(2).entityId)).toMatchObject({ draft: false, resultId: null });
    const name = open[3].name;
    const found = c.services.results.entities({ drawId: c.drawId, query: name });
    expect(found.map((e) => e.name)).toContain(name);
    expect(found.every((e) => e.name.includes(name) || e.code.includes(name))).toBe(true);
  });
});

describe('one entity sheet', () => {
  it('gives the team, the rows and the saved draft with why it is not yet entered', () => {
    const view = c.services.results.sheet({ drawId: c.drawId, entityId: c.drawn(1).entityId });
    expect(view.team.map((m) => m.id)).toEqual(c.drawn(1).team);
    expect(view.items.flatMap((i) => i.rows.map((r) => r.subItemId))).toEqual(c.subItems());
    expect(view.entry?.methods).toEqual([]);
    expect(view).toMatchObject({ state: '未录入', taskIds: [c.taskId] });
    expect(view.problems).toEqual([{ field: 'methods', message: '请选择核查方式' }]);
  });

  it('refuses even a draft whose date is not a date, writing nothing', () => {
    const before = resultCounts(c);
    const got = refusal(() => save(2, { inspectedOn: '2026-13-45' }, true));
    expect(got).toMatchObject({ code: 'result.invalid', fields: ['inspectedOn'] });
    expect(got.message).toContain('不是有效的日期');
    expect(resultCounts(c)).toEqual(before);
  });

  it('refuses to enter an inconsistent sheet, each reason at its field', () => {
    const rows = c.subItems().map((id, n) => ({ subItemId: id, outcome: n ? '符合' : '不符合', finding: '无照' }));
    expect(refusal(() => save(3, { rows })).fields).toEqual(['categories']);
    const ordered = { categories: ['发现问题,依法责令立即改正或者限期改正'], rows };
    expect(refusal(() => save(3, ordered)).message).toContain('责令改正须填写整改期限');
    expect(refusal(() => save(3, { inspectedOn: '2027-03-01' })).fields).toEqual(['inspectedOn']);
    const outsider = refusal(() => save(3, { inspectorIds: [...c.drawn(3).team, '专家999'] }));
    expect(outsider).toMatchObject({ fields: ['inspectorIds'] });
    expect(outsider.message).toContain('不是本检查组成员');
  });

  it('keeps a consistent draft 未录入 with no problems until it is submitted', () => {
    expect(save(1, {}, true)).toMatchObject({ outcome: 'draft', state: '未录入', problems: [] });
    expect(save(1)).toMatchObject({ outcome: 'entered', state: '已录入', problems: [] });
  });
});

describe('review from the list', () => {
  it('approves and returns with the reviewer and time recorded; only 已录入 results', () => {
    const [a, b] = [0, 1].map((i) => c.services.results.sheet({ drawId: c.drawId, entityId: c.drawn(i).entityId }));
    expect(c.services.results.review({ resultIds: a.resultIds, action: 'approve' })).toEqual({ reviewed: 1 });
    expect(() => c.services.results.review({ resultIds: b.resultIds, action: 'return' })).toThrow('须写明退回理由');
    c.services.results.review({ resultIds: b.resultIds, action: 'return', reason: '检查日期与签字不符' });
    const rows = c.services.results.entities({ drawId: c.drawId });
    const row = (i: number) => rows.find((r) => r.entityId === c.drawn(i).entityId);
    expect(row(0)).toMatchObject({ state: '已审核', reviewedBy: '测试操作员', reviewedAt: c.ctx.now().toISOString() });
    expect(row(1)).toMatchObject({ state: '审核退回', returnReason: '检查日期与签字不符' });
    expect(() => c.services.results.review({ resultIds: a.resultIds, action: 'approve' })).toThrow('只有“已录入”');
  });
});

describe('import through a preview', () => {
  it('gives one token per workbook chosen in the multi-select dialog, none when cancelled', async () => {
    const shown: FileDialogRequest[] = [];
    const answers: (string[] | null)[] = [['/data/第1包.xlsx', '/data/第2包.xlsx'], null];
    const files = createFileTokens(async (request) => (shown.push(request), answers.shift()!), c.ctx.now);
    const chosen = await files.chooseMany({ title: '选择', filters: [] });
    expect(chosen?.map((f) => f.fileName)).toEqual(['第1包.xlsx', '第2包.xlsx']);
    expect(files.resolve(chosen![1].token, 'open')).toBe('/data/第2包.xlsx');
    expect(shown[0]).toMatchObject({ mode: 'open', multiple: true });
    expect(await files.chooseMany({ title: '选择', filters: [] })).toBeNull();
  });

  it('names the bad sheet, writes nothing until confirmed, then enters the valid part', async () => {
    const { path, pkg, badSheet, badCell } = await spoiledWorkbook(c.conn.raw, c.drawId, c.dir, (p) => p.no > 2);
    const before = resultCounts(c);
    const { token } = c.services.files.issue(path, 'open');
    const { previewId, report } = await c.services.results.importPreview({ files: [token] });
    expect(report).toMatchObject({ files: 1, sheets: pkg.entities.length, entered: pkg.entities.length - 1 });
    expect(report.problems).toContainEqual(
      expect.objectContaining({ file: `第${pkg.no}包.xlsx`, sheet: badSheet, cell: badCell }),
    );
    expect(resultCounts(c)).toEqual(before);
    const done = await c.services.results.importConfirm({ previewId });
    expect(done.entered).toBe(pkg.entities.length - 1);
    expect(c.count('results') - before.results).toBe(pkg.entities.length - 1);
    await expect(c.services.results.importConfirm({ previewId })).rejects.toThrow('导入预览已失效');
  });
});
