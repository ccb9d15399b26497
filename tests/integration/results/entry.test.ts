/**
 * Entering one record sheet: a consistent entry becomes 已录入 with its audit row; an inconsistent one is refused with
 * its problems per field (or kept as a 未录入 draft when asked); nothing is written twice or for the wrong entity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry } from '../../../src-main/results/entry';
import { resultCounts, resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
});
afterAll(async () => {
  await c.close();
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; details: { problems: { field: string; message: string }[] } };
  }
  throw new Error('expected a refusal');
};

describe('saveEntry', () => {
  it('stores a consistent entry as 已录入 with its rows, who entered it, and one audit row', () => {
    const before = resultCounts(c);
    const saved = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(0));
    expect(saved).toMatchObject({ outcome: 'entered', problems: [] });
    const row = c.conn.raw.prepare('SELECT * FROM results WHERE id = ?').get(saved.resultIds[0]);
    expect(row).toMatchObject({ state: '已录入', entered_by: '测试操作员', inspected_on: '2026-11-24' });
    expect(c.count('result_rows') - before.result_rows).toBe(c.subItems().length);
    expect(c.count('audit_log') - before.audit_log).toBe(1);
  });

  it('reports an unchanged entry and writes nothing', () => {
    saveEntry(c.conn.raw, c.ctx, c.cleanSheet(1));
    const before = resultCounts(c);
    expect(saveEntry(c.conn.raw, c.ctx, c.cleanSheet(1)).outcome).toBe('unchanged');
    expect(resultCounts(c)).toEqual(before);
  });

  it('updates the entry when it changes', () => {
    const first = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(2));
    const second = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(2, { note: '负责人在场' }));
    expect(second).toMatchObject({ outcome: 'entered', resultIds: first.resultIds });
    const note = c.conn.raw.prepare('SELECT note FROM results WHERE id = ?').pluck().get(first.resultIds[0]);
    expect(note).toBe('负责人在场');
  });

  it('refuses an inconsistent entry with its problems per field and writes nothing', () => {
    const before = resultCounts(c);
    const e = refusal(() => saveEntry(c.conn.raw, c.ctx, c.cleanSheet(3, { methods: [], inspectedOn: '2026-10-01' })));
    expect(e.code).toBe('result.invalid');
    expect(e.details.problems.map((p) => p.field)).toEqual(['inspectedOn', 'methods']);
    expect(e.message).toContain('请选择核查方式');
    expect(resultCounts(c)).toEqual(before);
  });

  it('keeps a partial draft as typed in 未录入', () => {
    const draft = c.cleanSheet(4, { categories: [], rows: [] });
    const saved = saveEntry(c.conn.raw, c.ctx, draft, { draft: true });
    expect(saved.outcome).toBe('draft');
    expect(saved.problems.map((p) => p.message)).toContain('还有检查内容未填写结果');
    const row = c.conn.raw.prepare('SELECT state, entered_at FROM results WHERE id = ?').get(saved.resultIds[0]);
    expect(row).toEqual({ state: '未录入', entered_at: null });
  });

  it('refuses an inspector who is not in the package team', () => {
    const outsider = c.drawn(0).team.find((id) => !c.drawn(5).team.includes(id));
    const ids = outsider ? [outsider, ...c.drawn(5).team] : ['不存在'];
    const e = refusal(() => saveEntry(c.conn.raw, c.ctx, c.cleanSheet(5, { inspectorIds: ids })));
    expect(e.details.problems[0]).toMatchObject({ field: 'inspectorIds' });
    expect(e.details.problems[0].message).toMatch(/不是本检查组成员$/);
  });

  it('refuses, even as a draft, rows of items the task does not inspect', () => {
    const before = resultCounts(c);
    const sheet = c.cleanSheet(6);
    sheet.entry.rows.push({ subItemId: 999999, outcome: '符合', finding: '' });
    const e = refusal(() => saveEntry(c.conn.raw, c.ctx, sheet, { draft: true }));
    expect(e.message).toContain('检查内容（编号 999999）不属于本次检查的事项');
    expect(resultCounts(c)).toEqual(before);
  });

  it('refuses an entity the draw did not select', () => {
    const before = resultCounts(c);
    const drawn = c.conn.raw.prepare('SELECT entity_id FROM draw_selected').pluck().all() as number[];
    const other = c.conn.raw
      .prepare('SELECT id FROM entities WHERE id NOT IN (SELECT value FROM json_each(?)) LIMIT 1')
      .pluck()
      .get(JSON.stringify(drawn)) as number;
    const e = refusal(() => saveEntry(c.conn.raw, c.ctx, { ...c.cleanSheet(7), entityId: other }));
    expect(e.code).toBe('result.notDrawn');
    expect(resultCounts(c)).toEqual(before);
  });
});
