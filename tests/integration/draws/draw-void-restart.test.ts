/**
 * A draw that does not run straight through: 作废 with its reason and a new attempt that names the voided one, the
 * progress of the long steps, and the program stopping (or restarting) in the middle of the ceremony.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof, type DrawInputs } from '@shared/draw';
import type { DrawProgress } from '@shared/domain/draws';
import { chinaDate } from '@shared/domain/china-time';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { createServices } from '../../../src-main/app/services';
import { sealStep } from '../../../src-main/draws/worker/seal-step';
import { CEREMONY, county, storedInputs, type County } from '../../fixtures/county';
import { refusal } from '../../fixtures/refusal';

let c: County;
beforeAll(async () => {
  c = await county();
});
afterAll(async () => {
  await c.close();
});

const storedBytes = (drawId: number) => storedInputs(c, drawId);

describe('作废 and a new attempt', () => {
  it('a committed draw voided with its reason stays on record, and the next attempt names it in its inputs', async () => {
    const taskId = c.publishedTask({ name: '作废后重抽的任务' });
    const draws = c.services.draws;
    const first = await draws.prepare({ taskId });
    const { draw: committed } = draws.commit({ drawId: first.id, ...CEREMONY });
    draws.witness({ drawId: first.id, name: '李明', value: '1' });
    expect((await refusal(() => draws.void({ drawId: first.id, reason: ' ' }))).code).toBe('draw.voidReason');
    const voided = draws.void({ drawId: first.id, reason: '监督人员临时离场,本次抽取作废' });
    expect(voided).toMatchObject({ state: 'voided', voided: { reason: '监督人员临时离场,本次抽取作废' } });
    expect(draws.ceremonyState({ taskId })).toMatchObject({
      stage: 'voided',
      voidReason: '监督人员临时离场,本次抽取作废',
    });
    expect((await refusal(() => draws.reveal({ drawId: first.id }))).message).toMatch(/已作废/);

    const second = await draws.prepare({ taskId });
    expect(second.attempt).toBe(2);
    expect(second.voidedAttempts).toEqual([
      {
        id: first.id,
        attempt: 1,
        reason: '监督人员临时离场,本次抽取作废',
        voidedAt: c.ctx.now().toISOString(),
        nonceCommit: committed.commit!.nonceCommit,
      },
    ]);
    const canonical = storedBytes(second.id);
    expect((JSON.parse(canonical.toString('utf8')) as DrawInputs).task).toMatchObject({
      attempt: 2,
      voidedAttempts: [
        { attempt: 1, nonceCommit: committed.commit!.nonceCommit, reason: '监督人员临时离场,本次抽取作废' },
      ],
    });
    // The voided draw keeps everything it had; only a mere preparation loses its stored inputs.
    expect(c.conn.raw.prepare('SELECT count(*) FROM draw_inputs WHERE draw_id = ?').pluck().get(first.id)).toBe(1);
    expect(c.conn.raw.prepare('SELECT count(*) FROM draw_witnesses WHERE draw_id = ?').pluck().get(first.id)).toBe(1);
  });
});

describe('the long steps report their progress', () => {
  it('reports the long steps as they run (for the page and the projector)', async () => {
    const events: DrawProgress[] = [];
    const services = createServices(c.conn, c.ctx, { onDrawProgress: (p) => events.push(p) });
    try {
      const taskId = c.publishedTask({ name: '带进度的任务' });
      await services.draws.prepare({ taskId });
      expect(events.map((e) => e.label)).toEqual(
        expect.arrayContaining(['读取检查对象和执法人员', '可行性检查', '保存准备结果']),
      );
      expect(events.every((e) => e.taskId === taskId && e.step === 'prepare')).toBe(true);
      expect(services.draws.ceremonyState({ taskId }).busy).toBeNull(); // cleared once done
    } finally {
      await services.draws.dispose();
    }
  });
});

describe('a restart in the middle of the ceremony', () => {
  it('catches up the roster dates of a draw sealed just before the program stopped, before the next 准备', async () => {
    const taskId = c.publishedTask({ name: '封存后立即关闭程序' });
    const { id } = await c.services.draws.prepare({ taskId });
    c.services.draws.commit({ drawId: id, ...CEREMONY });
    c.services.draws.witness({ drawId: id, name: '李明', value: '7' });
    await c.services.draws.reveal({ drawId: id });
    // 封存 alone, as if the program closed before the follow-up step ran.
    sealStep(c.conn.raw, id, { actor: '测试操作员', now: c.ctx.now(), progress: () => undefined });
    expect(c.conn.raw.prepare('SELECT count(*) FROM draw_roster_dates WHERE draw_id = ?').pluck().get(id)).toBe(0);
    const next = await c.services.draws.prepare({ taskId: c.publishedTask({ name: '下一次准备' }) });
    expect(c.conn.raw.prepare('SELECT count(*) FROM draw_roster_dates WHERE draw_id = ?').pluck().get(id)).toBe(1);
    const selected = c.conn.raw
      .prepare('SELECT entity_id FROM draw_selected WHERE draw_id = ?')
      .pluck()
      .all(id) as number[];
    const undated = c.conn.raw
      .prepare(`SELECT count(*) FROM entities WHERE id IN (${selected.join(',')}) AND last_inspected_on <> ?`)
      .pluck()
      .get(chinaDate(c.ctx.now()));
    expect(undated).toBe(0);
    c.services.draws.void({ drawId: next.id, reason: '测试结束' });
  });

  it('survives a restart between 准备 and 揭晓: the inputs are read back from the database and checked', async () => {
    const taskId = c.publishedTask({ name: '重启后继续的任务' });
    const { id } = await c.services.draws.prepare({ taskId });
    c.services.draws.commit({ drawId: id, ...CEREMONY });
    c.services.draws.witness({ drawId: id, name: '李明', value: '42' });
    // A fresh service set (a new draw worker with an empty cache), as after restarting the program.
    const restarted = createServices(c.conn, c.ctx);
    try {
      await restarted.draws.reveal({ drawId: id });
      await restarted.draws.seal({ drawId: id });
      expect(verifyProof(JSON.parse(restarted.draws.proofText(id)), nodeSha256).valid).toBe(true);
    } finally {
      await restarted.draws.dispose();
    }
    expect(existsSync(c.path)).toBe(true);
  });
});
