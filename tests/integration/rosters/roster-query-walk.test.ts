/**
 * Sorted pages with conditions: whichever plan answers (a walk of the sort index, given up when the conditions
 * correlate with the sort order, or sorting the matches), the page is exactly the ground truth's. Small walk
 * batches make a 3,000-entity county take every path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../src-main/demo/demo-data';
import { WALK_TUNING } from '../../../src-main/rosters/service';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;
const saved = { ...WALK_TUNING };
beforeAll(async () => {
  t = await createTestDb();
  loadDemoData(t.conn.raw, { entities: 3000, actor: '测试', now: t.ctx.now() });
  Object.assign(WALK_TUNING, { batch: 10, minExpected: 2 });
});
afterAll(async () => {
  Object.assign(WALK_TUNING, saved);
  await t.cleanup();
});

const COLUMNS = { name: 'name', office: 'office', creditGrade: 'credit_grade', uscc: 'uscc', area: 'area' } as const;

describe('sorted pages with conditions', () => {
  it('match the ground truth on every path (walk filled, walk given up, sort plan)', () => {
    const raw = t.conn.raw;
    const areas = raw.prepare('SELECT DISTINCT area FROM entities ORDER BY area').pluck().all() as string[];
    const cases: { filters: Record<string, string[]>; search?: string; where: string; params: unknown[] }[] = [
      { filters: { creditGrade: ['B'] }, where: "credit_grade = 'B'", params: [] },
      { filters: { status: ['存续'] }, where: "reg_status = '存续'", params: [] },
      // 片区 correlates with 管辖单位: the first and the last 片区 in 管辖单位 order.
      { filters: { area: [areas[0]] }, where: 'area = ?', params: [areas[0]] },
      { filters: { area: [areas[areas.length - 1]] }, where: 'area = ?', params: [areas[areas.length - 1]] },
      { filters: { entityType: ['个体工商户'] }, where: "entity_type = '个体工商户'", params: [] },
      { filters: {}, search: '鑫源', where: "name LIKE '%鑫源%'", params: [] },
      {
        filters: { creditGrade: ['B', 'C'] },
        search: '有限公司',
        where: "credit_grade IN ('B','C') AND (name LIKE '%有限公司%' OR uscc LIKE '%有限公司%')",
        params: [],
      },
    ];
    let checked = 0;
    for (const c of cases) {
      for (const [field, column] of Object.entries(COLUMNS)) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const [page, pageSize] of [
            [1, 5],
            [3, 5],
            [2, 50],
          ]) {
            const dir = direction.toUpperCase();
            const expected = raw
              .prepare(`SELECT id FROM entities WHERE ${c.where} ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`)
              .pluck()
              .all(...c.params, pageSize, (page - 1) * pageSize);
            const got = t.services.rosters.query({
              roster: 'entities',
              page,
              pageSize,
              search: c.search,
              sort: { field: field as 'name', direction },
              filters: c.filters,
            });
            expect(
              got.rows.map((r) => r.id),
              `${JSON.stringify(c.filters)} ${c.search ?? ''} ${field} ${direction} p${page}/${pageSize}`,
            ).toEqual(expected);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(cases.length * 5 * 2 * 3);
  });
});
