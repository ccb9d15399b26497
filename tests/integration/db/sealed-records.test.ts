/**
 * Sealed records hold against raw SQL, as an outside SQLite tool would run it: a sealed draw, its inputs, witnesses,
 * drawn entities, results and proofs; a reviewed result and its rows; a published announcement. Each column family is
 * updated and each row deleted, and every attempt is refused by its trigger. A correction is a new row that points to
 * the reviewed result it corrects.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsCounty, type ResultsCounty } from '../results/setup';

let c: ResultsCounty;
let raw: BetterSqlite3.Database;
let reviewedId: number;
let enteredId: number;
let publicationId: number;

const T = '2026-11-24T02:00:00.000Z';

function enterResult(entityId: number): number {
  const { lastInsertRowid } = raw
    .prepare(
      `INSERT INTO results (task_id, draw_id, entity_id, state, inspected_on, saved_at, saved_by, entered_at, entered_by)
       VALUES (?, ?, ?, '已录入', '2026-11-24', ?, '录入员', ?, '录入员')`,
    )
    .run(c.taskId, c.drawId, entityId, T, T);
  const id = Number(lastInsertRowid);
  const subItem = c.subItems()[0];
  raw.prepare(`INSERT INTO result_rows (result_id, sub_item_id, outcome) VALUES (?, ?, '符合')`).run(id, subItem);
  return id;
}

beforeAll(async () => {
  c = await resultsCounty();
  raw = c.conn.raw;
  reviewedId = enterResult(c.drawn(0).entityId);
  raw
    .prepare(`UPDATE results SET state = '已审核', reviewed_at = ?, reviewed_by = '审核人' WHERE id = ?`)
    .run(T, reviewedId);
  enteredId = enterResult(c.drawn(1).entityId);
  const { lastInsertRowid } = raw
    .prepare(
      `INSERT INTO publications (kind, year, bureau_name, title, task_id, published_at, published_by, digest)
       VALUES ('抽查结果公告', 2026, '某县市场监督管理局', '抽查结果公告', ?, ?, '测试', ?)`,
    )
    .run(c.taskId, T, 'a'.repeat(64));
  publicationId = Number(lastInsertRowid);
  raw
    .prepare('INSERT INTO publication_results (publication_id, result_id) VALUES (?, ?)')
    .run(publicationId, reviewedId);
}, 120_000);
afterAll(() => c.cleanup());

const DRAW = () => `draw_id = ${c.drawId}`;

/** [what, SQL, the trigger's refusal]. Each runs alone: a refusal leaves the row as it was. */
const refusals: [string, () => string, string][] = [
  ['the sealed draw’s state', () => `UPDATE draws SET state = 'voided' WHERE id = ${c.drawId}`, '已封存的抽取不可修改'],
  [
    'the sealed draw’s seed and result',
    () => `UPDATE draws SET seed = '${'b'.repeat(64)}' WHERE id = ${c.drawId}`,
    '已封存的抽取不可修改',
  ],
  [
    'the sealed draw’s result JSON',
    () => `UPDATE draws SET result = '{}' WHERE id = ${c.drawId}`,
    '已封存的抽取不可修改',
  ],
  [
    'the sealed draw’s people',
    () => `UPDATE draws SET supervisor = '别人', operator = '别人' WHERE id = ${c.drawId}`,
    '已封存的抽取不可修改',
  ],
  [
    'the sealed draw’s inputs digest',
    () => `UPDATE draws SET input_digest = '${'c'.repeat(64)}' WHERE id = ${c.drawId}`,
    '已封存的抽取不可修改',
  ],
  ['deleting the sealed draw', () => `DELETE FROM draws WHERE id = ${c.drawId}`, '已承诺或已作废的抽取不可删除'],
  ['its inputs', () => `UPDATE draw_inputs SET draw_id = draw_id WHERE ${DRAW()}`, '抽取输入不可修改'],
  ['deleting its inputs', () => `DELETE FROM draw_inputs WHERE ${DRAW()}`, '已承诺抽取的输入不可删除'],
  ['its witness values', () => `UPDATE draw_witnesses SET value = '改过' WHERE ${DRAW()}`, '见证值不可修改'],
  ['deleting its witnesses', () => `DELETE FROM draw_witnesses WHERE ${DRAW()}`, '见证值不可删除'],
  [
    'its drawn entities’ ranks and packages',
    () => `UPDATE draw_selected SET package_no = package_no + 1 WHERE ${DRAW()}`,
    '抽中对象名单不可修改',
  ],
  ['deleting a drawn entity', () => `DELETE FROM draw_selected WHERE ${DRAW()}`, '抽中对象名单不可删除'],
  [
    'adding an entity to its drawn list',
    () =>
      `INSERT INTO draw_selected (draw_id, entity_id, code, stratum, rank, key, package_no)
       SELECT draw_id, entity_id + 100000, code || 'X', stratum, rank + 100000, key, package_no FROM draw_selected
       WHERE ${DRAW()} LIMIT 1`,
    '已封存的抽中对象名单不可增补',
  ],
  ['its proof body', () => `UPDATE draw_proofs SET body = '{}' WHERE ${DRAW()}`, '已封存的抽取记录不可修改'],
  [
    'its proof record and anchor',
    () => `UPDATE draw_proofs SET record = '{}', audit_head = NULL WHERE ${DRAW()}`,
    '已封存的抽取记录不可修改',
  ],
  ['deleting its proof', () => `DELETE FROM draw_proofs WHERE ${DRAW()}`, '已封存的抽取记录不可删除'],
  [
    'the reviewed result’s state',
    () => `UPDATE results SET state = '已录入' WHERE id = ${reviewedId}`,
    '已审核的检查结果不可修改',
  ],
  [
    'the reviewed result’s findings',
    () => `UPDATE results SET categories = '[]', note = '改' WHERE id = ${reviewedId}`,
    '已审核的检查结果不可修改',
  ],
  [
    'the reviewed result’s reviewer',
    () => `UPDATE results SET reviewed_by = '别人' WHERE id = ${reviewedId}`,
    '已审核的检查结果不可修改',
  ],
  ['deleting the reviewed result', () => `DELETE FROM results WHERE id = ${reviewedId}`, '检查结果不可删除'],
  ['deleting a result not yet reviewed', () => `DELETE FROM results WHERE id = ${enteredId}`, '检查结果不可删除'],
  [
    'the reviewed result’s rows',
    () => `UPDATE result_rows SET outcome = '不符合' WHERE result_id = ${reviewedId}`,
    '已审核的检查结果不可修改',
  ],
  [
    'deleting the reviewed result’s rows',
    () => `DELETE FROM result_rows WHERE result_id = ${reviewedId}`,
    '已审核的检查结果不可修改',
  ],
  [
    'the published announcement',
    () => `UPDATE publications SET title = '改', digest = '${'d'.repeat(64)}' WHERE id = ${publicationId}`,
    '已公示的公告不可修改',
  ],
  [
    'deleting the published announcement',
    () => `DELETE FROM publications WHERE id = ${publicationId}`,
    '已公示的公告不可删除',
  ],
  [
    'the announcement’s results',
    () => `UPDATE publication_results SET result_id = ${enteredId} WHERE publication_id = ${publicationId}`,
    '已公示的公告不可修改',
  ],
  [
    'deleting the announcement’s results',
    () => `DELETE FROM publication_results WHERE publication_id = ${publicationId}`,
    '已公示的公告不可删除',
  ],
];

