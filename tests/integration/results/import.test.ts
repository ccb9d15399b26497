/**
 * A batch of sheets read back from the field: every valid sheet in one transaction, every other one rejected with its
 * reason; a dry run and a failure midway both leave the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport, saveEntry } from '../../../src-main/results/entry';
import { review } from '../../../src-main/results/review';
import { resultCounts, resultsCounty, type ResultsCounty } from './setup';

let c: ResultsCounty;
beforeAll(async () => {
  c = await resultsCounty();
});
afterAll(async () => {
  await c.close();
});

describe('applyImport', () => {
  it('enters the valid sheets, counts the unchanged, and rejects the rest with their reasons', () => {
    saveEntry(c.conn.raw, c.ctx, c.cleanSheet(0));
    const before = resultCounts(c);
    const sheets = [c.cleanSheet(0), c.cleanSheet(1), c.cleanSheet(2, { methods: [] }), c.problemSheet(3)];
    const counts = applyImport(c.conn.raw, c.ctx, sheets, { dryRun: false });
    expect(counts).toMatchObject({ matched: 4, entered: 2, unchanged: 1, rejected: 1 });
    expect(counts.problems).toHaveLength(1);
    expect(counts.problems[0].sheet).toBe(3);
    expect(counts.problems[0].reason).toContain('请选择核查方式');
    expect(c.count('results') - before.results).toBe(2);
    expect(c.count('audit_log') - before.audit_log).toBe(1);
  });

  it('reports the same counts on a dry run and writes nothing', () => {
    const sheets = [c.cleanSheet(4), c.cleanSheet(5, { inspectedOn: '' })];
    const before = resultCounts(c);
    const counts = applyImport(c.conn.raw, c.ctx, sheets, { dryRun: true });
    expect(counts).toMatchObject({ matched: 2, entered: 1, unchanged: 0, rejected: 1 });
    expect(resultCounts(c)).toEqual(before);
  });

  it('rejects a sheet for an entity not drawn, without counting it as matched', () => {
    const counts = applyImport(c.conn.raw, c.ctx, [{ ...c.cleanSheet(6), drawId: 999999 }], { dryRun: true });
    expect(counts).toMatchObject({ matched: 0, rejected: 1 });
    expect(counts.problems[0].reason).toContain('不是这些任务封存的抽取');
  });

  it('rejects a sheet over a reviewed result', () => {
    const [id] = saveEntry(c.conn.raw, c.ctx, c.cleanSheet(7)).resultIds;
    review(c.conn.raw, c.ctx, [id], 'approve');
    const counts = applyImport(c.conn.raw, c.ctx, [c.cleanSheet(7, { note: '再导入' })], { dryRun: false });
    expect(counts).toMatchObject({ matched: 1, entered: 0, rejected: 1 });
    expect(counts.problems[0].reason).toContain('已审核，不能修改');
  });

  it('rejects the second sheet of the same entity and task in one batch', () => {
    const counts = applyImport(c.conn.raw, c.ctx, [c.cleanSheet(8), c.cleanSheet(8, { note: '重复' })], {
      dryRun: true,
    });
    expect(counts).toMatchObject({ entered: 1, rejected: 1 });
    expect(counts.problems[0]).toEqual({ sheet: 2, reason: '同一对象同一任务的检查结果在本批中重复出现。' });
  });

  it('leaves the database as it was when the import fails midway', () => {
    const before = resultCounts(c);
    const failing = c.drawn(10).entityId;
    c.conn.raw.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON results WHEN new.entity_id = ${failing}
      BEGIN SELECT RAISE(ABORT, '磁盘故障'); END`);
    try {
      const sheets = [c.cleanSheet(9), c.cleanSheet(10), c.cleanSheet(11)];
      expect(() => applyImport(c.conn.raw, c.ctx, sheets, { dryRun: false })).toThrow('磁盘故障');
    } finally {
      c.conn.raw.exec('DROP TRIGGER temp.fail_midway');
    }
    expect(resultCounts(c)).toEqual(before);
  });
});
