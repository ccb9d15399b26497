/**
 * 回避关系 name real people and entities: a 执法证号 or code in neither roster is refused at save (naming it, nothing
 * written) and again at 准备 when the roster changed after the save; a valid conflict is frozen into the inputs (by the
 * inspector's draw id, not the 执法证号) and keeps the inspector off every team holding that entity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskConflict } from '@shared/domain/tasks';
import { inspectorRowOf } from '../../../src-main/draws/draw-people';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { CEREMONY, county, storedInputs, type County } from '../../fixtures/county';
import { refusal } from '../../fixtures/refusal';

let c: County;
beforeAll(async () => {
  c = await county(2000);
});
afterAll(async () => {
  await c.close();
});

const raw = () => c.conn.raw;
const firstOf = (query: string): string => raw().prepare(query).pluck().get() as string;
const onDutyBadge = () => firstOf("SELECT badge_no FROM inspectors WHERE status = '在岗' ORDER BY badge_no LIMIT 1");
/** An entity of the demo task's scope that no other conflict of this file uses. */
const scopeEntity = (offset: number) =>
  firstOf(
    `SELECT coalesce(uscc, reg_no) FROM entities WHERE reg_status = '存续' AND industry = '餐饮服务' ORDER BY id LIMIT 1 OFFSET ${offset}`,
  );
const counts = () => ['tasks', 'task_items', 'audit_log', 'plan_versions', 'draws'].map((t) => c.count(t));

/** The demo task with these conflicts, saved (or refused) in the year's draft plan. */
function saveWithConflicts(conflicts: TaskConflict[]) {
  const plan = c.services.plans.list(2026)[0] ?? c.services.plans.save({ year: 2026, title: '回避测试计划' });
  return () => c.services.tasks.save(demoTaskInput(raw(), plan.id, c.ctx.now(), { conflicts }));
}

describe('回避关系 at save', () => {
  it('refuses an unknown 执法证号 and an unknown code, naming them, and writes nothing', async () => {
    const save = saveWithConflicts([
      { inspector: onDutyBadge(), entity: scopeEntity(0), reason: '亲属关系' },
      { inspector: 'JX9999999', entity: scopeEntity(1), reason: '' },
      { inspector: onDutyBadge(), entity: '91360000TYPO00000X', reason: '' },
    ]);
    const before = counts();
    const error = await refusal(save);
    expect(error.code).toBe('task.unknownConflict');
    expect(error.message).toBe(
      '回避关系中执法证号 JX9999999 不在执法人员名录中；代码 91360000TYPO00000X 不在检查对象名录中，任务未保存。请在「回避关系」中重新选择。',
    );
    expect(counts()).toEqual(before);
  });

  it('accepts an inspector who is not 在岗 (the relationship stays declared while they are away)', () => {
    const away = firstOf("SELECT badge_no FROM inspectors WHERE status <> '在岗' ORDER BY badge_no LIMIT 1");
    const task = saveWithConflicts([{ inspector: away, entity: scopeEntity(2), reason: '' }])();
    expect(task.conflicts).toEqual([{ inspector: away, entity: scopeEntity(2), reason: '' }]);
  });
});

describe('回避关系 at 准备', () => {
  it('refuses when a conflict’s entity was deleted after the save, and writes nothing', async () => {
    const code = scopeEntity(3);
    const taskId = c.publishedTask({ conflicts: [{ inspector: onDutyBadge(), entity: code, reason: '' }] });
    raw().prepare('DELETE FROM entities WHERE uscc = ? OR reg_no = ?').run(code, code);
    const before = ['draws', 'draw_inputs', 'audit_log'].map((t) => c.count(t));
    const error = await refusal(() => c.services.draws.prepare({ taskId }));
    expect(error.code).toBe('draw.unknownConflict');
    expect(error.message).toBe(
      `回避关系中代码 ${code} 不在检查对象名录中（名录可能在任务保存后有过修改），本次准备未保存。请先在任务中重新选择回避关系。`,
    );
    expect(['draws', 'draw_inputs', 'audit_log'].map((t) => c.count(t))).toEqual(before);
  });

  it('a valid conflict is frozen into the inputs and keeps the inspector off those entities’ teams', async () => {
    // An inspector the draw puts on a team without conflicts, declared in conflict with every entity of the scope.
    const free = await c.revealed('无回避');
    const member = c.services.draws.get({ drawId: free })!.packages[0].team[0].id;
    // The task names the inspector by 执法证号; the draw by the id the pool gives him.
    const badge = firstOf(`SELECT badge_no FROM inspectors WHERE id = ${inspectorRowOf(member)}`);
    const codes = raw()
      .prepare(
        "SELECT coalesce(uscc, reg_no) FROM entities WHERE reg_status = '存续' AND industry IN ('食品销售', '餐饮服务')",
      )
      .pluck()
      .all() as string[];
    const conflicts = codes.map((entity) => ({ inspector: badge, entity, reason: '' }));
    const { id } = await c.services.draws.prepare({ taskId: c.publishedTask({ conflicts }) });
    const frozen = JSON.parse(storedInputs(c, id).toString('utf8')) as { conflicts: [string, string][] };
    expect(frozen.conflicts).toHaveLength(codes.length);
    expect(new Set(frozen.conflicts.map(([inspector]) => inspector))).toEqual(new Set([member]));
    c.services.draws.commit({ drawId: id, ...CEREMONY });
    c.services.draws.witness({ drawId: id, name: '李明', value: '回避' });
    await c.services.draws.reveal({ drawId: id });
    const teams = c.services.draws.get({ drawId: id })!.packages.flatMap((p) => p.team.map((m) => m.id));
    expect(teams.length).toBeGreaterThan(0);
    expect(teams).not.toContain(member);
  });
});