describe('sealed records against raw SQL', () => {
  it('has every protected table filled (else a refusal proves nothing)', () => {
    for (const table of ['draw_inputs', 'draw_witnesses', 'draw_selected', 'draw_proofs', 'draw_results']) {
      const n = raw.prepare(`SELECT count(*) FROM ${table} WHERE ${DRAW()}`).pluck().get() as number;
      expect(n, table).toBeGreaterThan(0);
    }
  });

  it.each(refusals)('refuses a change of %s', (_what, sqlText, message) => {
    const before = raw.prepare('SELECT total_changes()').pluck().get();
    expect(() => raw.exec(sqlText())).toThrow(message);
    expect(raw.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('refuses a change or a delete of the draw’s results', () => {
    expect(() => raw.exec(`UPDATE draw_results SET draw_id = draw_id WHERE ${DRAW()}`)).toThrow(
      '抽取结果一经确定不可修改',
    );
    expect(() => raw.exec(`DELETE FROM draw_results WHERE ${DRAW()}`)).toThrow('抽取结果不可删除');
  });

  it('accepts a correction as a new row pointing to the reviewed result, and refuses one of an unreviewed result', () => {
    const correct = (of: number, entityId: number) =>
      raw
        .prepare(
          `INSERT INTO results (task_id, draw_id, entity_id, corrects_id, correction_reason, state, inspected_on,
             saved_at, saved_by, entered_at, entered_by)
           VALUES (?, ?, ?, ?, '检查日期录错', '已录入', '2026-11-25', ?, '录入员', ?, '录入员')`,
        )
        .run(c.taskId, c.drawId, entityId, of, T, T);
    const { lastInsertRowid } = correct(reviewedId, c.drawn(0).entityId);
    const row = raw.prepare('SELECT corrects_id, state FROM results WHERE id = ?').get(lastInsertRowid);
    expect(row).toEqual({ corrects_id: reviewedId, state: '已录入' });
    expect(raw.prepare('SELECT state FROM results WHERE id = ?').pluck().get(reviewedId)).toBe('已审核');
    expect(() => correct(enteredId, c.drawn(1).entityId)).toThrow('只能更正同一对象已审核的检查结果');
  });
});
