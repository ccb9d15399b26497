/** Records and items added, retired and deleted by hand, over a real temp county with a sealed draw. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '@shared/domain/uscc';
import { inspectorRowOf } from '../../../src-main/draws/draw-people';
import { auditActions } from '../../fixtures/test-db';
import { county, type County } from '../../fixtures/county';
import { refusal } from '../../fixtures/refusal';

let c: County;
let taskId: number;
let drawId: number;

const uscc = (body: string) => body + usccCheckChar(body);
const changes = (roster: string, id: number) =>
  c.conn.raw
    .prepare('SELECT action, source FROM roster_changes WHERE roster = ? AND record_id = ? ORDER BY id')
    .all(roster, id);

beforeAll(async () => {
  c = await county(400);
  taskId = c.publishedTask({ name: '手工维护测试任务' });
  drawId = await c.drawAndSeal(taskId);
}, 60_000);
afterAll(() => c.close());

describe('adding a record by hand', () => {
  it('writes the entity with an insert in the change log and an audit row', async () => {
    const row = await c.call<{ id: number; name: string }>('roster:create', {
      roster: 'entities',
      values: { name: '手工新增超市', entityType: '企业', uscc: uscc('91469000MA5T00000'), office: '新设监管所' },
    });
    expect(row.name).toBe('手工新增超市');
    expect(changes('entities', row.id)).toEqual([{ action: 'insert', source: 'edit' }]);
    expect(auditActions(c.conn, `entities:${row.id}`)).toEqual(['roster:create']);
    expect(c.conn.raw.prepare("SELECT kind FROM offices WHERE name = '新设监管所'").pluck().get()).toBe('市场监管所');
  });

  it('refuses a USCC with a wrong check digit at the field', async () => {
    const body = '91469000MA5T00001';
    const wrong = body + (usccCheckChar(body) === '1' ? '2' : '1');
    const e = await refusal(() =>
      c.call('roster:create', { roster: 'entities', values: { name: '甲', entityType: '企业', uscc: wrong } }),
    );
    expect(e).toMatchObject({ code: 'roster.usccCheckDigit', details: { field: 'uscc' } });
  });

  it('refuses an entity without any code', async () => {
    const e = await refusal(() =>
      c.call('roster:create', { roster: 'entities', values: { name: '乙', entityType: '企业' } }),
    );
    expect(e.code).toBe('roster.noCode');
  });

  it('refuses a 执法证号 another inspector has, naming the field', async () => {
    const taken = c.conn.raw.prepare('SELECT badge_no FROM inspectors LIMIT 1').pluck().get() as string;
    const e = await refusal(() =>
      c.call('roster:create', { roster: 'inspectors', values: { badgeNo: taken, name: '新人' } }),
    );
    expect(e).toMatchObject({ code: 'roster.duplicateCode', details: { field: 'badgeNo' } });
    expect(e.message).toContain(taken);
  });

  it('adds an expert in 在库 by default', async () => {
    const row = await c.call<{ status: string }>('roster:create', {
      roster: 'experts',
      values: { idOrCertNo: 'ZJ-2026-001', name: '周专家' },
    });
    expect(row.status).toBe('在库');
  });
});

describe('deleting a record', () => {
  it('deletes what no draw used, with a delete in the change log', async () => {
    const row = await c.call<{ id: number }>('roster:create', {
      roster: 'inspectors',
      values: { badgeNo: 'SG-0001', name: '试用人员' },
    });
    await c.call('roster:delete', { roster: 'inspectors', id: row.id });
    expect(c.conn.raw.prepare('SELECT count(*) FROM inspectors WHERE id = ?').pluck().get(row.id)).toBe(0);
    expect(changes('inspectors', row.id)).toEqual([
      { action: 'insert', source: 'edit' },
      { action: 'delete', source: 'edit' },
    ]);
    expect(auditActions(c.conn, `inspectors:${row.id}`)).toEqual(['roster:create', 'roster:delete']);
  });

  it('refuses a drawn entity, suggesting a status instead', async () => {
    const id = c.conn.raw.prepare('SELECT entity_id FROM draw_selected WHERE draw_id = ? LIMIT 1').pluck().get(drawId);
    const e = await refusal(() => c.call('roster:delete', { roster: 'entities', id }));
    expect(e.code).toBe('roster.inUse');
    expect(e.message).toContain('手工维护测试任务');
    expect(e.message).toContain('注销');
    expect(changes('entities', id as number).filter((r) => (r as { action: string }).action === 'delete')).toEqual([]);
  });

  it('refuses an inspector a sealed draw put on a team', async () => {
    const badge = c.conn.raw
      .prepare(
        "SELECT t.value FROM draw_results r, json_each(r.result, '$.result.packages') p, json_each(p.value, '$.team') t WHERE r.draw_id = ? LIMIT 1",
      )
      .pluck()
      .get(drawId);
    expect(String(badge)).toMatch(/^检查员\d+$/);
    const id = inspectorRowOf(String(badge));
    const e = await refusal(() => c.call('roster:delete', { roster: 'inspectors', id }));
    expect(e.code).toBe('roster.inUse');
    expect(e.message).toContain('调离');
  });

  it('refuses every delete while a draw is revealed but not sealed', async () => {
    const row = await c.call<{ id: number }>('roster:create', {
      roster: 'experts',
      values: { idOrCertNo: 'ZJ-2026-002', name: '吴专家' },
    });
    const open = await c.revealed('进行中的抽取');
    const e = await refusal(() => c.call('roster:delete', { roster: 'experts', id: row.id }));
    expect(e.code).toBe('roster.drawInProgress');
    await c.services.draws.seal({ drawId: open });
    await c.services.draws.settle();
    await c.call('roster:delete', { roster: 'experts', id: row.id });
  });
});

describe('items by hand', () => {
  const item = { compiler: '县农业农村局', checkType: '农药经营检查', name: '农药经营许可情况的检查' };

  it('adds an item with one sub-item, and refuses the same item twice at 抽查事项', async () => {
    const added = await c.call<{ id: number; status: string; subItems: { content: string }[] }>('items:create', item);
    expect(added.status).toBe('启用');
    expect(added.subItems.map((s) => s.content)).toEqual([item.name]);
    expect(changes('items', added.id)).toEqual([{ action: 'insert', source: 'edit' }]);
    const e = await refusal(() => c.call('items:create', item));
    expect(e).toMatchObject({ code: 'items.duplicate', details: { field: 'name' } });
  });

  it('deletes an item no task names', async () => {
    const added = await c.call<{ id: number }>('items:create', { ...item, name: '另一个事项' });
    await c.call('items:delete', { id: added.id });
    expect(c.conn.raw.prepare('SELECT count(*) FROM item_sub_items WHERE item_id = ?').pluck().get(added.id)).toBe(0);
    expect(auditActions(c.conn, `items:${added.id}`)).toEqual(['items:create', 'items:delete']);
  });

  it('refuses to delete an item a task names, suggesting 停用', async () => {
    const id = c.conn.raw.prepare('SELECT item_id FROM task_items WHERE task_id = ? LIMIT 1').pluck().get(taskId);
    const e = await refusal(() => c.call('items:delete', { id }));
    expect(e.code).toBe('items.inUse');
    expect(e.message).toContain('停用');
  });

  it('retires one item: no longer listed as 启用, still in its task', async () => {
    const id = c.conn.raw.prepare('SELECT item_id FROM task_items WHERE task_id = ? LIMIT 1').pluck().get(taskId);
    const retired = await c.call<{ status: string }>('items:set-status', { id, status: '停用' });
    expect(retired.status).toBe('停用');
    const offered = await c.call<{ rows: { id: number }[] }>('items:query', { pageSize: 500, status: '启用' });
    expect(offered.rows.map((r) => r.id)).not.toContain(id);
    const kept = c.conn.raw.prepare('SELECT count(*) FROM task_items WHERE task_id = ? AND item_id = ?');
    expect(kept.pluck().get(taskId, id)).toBe(1);
    await c.call('items:set-status', { id, status: '启用' });
  });

  it('refuses a 停用 item chosen for a new task, naming it at the items field', async () => {
    const id = c.conn.raw.prepare('SELECT item_id FROM task_items WHERE task_id = ? LIMIT 1').pluck().get(taskId);
    await c.call('items:set-status', { id, status: '停用' });
    const e = await refusal(() => c.publishedTask({ name: '用停用事项的任务', itemIds: [id as number] }));
    expect(e.code).toBe('task.invalid');
    expect(e.message).toMatch(/^检查事项「.+」已停用，不能加入任务。/);
    expect(e.details).toEqual({ field: 'itemIds' });
    await c.call('items:set-status', { id, status: '启用' });
  });

  it('bulk-retires the filtered department only when the confirmed count still holds', async () => {
    await c.call('items:create', { ...item, name: '第三个事项' });
    const shown = await c.call<{ total: number }>('items:query', { compiler: item.compiler, status: '启用' });
    const stale = await refusal(() =>
      c.call('items:bulk-retire', { compiler: item.compiler, expected: shown.total + 1 }),
    );
    expect(stale.code).toBe('items.countChanged');
    const others = c.conn.raw.prepare("SELECT count(*) FROM items WHERE status = '启用' AND compiler <> ?").pluck();
    const before = others.get(item.compiler);
    const done = await c.call<{ changed: number }>('items:bulk-retire', {
      compiler: item.compiler,
      expected: shown.total,
    });
    expect(done.changed).toBe(shown.total);
    expect((await c.call<{ total: number }>('items:query', { compiler: item.compiler, status: '启用' })).total).toBe(0);
    expect(others.get(item.compiler)).toBe(before);
    const batch = c.conn.raw.prepare(
      "SELECT count(DISTINCT batch) FROM roster_changes WHERE source = 'bulk' AND roster = 'items'",
    );
    expect(batch.pluck().get()).toBe(1);
  });

  it('refuses a bulk retire without a 编制单位 filter', async () => {
    const e = await refusal(() => c.call('items:bulk-retire', { expected: 3 }));
    expect(e.message).toContain('编制单位');
  });
});
