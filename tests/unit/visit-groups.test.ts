/** visitGroups (src-main/visits/service.ts): which of an entity's drawn tasks are proposed as one visit. */
import { describe, expect, it } from 'vitest';
import { visitGroups, type VisitCandidate } from '../../src-main/visits/service';

let next = 1;
const task = (lead_department: string, start_date: string, end_date: string): VisitCandidate => ({
  task_id: next++,
  lead_department,
  start_date,
  end_date,
});
const ids = (groups: VisitCandidate[][]) => groups.map((g) => g.map((t) => t.task_id));

describe('visitGroups', () => {
  it('finds the pair a shorter task of the same department sits between', () => {
    const year = task('市场监管局', '2026-01-01', '2026-12-31');
    const february = task('市场监管局', '2026-02-01', '2026-02-05');
    const march = task('卫健委', '2026-03-01', '2026-03-31');
    expect(ids(visitGroups([march, february, year]))).toEqual([[year.task_id, march.task_id]]);
  });

  it('groups every task that holds the busiest day, then looks again among the rest', () => {
    const a = task('市场监管局', '2026-03-01', '2026-06-30');
    const b = task('卫健委', '2026-04-01', '2026-04-30');
    const c = task('文旅局', '2026-04-15', '2026-05-15');
    const d = task('市场监管局', '2026-09-01', '2026-09-30');
    const e = task('应急管理局', '2026-09-20', '2026-10-10');
    expect(ids(visitGroups([a, b, c, d, e]))).toEqual([
      [a.task_id, b.task_id, c.task_id],
      [d.task_id, e.task_id],
    ]);
  });

  it('proposes nothing for one department alone, nor for windows that do not overlap', () => {
    expect(
      visitGroups([task('市场监管局', '2026-01-01', '2026-12-31'), task('市场监管局', '2026-02-01', '2026-02-28')]),
    ).toEqual([]);
    expect(
      visitGroups([task('市场监管局', '2026-01-01', '2026-01-31'), task('卫健委', '2026-02-01', '2026-02-28')]),
    ).toEqual([]);
    // A window that ends on the day the other starts shares that day.
    expect(
      visitGroups([task('市场监管局', '2026-01-01', '2026-02-01'), task('卫健委', '2026-02-01', '2026-02-28')]),
    ).toHaveLength(1);
  });
});
