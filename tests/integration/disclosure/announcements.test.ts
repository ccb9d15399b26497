/**
 * The announcements as read: the 抽查任务公告 of a sealed draw (title, task block, list, the draw's digest and seed)
 * and the 抽查结果公告 of a task or a date range (only current 已审核 results), every field under its rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultAnnouncement, taskAnnouncement } from '../../../src-main/disclosure/announcements';
import { saveEntry } from '../../../src-main/results/entry';
import { review } from '../../../src-main/results/review';
import { resultsCounty, type ResultsCounty } from '../results/setup';

let c: ResultsCounty;
const approve = (ids: number[]) => review(c.conn.raw, c.ctx, ids, 'approve');
beforeAll(async () => {
  c = await resultsCounty();
  approve(saveEntry(c.conn.raw, c.ctx, c.cleanSheet(0)).resultIds);
  approve(saveEntry(c.conn.raw, c.ctx, c.problemSheet(1)).resultIds);
  saveEntry(c.conn.raw, c.ctx, c.cleanSheet(2));
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
    expect(a.title).toMatch(/^.+2026年度第1号抽查任务公告$/);
    expect(a.task.taskName).toBe('结果录入测试');
    expect(a.rows.length).toBe(c.count('draw_selected'));
    expect(a.task.entityCount).toBe(a.rows.length);
    expect(a.draw).toMatchObject({ inputDigest: draw.input_digest, seed: draw.seed });
    expect(a.published).toBeNull();
  });
});

describe('抽查结果公告', () => {
  it('publishes only the reviewed results of the task', () => {
    const a = resultAnnouncement(c.conn.raw, { taskId: c.taskId }, '2026-12-01');
    expect(a.rows.map((r) => r.inspectedOn)).toEqual(['2026-11-24', '2026-11-24']);
    expect(a.rows[1].result).toContain('责令立即改正');
    expect(a.rows[1].details.some((d) => d.result === '发现问题')).toBe(true);
    expect(a.rows[0].details.every((d) => d.result === '未发现问题')).toBe(true);
  });

  it('covers a range of 检查完成日期', () => {
    expect(resultAnnouncement(c.conn.raw, { from: '2026-11-01', to: '2026-11-30' }, '2026-12-01').rows).toHaveLength(2);
    expect(() => resultAnnouncement(c.conn.raw, { from: '2026-10-01', to: '2026-10-31' }, '2026-12-01')).toThrow(
      /没有可以公示的已审核检查结果/,
    );
  });
});
