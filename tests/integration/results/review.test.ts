/**
 * 审核: approve or return entered results (a return needs its reason), the reviewer's name and time recorded; a reviewed
 * result is never edited again, only corrected through a new row that names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry } from '../../../src-main/results/entry';
import { correctResult, review } from '../../../src-main/results/review';
import { resultCounts, resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
});
afterAll(async () => {
  await c.close();
});

const enter = (i: number) => saveEntry(c.conn.raw, c.ctx, c.cleanSheet(i)).resultIds[0];
const rowOf = (id: number) =>
  c.conn.raw.prepare('SELECT state, reviewed_by, reviewed_at, return_reason FROM results WHERE id = ?').get(id);

describe('review', () => {
  it('approves, recording the reviewer and the time', () => {
    const id = enter(0);
    c.ctx.clock.now = new Date('2026-11-25T02:00:00.000Z');
    expect(review(c.conn.raw, c.ctx, [id], 'approve')).toEqual({ reviewed: 1 });
    expect(rowOf(id)).toEqual({
      state: '已审核',
      reviewed_by: '测试操作员',
      reviewed_at: '2026-11-25T02:00:00.000Z',
      return_reason: null,
    });
  });

  it('returns with the reason', () => {
    const id = enter(1);
    review(c.conn.raw, c.ctx, [id], 'return', '检查日期与记录表不符');
    expect(rowOf(id)).toMatchObject({ state: '审核退回', return_reason: '检查日期与记录表不符' });
  });

  it('refuses a return without a reason and writes nothing', () => {
    const id = enter(2);
    const before = resultCounts(c);
    expect(() => review(c.conn.raw, c.ctx, [id], 'return', '  ')).toThrow('退回检查结果须写明退回理由。');
    expect(resultCounts(c)).toEqual(before);
    expect(rowOf(id)).toMatchObject({ state: '已录入' });
  });

  it('refuses to review a draft, and reviews none of the selection', () => {
    const entered = enter(3);
    const draft = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(4, { methods: [] }), { draft: true }).resultIds[0];
    const before = resultCounts(c);
    expect(() => review(c.conn.raw, c.ctx, [entered, draft], 'approve')).toThrow(/只有“已录入”的检查结果可以审核/);
    expect(resultCounts(c)).toEqual(before);
    expect(rowOf(entered)).toMatchObject({ state: '已录入' });
  });

  it('brings a returned result back to 已录入 once it is consistent again', () => {
    const id = enter(5);
    review(c.conn.raw, c.ctx, [id], 'return', '缺少负责人意见');
    saveEntry(c.conn.raw, c.ctx, c.cleanSheet(5, { methods: [] }), { draft: true });
    expect(rowOf(id)).toMatchObject({ state: '审核退回' });
    saveEntry(c.conn.raw, c.ctx, c.cleanSheet(5, { note: '负责人意见已补' }));
    expect(rowOf(id)).toMatchObject({ state: '已录入' });
  });

  it('refuses to save over a reviewed result and writes nothing', () => {
    const id = enter(6);
    review(c.conn.raw, c.ctx, [id], 'approve');
    const before = resultCounts(c);
    expect(() => saveEntry(c.conn.raw, c.ctx, c.cleanSheet(6, { note: '改一下' }))).toThrow(/已审核，不能修改/);
    expect(resultCounts(c)).toEqual(before);
  });

  it('corrects a reviewed result through a new row that names it, leaving it as it was', () => {
    const id = enter(7);
    review(c.conn.raw, c.ctx, [id], 'approve');
    const correction = correctResult(c.conn.raw, c.ctx, id, '检查日期录错');
    const saved = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(7, { inspectedOn: '2026-11-25' }));
    expect(saved.resultIds).toEqual([correction]);
    const rows = c.conn.raw
      .prepare('SELECT id, corrects_id, state, inspected_on FROM results WHERE id IN (?, ?) ORDER BY id')
      .all(id, correction);
    expect(rows).toEqual([
      { id, corrects_id: null, state: '已审核', inspected_on: '2026-11-24' },
      { id: correction, corrects_id: id, state: '已录入', inspected_on: '2026-11-25' },
    ]);
  });

  it('refuses a correction without a reason', () => {
    const id = enter(8);
    review(c.conn.raw, c.ctx, [id], 'approve');
    const before = resultCounts(c);
    expect(() => correctResult(c.conn.raw, c.ctx, id, '')).toThrow('更正已审核的检查结果须写明更正理由。');
    expect(resultCounts(c)).toEqual(before);
  });
});
