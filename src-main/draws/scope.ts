/**
 * A task's object scope as SQL over the entity roster: the live counts of the task page (previewScope) and the frozen
 * snapshot of 准备 (worker/snapshot-read.ts) come from the same WHERE clause, so what the clerk saw is what is drawn.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  ALL_STRATUM,
  GRADE_KEYS,
  gradeLabel,
  quotaOf,
  type GradeKey,
  type ScopePreview,
  type StratumPreview,
  type TaskRatio,
  type TaskScope,
} from '@shared/domain/tasks';
import { entityConditionsSql } from '../db/entity-filter';
import { formatCount } from '@shared/domain/counts';

/** What the scope needs of a task: its filters, its ratio, and the date the recent-inspection exclusion counts from. */
export interface ScopeRequest {
  scope: TaskScope;
  excludeRecentYears: number;
  ratio: TaskRatio;
  startDate: string;
}

/** `startDate` minus `years` years, plus one day: entities inspected on or after it are "recent". */
export function recentSince(startDate: string, years: number): string | null {
  if (years <= 0) return null;
  const [y, m, d] = startDate.split('-').map(Number);
  // Date.UTC rolls 29 Feb into 1 Mar of a common year, which is the day after 28 Feb: the same cut.
  const since = new Date(Date.UTC(y - years, m - 1, d) + 24 * 3600 * 1000);
  return since.toISOString().slice(0, 10);
}

interface ScopeWhere {
  /** Conditions without the recent-inspection exclusion. */
  conditions: string[];
  params: unknown[];
}

/** The scope as SQL conditions (the shared entity filter, compiled to text for the hand-written snapshot SQL). */
function scopeWhere(scope: TaskScope): ScopeWhere {
  return entityConditionsSql({
    activeOnly: true,
    entityTypes: scope.entityTypes,
    industries: scope.industries,
    areas: scope.areas,
    offices: scope.offices,
    tags: scope.tags,
    grades: scope.grades,
  });
}

/** The strata a task draws, in order: A, B, C, D, 未评级 (those in scope) by grade, or one stratum 全部. */
export function strataOf(request: Pick<ScopeRequest, 'scope' | 'ratio'>): { name: string; grades: GradeKey[] }[] {
  const grades =
    request.scope.grades.length > 0 ? GRADE_KEYS.filter((g) => request.scope.grades.includes(g)) : [...GRADE_KEYS];
  if (request.ratio.mode === 'grades') return grades.map((g) => ({ name: g, grades: [g] }));
  return [{ name: ALL_STRATUM, grades }];
}

/** quota and ratio of one stratum with `candidates` entities; fixed counts are checked by the caller. */
export function stratumQuota(
  ratio: TaskRatio,
  name: string,
  candidates: number,
): { ratioBp: number | null; quota: number } {
  if (ratio.mode === 'grades') {
    const bp = ratio.gradeBp[name as GradeKey];
    return { ratioBp: bp, quota: quotaOf(candidates, bp) };
  }
  if (ratio.mode === 'uniform') return { ratioBp: ratio.bp, quota: quotaOf(candidates, ratio.bp) };
  return { ratioBp: null, quota: Math.min(ratio.count, candidates) };
}

/** Counts per stratum, with what each will draw, and the notices a clerk must see before drawing. */
export function previewScope(raw: BetterSqlite3.Database, request: ScopeRequest): ScopePreview {
  const { conditions, params } = scopeWhere(request.scope);
  const since = recentSince(request.startDate, request.excludeRecentYears);
  // One pass: per grade, everything in scope and how many of those the exclusion takes out.
  const rows = raw
    .prepare(
      `SELECT coalesce(credit_grade, '未评级') AS grade, count(*) AS n, ${since ? 'sum(last_inspected_on >= ?)' : '0'} AS recent
       FROM entities WHERE ${conditions.join(' AND ')} GROUP BY grade`,
    )
    .all(...(since ? [since] : []), ...params) as { grade: GradeKey; n: number; recent: number }[];
  const byGrade = new Map(rows.map((r) => [r.grade, r.n - r.recent]));
  const excludedRecent = rows.reduce((sum, r) => sum + r.recent, 0);

  const notices: string[] = [];
  const strata: StratumPreview[] = strataOf(request).map(({ name, grades }) => {
    const candidates = grades.reduce((sum, g) => sum + (byGrade.get(g) ?? 0), 0);
    const { ratioBp, quota } = stratumQuota(request.ratio, name, candidates);
    if (request.ratio.mode === 'grades' && candidates === 0)
      notices.push(`${gradeLabel(name)}在范围内没有检查对象，本级不抽取。`);
    return { name, candidates, ratioBp, quota };
  });
  const total = strata.reduce((sum, s) => sum + s.candidates, 0);
  if (total === 0) notices.unshift('检查对象范围内没有符合条件的对象（登记状态存续、未被排除），请调整范围。');
  if (request.ratio.mode === 'fixed' && total > 0 && request.ratio.count > total) {
    notices.push(`固定抽取 ${formatCount(request.ratio.count)} 户，但范围内只有 ${formatCount(total)} 户。`);
  }
  return {
    total,
    excludedRecent,
    excludedSince: since,
    strata,
    expected: strata.reduce((sum, s) => sum + s.quota, 0),
    notices,
  };
}

/** The scope conditions, for the snapshot read of 准备 (worker/snapshot-read.ts). */
export { scopeWhere };
