/**
 * The announcements as read: the 抽查任务公告 of a sealed draw (title, task block, list, the draw's digest and seed)
 * and the 抽查结果公告 of a task or a date range (only current 已审核 results), every field under its rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultAnnouncement, taskAnnouncement } from '../../../src-main/disclosure/announcements';
import { saveDisclosureSettings } from '../../../src-main/disclosure/settings';
import { readDisclosureSettings } from '../../../src-main/disclosure/rules';
import { saveEntry } from '../../../src-main/results/entry';
import { OLD_REG_NO, reviewedCounty, type DisclosureCounty } from './setup';

let c: DisclosureCounty;
beforeAll(async () => {
  c = await reviewedCounty();
  saveEntry(c.conn.raw, c.ctx, c.cleanSheet(c.indexOf(c.operatorEntity) === 0 ? 1 : 0));
});
afterAll(async () => {
  await c.close();
});

describe('抽查任务公告', () => {
  it('titles the sealed draw and lists every drawn entity with the proof beneath', () => {
    const a = taskAnnouncement(c.conn.raw, c.taskId);
    const draw = c.conn.raw.prepare('SELECT input_digest, seed FROM draws WHERE id = ?').get(c.drawId) as {
      input_digest: string;
      seed: string;
    };
    expect(a.title).toBe('某县市场监督管理局2026年度第1号抽查任务公告');
    expect(a.task).toMatchObject({ taskName: '结果录入测试', drawKind: '定向', entityCount: a.rows.length });
    expect(a.rows.length).toBe(c.count('draw_selected'));
    expect(a.draw).toMatchObject({ inputDigest: draw.input_digest, seed: draw.seed });
    expect(a.draw.howToVerify).toContain('验证通过');
    expect(a.published).toBeNull();
  });

  it('keeps a 15-digit 注册号, masks an operator-named 个体工商户 and never carries a phone', () => {
    const a = taskAnnouncement(c.conn.raw, c.taskId);
    expect(a.rows.some((r) => r.code === OLD_REG_NO)).toBe(true);
    expect(a.rows.some((r) => r.name === '个体工商户（经营者：张**）')).toBe(true);
    const text = JSON.stringify(a);
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain('13912345678');
  });
});

describe('抽查结果公告', () => {
  it('publishes only the current reviewed results of the task', () => {
    const a = resultAnnouncement(c.conn.raw, { taskId: c.taskId }, '2026-12-01');
    expect(a.rows).toHaveLength(2);
    const problem = a.rows.find((r) => r.result.includes('责令立即改正'))!;
    expect(problem.name).toBe('个体工商户（经营者：张**）');
    expect(problem.details.some((d) => d.result === '发现问题')).toBe(true);
    expect(a.rows.find((r) => r !== problem)!.code).toBe(OLD_REG_NO);
    expect(a.extraFields).toEqual([]);
  });

  it('covers a range of 检查完成日期, refusing one with no reviewed result', () => {
    expect(resultAnnouncement(c.conn.raw, { from: '2026-11-01', to: '2026-11-30' }, '2026-12-01').rows).toHaveLength(2);
    expect(() => resultAnnouncement(c.conn.raw, { from: '2026-10-01', to: '2026-10-31' }, '2026-12-01')).toThrow(
      '检查完成日期在2026-10-01至2026-10-31之间没有可以公示的已审核检查结果，不能公示。',
    );
  });

  it('publishes the optional fields as their rules say: a 个体工商户 address never, a name masked', () => {
    const rules = {
      ...readDisclosureSettings(c.conn.raw).rules,
      address: '公示',
      legalRep: '遮蔽',
      finding: '公示',
    } as const;
    saveDisclosureSettings(c.conn.raw, c.ctx, { ...readDisclosureSettings(c.conn.raw), rules });
    const a = resultAnnouncement(c.conn.raw, { taskId: c.taskId }, '2026-12-01');
    expect(a.extraFields).toEqual(['address', 'legalRep']);
    const problem = a.rows.find((r) => r.result.includes('责令'))!;
    expect(problem).toMatchObject({ address: '', legalRep: '张**' });
    expect(problem.details.find((d) => d.result === '发现问题')!.finding).toBe('未按规定公示年度报告');
    expect(JSON.stringify(a)).not.toContain('幸福路');
  });
});
