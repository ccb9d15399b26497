/** The number rules of the task editor and settings, as the forms and the request schemas both apply them. */
import { describe, expect, it } from 'vitest';
import {
  FIXED_COUNT,
  GRADE_RATIO_BP,
  numberProblem,
  PACKAGE_SIZE,
  percentProblem,
  percentToBp,
  RATIO_BP,
  TEAM_SIZE,
  teamSizeProblem,
} from '@shared/domain/number-rules';
import { plansRequests } from '@shared/ipc/channels/plans.requests';
import { settingsRequests } from '@shared/ipc/channels/settings.requests';

const issueOf = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues.map((i) => i.message);

describe('numberProblem', () => {
  it('takes a whole number within the bounds, the bounds included', () => {
    for (const n of [2, 5, 10]) expect(numberProblem(TEAM_SIZE, n)).toBeNull();
  });

  it('refuses below, above, fractions and empty, each in its own sentence', () => {
    expect(numberProblem(TEAM_SIZE, 1)).toBe('每组至少 2 名执法人员');
    expect(numberProblem(TEAM_SIZE, 11)).toBe('每组最多 10 名执法人员');
    expect(numberProblem(TEAM_SIZE, 2.5)).toBe('人数必须是整数');
    expect(numberProblem(TEAM_SIZE, null)).toBe('请填写每组人数');
    expect(numberProblem(TEAM_SIZE, Number.NaN)).toBe('请填写每组人数');
    expect(numberProblem(PACKAGE_SIZE, 0)).toBe('名单包至少 1 户');
    expect(numberProblem(FIXED_COUNT, 0)).toBe('固定抽取户数至少为 1');
  });
});

describe('ratios typed in percent', () => {
  it('become basis points without a float error, and a fraction of a basis point stays one', () => {
    expect(percentToBp(0.07)).toBe(7);
    expect(percentToBp(2.75)).toBe(275);
    expect(percentToBp(0.005)).toBe(0.5);
  });

  it('refuse 150 %, 0 % for a single ratio, and more than two decimals', () => {
    expect(percentProblem(RATIO_BP, 150)).toBe('比例不能超过 100%');
    expect(percentProblem(RATIO_BP, 100)).toBeNull();
    expect(percentProblem(RATIO_BP, 0)).toBe('比例不能小于 0.01%');
    expect(percentProblem(RATIO_BP, 0.01)).toBeNull();
    expect(percentProblem(RATIO_BP, 0.005)).toBe('比例最多保留两位小数（如 2.75%）');
    expect(percentProblem(RATIO_BP, undefined)).toBe('请填写比例');
  });

  it('take 0 % for one credit grade (none of it drawn) but not a negative one', () => {
    expect(percentProblem(GRADE_RATIO_BP, 0)).toBeNull();
    expect(percentProblem(GRADE_RATIO_BP, -1)).toBe('比例不能为负');
  });
});

describe('teamSizeProblem', () => {
  it('also holds the bureau minimum of the settings', () => {
    expect(teamSizeProblem(2, 3)).toBe('每组至少 3 名执法人员（系统设置）');
    expect(teamSizeProblem(3, 3)).toBeNull();
    expect(teamSizeProblem(1, 3)).toBe('每组至少 2 名执法人员');
  });
});

describe('the request schemas refuse with the same sentences', () => {
  const settings = settingsRequests['settings:set'];
  const preview = plansRequests['tasks:scope-preview'];
  const base = { scope: {}, excludeRecentYears: 3, startDate: '2026-12-01' };

  it('settings', () => {
    expect(issueOf(settings, { defaultRatioBp: 0 })).toEqual(['比例不能小于 0.01%']);
    expect(issueOf(settings, { gradeRatioBp: { A: 300, B: 500, C: 1000, D: 15000 } })).toEqual(['比例不能超过 100%']);
    expect(issueOf(settings, { minTeamSize: 1 })).toEqual(['每组至少 2 名执法人员']);
    expect(issueOf(settings, { minTeamSize: '3' })).toEqual(['请填写每组人数']);
  });

  it('tasks', () => {
    expect(issueOf(preview, { ...base, ratio: { mode: 'uniform', bp: 15000 } })).toEqual(['比例不能超过 100%']);
    expect(issueOf(preview, { ...base, ratio: { mode: 'uniform', bp: 0.5 } })).toEqual([
      '比例最多保留两位小数（如 2.75%）',
    ]);
    const pool = { teamSize: 2, packageSize: 0, maxPackagesPerInspector: 4, inspectorScope: { kind: '全局' } };
    expect(issueOf(preview, { ...base, ratio: { mode: 'fixed', count: 5 }, pool })).toEqual(['名单包至少 1 户']);
  });
});
