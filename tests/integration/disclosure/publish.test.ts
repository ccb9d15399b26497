/**
 * 公示 recorded: the announcement's row with its digest and audit row, the results it published; bad input refused in
 * Chinese with nothing written; the publications tables' triggers hold against raw SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementDigest } from '../../../src-main/disclosure/announcements';
import { publishResults, publishTask } from '../../../src-main/disclosure/publish';
import { readDisclosureSettings } from '../../../src-main/disclosure/rules';
import { saveDisclosureSettings } from '../../../src-main/disclosure/settings';
import { saveEntry } from '../../../src-main/results/entry';
import { refusalSync } from '../../fixtures/refusal';
import { disclosureCounty, type DisclosureCounty } from './setup';

let c: DisclosureCounty;
let reviewed: number;
let entered: number;
/** A task drawn as far as 准备 only: its draw is not sealed. */
async function unsealed(name: string): Promise<{ taskId: number; drawId: number }> {
  const taskId = c.publishedTask({ name, excludeRecentYears: 0, ratio: { mode: 'uniform', bp: 500 } });
  const { id } = await c.services.draws.prepare({ taskId });
  return { taskId, drawId: id };
}
const counts = () =>
  Object.fromEntries(['publications', 'publication_results', 'audit_log', 'settings'].map((t) => [t, c.count(t)]));
beforeAll(async () => {
  c = await disclosureCounty();
  c.ctx.clock.now = new Date('2026-11-25T02:00:00.000Z');
  reviewed = c.approve(c.cleanSheet(0));
  entered = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(1)).resultIds[0];
});
afterAll(async () => {
  await c.close();
});

describe('publishing', () => {
  it('records the 抽查任务公告 with its number, digest and audit row, once', () => {
    const before = counts();
    const a = publishTask(c.conn.raw, c.ctx, c.taskId);
    expect(a.published).toMatchObject({ publishedBy: '测试操作员', digest: announcementDigest(a) });
    expect(counts()).toEqual({ ...before, publications: before.publications + 1, audit_log: before.audit_log + 1 });
    const again = refusalSync(() => publishTask(c.conn.raw, c.ctx, c.taskId));
    expect(again.message).toBe(`抽查任务${a.task.taskNumber}的抽查任务公告已于2026-11-25公示（第1号），不再重复公示。`);
  });

  it('records the 抽查结果公告 with the reviewed results it published', () => {
    const a = publishResults(c.conn.raw, c.ctx, { taskId: c.taskId });
    expect(a.rows.map((r) => r.resultId)).toEqual([reviewed]);
    expect(a.published).not.toBeNull();
    const rows = c.conn.raw.prepare('SELECT result_id FROM publication_results WHERE publication_id = ?').pluck();
    expect(rows.all(a.published!.id)).toEqual([reviewed]);
  });
});

describe('bad input, nothing written', () => {
  it('refuses an unsealed draw', async () => {
    const { taskId } = await unsealed('未封存任务');
    const before = counts();
    const r = refusalSync(() => publishTask(c.conn.raw, c.ctx, taskId));
    expect(r.code).toBe('disclosure.notSealed');
    expect(r.message).toMatch(/^抽查任务.+的抽取尚未封存，不能公示抽查任务公告；请先完成抽取并封存。$/);
    expect(counts()).toEqual(before);
  });

  it('refuses a range with no reviewed results, and a range the wrong way round', () => {
    const before = counts();
    expect(refusalSync(() => publishResults(c.conn.raw, c.ctx, { from: '2026-01-01', to: '2026-01-31' })).code).toBe(
      'disclosure.noResults',
    );
    expect(refusalSync(() => publishResults(c.conn.raw, c.ctx, { from: '2026-12-01', to: '2026-11-01' })).message).toBe(
      '检查完成日期的起始日（2026-12-01）晚于截止日（2026-11-01）。',
    );
    expect(counts()).toEqual(before);
  });

  it('refuses a rule that would publish a phone number', () => {
    const before = counts();
    const settings = readDisclosureSettings(c.conn.raw);
    const r = refusalSync(() =>
      saveDisclosureSettings(c.conn.raw, c.ctx, { ...settings, rules: { ...settings.rules, phone: '公示' } }),
    );
    expect(r).toMatchObject({
      code: 'disclosure.badRule',
      message: '“联系电话”不能设为“公示”：个人隐私，一律不公示。',
    });
    expect(counts()).toEqual(before);
    expect(readDisclosureSettings(c.conn.raw).rules.phone).toBe('不公示');
  });
});

describe('the triggers, against raw SQL', () => {
  const insert = (drawId: number, serial: number) =>
    c.conn.raw
      .prepare(
        `INSERT INTO publications (kind, year, bureau_name, serial, title, task_id, draw_id, published_at, published_by, digest)
         SELECT '抽查任务公告', 2026, '某县市场监督管理局', ?, '测试', task_id, id, '2026-11-25T00:00:00Z', '某人', ?
         FROM draws WHERE id = ?`,
      )
      .run(serial, 'a'.repeat(64), drawId);

  it('refuses a publication of a draw that is not sealed', async () => {
    const { drawId } = await unsealed('触发器测试');
    expect(() => insert(drawId, 90)).toThrow('只有已封存的抽取可以公示');
  });

  it('refuses to publish a result that is not reviewed', () => {
    const id = c.conn.raw.prepare('SELECT max(id) FROM publications').pluck().get();
    expect(() =>
      c.conn.raw.prepare('INSERT INTO publication_results (publication_id, result_id) VALUES (?, ?)').run(id, entered),
    ).toThrow('只有已审核的检查结果可以公示');
  });

  it('refuses to change or delete what was published', () => {
    expect(() => c.conn.raw.prepare("UPDATE publications SET title = '改'").run()).toThrow('已公示的公告不可修改');
    expect(() => c.conn.raw.prepare('DELETE FROM publications').run()).toThrow('已公示的公告不可删除');
    expect(() => c.conn.raw.prepare('UPDATE publication_results SET result_id = result_id').run()).toThrow(
      '已公示的公告不可修改',
    );
    expect(() => c.conn.raw.prepare('DELETE FROM publication_results').run()).toThrow('已公示的公告不可删除');
  });
});
