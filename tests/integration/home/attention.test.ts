/**
 * 今日待办 on a real database: every count, and the results page's filter behind each link lists exactly those.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditRaw } from '../../../src-main/audit/service';
import { attention } from '../../../src-main/home/attention';
import { saveEntry } from '../../../src-main/results/entry';
import { correctResult, review } from '../../../src-main/results/review';
import { listFollowUps } from '../../../src-main/results/follow-ups';
import { resultEntities } from '../../../src-main/results/views';
import { resultsCounty, type ResultsCounty } from '../results/setup';

let c: ResultsCounty;
let otherTask: number;
const ids: Record<string, number> = {};
beforeAll(async () => {
  c = await resultsCounty();
  const raw = c.conn.raw;
  otherTask = c.publishedTask({ name: '尚未抽取的任务', excludeRecentYears: 0 });
  // Drafts inspected 2026-11-23 (deadline 2026-12-21) and 2026-12-01; one entered, one reviewed, one with a problem.
  saveEntry(raw, c.ctx, c.cleanSheet(0, { methods: [], inspectedOn: '2026-11-23' }), { draft: true });
  saveEntry(raw, c.ctx, c.cleanSheet(1, { methods: [], inspectedOn: '2026-12-01' }), { draft: true });
  ids.entered = saveEntry(raw, c.ctx, c.cleanSheet(2)).resultIds[0];
  ids.reviewed = saveEntry(raw, c.ctx, c.cleanSheet(3)).resultIds[0];
  ids.problem = saveEntry(raw, c.ctx, c.problemSheet(4)).resultIds[0];
  review(raw, c.ctx, [ids.reviewed, ids.problem], 'approve');
});
afterAll(async () => {
  await c.close();
});

const counts = (lines: { taskId: number; count: number }[]) =>
  Object.fromEntries(lines.map((l) => [l.taskId, l.count]));
const listed = (filter: Omit<Parameters<typeof resultEntities>[1], 'drawId'>, today: string) =>
  resultEntities(c.conn.raw, { ...filter, drawId: c.drawId }, today).map((r) => r.entityId);

describe('attention', () => {
  it('lists a task of a published plan without a sealed draw as to draw, and not a sealed one', () => {
    const view = attention(c.conn.raw, '2026-12-15');
    expect(counts(view.toDraw)).toEqual(expect.objectContaining({ [otherTask]: 1 }));
    expect(view.toDraw.map((t) => t.taskId)).not.toContain(c.taskId);
  });

  it('counts a sealed draw as not printed until its 一户一表 export is in the audit log', () => {
    const drawn = c.count('draw_selected');
    expect(attention(c.conn.raw, '2026-12-15').sheetsNotPrinted).toEqual([
      expect.objectContaining({ taskId: c.taskId, drawId: c.drawId, count: drawn }),
    ]);
    const record = { actor: '测试', action: 'sheets:export', target: `draws:${c.drawId}`, detail: {} };
    c.conn.raw.transaction(() => appendAuditRaw(c.conn.raw, record, new Date())).immediate();
    expect(attention(c.conn.raw, '2026-12-15').sheetsNotPrinted).toEqual([]);
  });

  it('counts pending results due soon and overdue, as the results filter lists them', () => {
    const soon = attention(c.conn.raw, '2026-12-15');
    expect(counts(soon.resultsDueSoon)).toEqual({ [c.taskId]: 1 });
    expect(soon.resultsOverdue).toEqual([]);
    expect(listed({ due: 'dueSoon' }, '2026-12-15')).toEqual([c.drawn(0).entityId]);

    const late = attention(c.conn.raw, '2026-12-28');
    expect(counts(late.resultsOverdue)).toEqual({ [c.taskId]: 1 });
    expect(counts(late.resultsDueSoon)).toEqual({ [c.taskId]: 1 });
    expect(listed({ due: 'overdue' }, '2026-12-28')).toEqual([c.drawn(0).entityId]);
    expect(listed({ due: 'dueSoon' }, '2026-12-28')).toEqual([c.drawn(1).entityId]);
  });

  it('counts results awaiting review', () => {
    expect(counts(attention(c.conn.raw, '2026-12-15').awaitingReview)).toEqual({ [c.taskId]: 1 });
    expect(listed({ state: '已录入' }, '2026-12-15')).toEqual([c.drawn(2).entityId]);
  });

  it('counts reviewed results until a 抽查结果公告 names them', () => {
    const raw = c.conn.raw;
    expect(counts(attention(raw, '2026-12-15').awaitingPublication)).toEqual({ [c.taskId]: 2 });
    expect(listed({ unpublished: true }, '2026-12-15').sort()).toEqual(
      [c.drawn(3).entityId, c.drawn(4).entityId].sort(),
    );
    const publication = raw
      .prepare(
        `INSERT INTO publications (kind, year, bureau_name, title, task_id, draw_id, published_at, published_by, digest)
         VALUES ('抽查结果公告', 2026, '某县市场监督管理局', '结果公告', ?, ?, 'x', '测试', ?)`,
      )
      .run(c.taskId, c.drawId, 'a'.repeat(64)).lastInsertRowid;
    raw
      .prepare('INSERT INTO publication_results (publication_id, result_id) VALUES (?, ?)')
      .run(publication, ids.reviewed);
    expect(counts(attention(raw, '2026-12-15').awaitingPublication)).toEqual({ [c.taskId]: 1 });
    expect(listed({ unpublished: true }, '2026-12-15')).toEqual([c.drawn(4).entityId]);
  });

  it('counts open follow-ups, and those past their 整改期限', () => {
    expect(attention(c.conn.raw, '2026-12-15')).toMatchObject({ followUpsOpen: 1, followUpsOverdue: 0 });
    expect(attention(c.conn.raw, '2027-01-04')).toMatchObject({ followUpsOpen: 1, followUpsOverdue: 1 });
  });

  it('answers from indexes: no full scan of results, the audit log, draw lists or follow-ups', () => {
    const raw = c.conn.raw;
    const seen: string[] = [];
    const spy = new Proxy(raw, {
      get(target, key) {
        if (key === 'prepare') return (text: string) => (seen.push(text), target.prepare(text));
        const v: unknown = Reflect.get(target, key);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    attention(spy, '2026-12-28');
    expect(seen.length).toBeGreaterThanOrEqual(8);
    const scans = seen.flatMap((text) => {
      const nulls = Array.from(text.matchAll(/\?/g), () => null);
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...nulls) as { detail: string }[];
      return plan.map((p) => p.detail).filter((d) => /^SCAN (r|c|p|a|s|f)\b/.test(d));
    });
    expect(scans).toEqual([]);
  });
});

describe('attention after a correction', () => {
  it('leaves out the follow-up of a corrected result, as the follow-ups list does', () => {
    const raw = c.conn.raw;
    correctResult(raw, c.ctx, ids.problem, '整改期限填错');
    const listedOpen = listFollowUps(raw, { today: '2027-01-04', open: true });
    expect(listedOpen).toEqual([]);
    expect(attention(raw, '2027-01-04')).toMatchObject({ followUpsOpen: 0, followUpsOverdue: 0 });
  });
});
