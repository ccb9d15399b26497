/**
 * 进一次门、查多项事: one sheet of a merged visit writes one result per merged task, each with the rows of its own items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetResult } from '@shared/domain/results';
import { latestProof } from '../../../src-main/draws/views';
import { saveEntry } from '../../../src-main/results/entry';
import { county, type County } from '../../fixtures/county';
import { overlappingPharmacyTasks } from '../../fixtures/joint-tasks';

let c: County;
let sheet: SheetResult;
let subItems: Map<number, number[]>;
beforeAll(async () => {
  c = await county(600);
  const raw = c.conn.raw;
  const { market, health } = overlappingPharmacyTasks(c);
  const drawId = await c.drawAndSeal(market);
  const healthDraw = await c.drawAndSeal(health);
  const entityId = c.services.visits.proposals({ year: 2026 }).proposals[0].entityId;
  c.services.visits.merge({ entityId, taskIds: [market, health] });
  const teamOf = (draw: number) => {
    const no = raw
      .prepare('SELECT package_no FROM draw_selected WHERE draw_id = ? AND entity_id = ?')
      .pluck()
      .get(draw, entityId);
    return latestProof(raw, draw)!.body.result.packages.find((p) => p.no === no)!.team;
  };
  const subs = (task: number) =>
    raw
      .prepare('SELECT s.id FROM task_items t JOIN item_sub_items s ON s.item_id = t.item_id WHERE t.task_id = ?')
      .pluck()
      .all(task) as number[];
  subItems = new Map([
    [market, subs(market)],
    [health, subs(health)],
  ]);
  const all = [...new Set([...subs(market), ...subs(health)])];
  sheet = {
    drawId,
    entityId,
    taskIds: [market, health],
    entry: {
      inspectedOn: '2026-12-02',
      inspectorIds: [...teamOf(drawId).slice(0, 1), ...teamOf(healthDraw).slice(0, 1)],
      methods: ['实地检查'],
      rows: all.map((id) => ({ subItemId: id, outcome: '符合', finding: '' })),
      categories: ['未发现问题'],
      followUps: ['无需后续处置(未发现问题或已规范、已改正)'],
      ...{ followUpOther: '', correctionDeadline: null, endState: null, note: '联合检查' },
    },
  };
});
afterAll(async () => {
  await c.close();
});

describe('a joint visit sheet', () => {
  it('writes one result per merged task with the rows of its own items', () => {
    const saved = saveEntry(c.conn.raw, c.ctx, sheet);
    expect(saved.outcome).toBe('entered');
    const written = saved.resultIds.map((id) => ({
      task: c.conn.raw.prepare('SELECT task_id FROM results WHERE id = ?').pluck().get(id) as number,
      rows: c.conn.raw.prepare('SELECT sub_item_id FROM result_rows WHERE result_id = ?').pluck().all(id) as number[],
    }));
    expect(written.map((w) => w.task)).toEqual(sheet.taskIds);
    for (const w of written) expect(w.rows.sort()).toEqual([...subItems.get(w.task)!].sort());
  });

  it('is refused for tasks never merged into one visit for that entity, writing nothing', () => {
    const other = c.services.visits.proposals({ year: 2026 }).proposals[0].entityId;
    const before = c.count('results');
    expect(() => saveEntry(c.conn.raw, c.ctx, { ...sheet, entityId: other })).toThrow(/没有合并为一次联合检查/);
    expect(c.count('results')).toBe(before);
  });
});
