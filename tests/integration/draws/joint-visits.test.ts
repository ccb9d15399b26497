/**
 * 进一次门、查多项事: sealed draws of tasks led by different departments that drew the same entity in overlapping
 * windows are proposed as one visit with the union of their items; the clerk's merge is recorded for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { county, type County } from '../../fixtures/county';
import { EVERY_PHARMACY, overlappingPharmacyTasks } from '../../fixtures/joint-tasks';

let c: County;
beforeAll(async () => {
  c = await county();
});
afterAll(async () => {
  await c.close();
});

describe('joint visits', () => {
  it('proposes, merges once, and records the merge', async () => {
    const { market, health } = overlappingPharmacyTasks(c);
    expect(c.services.visits.proposals({ year: 2026 }).total).toBe(0); // nothing sealed yet
    await c.drawAndSeal(market);
    await c.drawAndSeal(health);
    const entities = c.conn.raw
      .prepare(
        'SELECT count(*) FROM draw_selected WHERE draw_id = (SELECT id FROM draws WHERE task_id = ? AND state = ?)',
      )
      .pluck()
      .get(market, 'sealed') as number;
    expect(entities).toBeGreaterThan(10);

    const { proposals, total, visits } = c.services.visits.proposals({ year: 2026 });
    expect(total).toBe(entities);
    expect(visits).toEqual([]);
    const first = proposals[0];
    expect(first.tasks.map((t) => [t.taskId, t.leadDepartment])).toEqual([
      [market, '某县市场监督管理局'],
      [health, '县卫生健康委员会'],
    ]);
    expect(first).toMatchObject({ startDate: '2026-12-01', endDate: '2026-12-20' });
    const marketItems = c.services.tasks.get(market).items.map((i) => i.name);
    expect(first.items.map((i) => i.name)).toEqual([...marketItems, '药品零售企业经营行为的检查', '明码标价的检查']); // the union, in task order

    const visit = c.services.visits.merge({ entityId: first.entityId, taskIds: [health, market], note: '同日上门' });
    expect(visit).toMatchObject({
      entityId: first.entityId,
      code: first.code,
      startDate: '2026-12-01',
      endDate: '2026-12-20',
      note: '同日上门',
      items: first.items,
      actor: '测试操作员',
    });
    expect(visit.tasks.map((t) => t.taskId)).toEqual([market, health]);
    const after = c.services.visits.proposals({ year: 2026 });
    expect(after.total).toBe(entities - 1);
    expect(after.visits.map((v) => v.id)).toEqual([visit.id]);
    expect(c.conn.raw.prepare("SELECT count(*) FROM audit_log WHERE action = 'visits:merge'").pluck().get()).toBe(1);

    expect(() => c.services.visits.merge({ entityId: first.entityId, taskIds: [market, health] })).toThrow(
      /已合并过，不能重复合并/,
    );
    const notDrawn = c.conn.raw
      .prepare('SELECT id FROM entities WHERE id NOT IN (SELECT entity_id FROM draw_selected) LIMIT 1')
      .pluck()
      .get() as number;
    expect(() => c.services.visits.merge({ entityId: notDrawn, taskIds: [market, health] })).toThrow(
      /没有抽中该检查对象/,
    );
  });

  it('does not propose tasks of one department alone, nor merge them', async () => {
    const other = c.publishedTask({ ...EVERY_PHARMACY, name: '药品零售企业复查', endDate: '2026-12-20' });
    await c.drawAndSeal(other);
    const market = c.conn.raw.prepare("SELECT id FROM tasks WHERE name = '药品零售企业抽查'").pluck().get() as number;
    const entity = c.services.visits.proposals({ year: 2026 }).proposals[0];
    // The groups now hold all three tasks (two departments); a pair of the same department alone is refused.
    expect(entity.tasks).toHaveLength(3);
    expect(() => c.services.visits.merge({ entityId: entity.entityId, taskIds: [market, other] })).toThrow(
      /用于不同部门的任务/,
    );
  });
});
