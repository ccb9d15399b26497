/**
 * 全程留痕 held by the database itself: whatever a program bug or a hand edit in the SQLite shell tries, a reviewed
 * result and its rows do not change, no result is deleted, states move only forward, and a closed follow-up stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry } from '../../../src-main/results/entry';
import { review } from '../../../src-main/results/review';
import { resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
let reviewed: number;
let entered: number;
beforeAll(async () => {
  c = await resultsCounty();
  reviewed = saveEntry(c.conn.raw, c.ctx, c.problemSheet(0)).resultIds[0];
  review(c.conn.raw, c.ctx, [reviewed], 'approve');
  entered = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(1)).resultIds[0];
});
afterAll(async () => {
  await c.close();
});

const exec =
  (sql: string, ...params: unknown[]) =>
  () =>
    c.conn.raw.prepare(sql).run(...params);
const REVIEWED = /已审核的检查结果不可修改/;

describe('the results tables refuse', () => {
  it('an update of a reviewed result', () => {
    expect(exec("UPDATE results SET note = '悄悄改' WHERE id = ?", reviewed)).toThrow(REVIEWED);
  });

  it('deleting any result', () => {
    expect(exec('DELETE FROM results WHERE id = ?', entered)).toThrow(/检查结果不可删除/);
  });

  it('changing, adding or removing rows of a reviewed result', () => {
    expect(exec("UPDATE result_rows SET outcome = '符合' WHERE result_id = ?", reviewed)).toThrow(REVIEWED);
    expect(exec('DELETE FROM result_rows WHERE result_id = ?', reviewed)).toThrow(REVIEWED);
    const spare = c.conn.raw.prepare('SELECT max(id) FROM item_sub_items').pluck().get();
    expect(exec('INSERT INTO result_rows (result_id, sub_item_id) VALUES (?, ?)', reviewed, spare)).toThrow(REVIEWED);
  });

  it('skipping from 未录入 straight to 已审核', () => {
    const draft = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(2, { methods: [] }), { draft: true }).resultIds[0];
    const sql =
      "UPDATE results SET state = '已审核', reviewed_at = 'x', reviewed_by = 'x', entered_at = 'x', entered_by = 'x' WHERE id = ?";
    expect(exec(sql, draft)).toThrow(/检查结果状态不能这样变更/);
  });

  it('a result for an entity the draw did not select', () => {
    const notDrawn = c.conn.raw
      .prepare('SELECT id FROM entities WHERE id NOT IN (SELECT entity_id FROM draw_selected) LIMIT 1')
      .pluck()
      .get();
    const sql =
      "INSERT INTO results (task_id, draw_id, entity_id, state, saved_at, saved_by) VALUES (?, ?, ?, '未录入', 'x', 'x')";
    expect(exec(sql, c.taskId, c.drawId, notDrawn)).toThrow(/只能为已封存抽取的抽中对象登记检查结果/);
  });

  it('a correction of a result that is not reviewed', () => {
    const sql = `INSERT INTO results (task_id, draw_id, entity_id, corrects_id, correction_reason, state, saved_at, saved_by)
      VALUES (?, ?, ?, ?, '理由', '未录入', 'x', 'x')`;
    expect(exec(sql, c.taskId, c.drawId, c.drawn(1).entityId, entered)).toThrow(/只能更正同一对象已审核的检查结果/);
  });

  it('changing a closed follow-up', () => {
    c.conn.raw
      .prepare("UPDATE result_follow_ups SET closed_on = '2026-12-01', closing_note = '已整改' WHERE result_id = ?")
      .run(reviewed);
    expect(exec("UPDATE result_follow_ups SET closing_note = '改' WHERE result_id = ?", reviewed)).toThrow(
      /已完结的后续处置不可修改/,
    );
  });
});
