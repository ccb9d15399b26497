/**
 * The numbers a clerk types (ratios, team and package sizes, years, time limits), each with its bounds and the Chinese
 * sentences that refuse a value outside them. One rule per field serves both sides: the request schema refuses with it
 * in the main process, and the form shows the same sentence at the field as the clerk types. A value out of range is
 * refused, never moved into range.
 */

export interface NumberRule {
  min: number;
  max: number;
  /** The field is empty or not a number. */
  missing: string;
  /** Every stored number is whole (ratios are basis points, 1% = 100). */
  notWhole: string;
  tooSmall: string;
  tooLarge: string;
}

/** The sentence refusing `value`, or null when the rule takes it as it is. */
export function numberProblem(rule: NumberRule, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return rule.missing;
  if (!Number.isInteger(value)) return rule.notWhole;
  if (value < rule.min) return rule.tooSmall;
  if (value > rule.max) return rule.tooLarge;
  return null;
}

/** Percent as typed (2.75 = 2.75%) → basis points; a fraction of a basis point stays a fraction, to be refused. */
export function percentToBp(pct: number): number {
  const bp = pct * 100;
  const whole = Math.round(bp);
  return Math.abs(bp - whole) < 1e-6 ? whole : bp;
}

/** A ratio typed in percent, checked by its rule in basis points. */
export function percentProblem(rule: NumberRule, pct: unknown): string | null {
  if (typeof pct !== 'number' || !Number.isFinite(pct)) return rule.missing;
  return numberProblem(rule, percentToBp(pct));
}

const ratioWords = {
  missing: '请填写比例',
  notWhole: '比例最多保留两位小数（如 2.75%）',
  tooLarge: '比例不能超过 100%',
};

/** A single ratio: a task's 统一比例, the bureau's default and per-grade ratios in settings. */
export const RATIO_BP: NumberRule = { min: 1, max: 10000, tooSmall: '比例不能小于 0.01%', ...ratioWords };

/** A task's ratio for one credit grade: 0 draws none of that grade. */
export const GRADE_RATIO_BP: NumberRule = { min: 0, max: 10000, tooSmall: '比例不能为负', ...ratioWords };

export const FIXED_COUNT: NumberRule = {
  min: 1,
  max: 2_000_000,
  missing: '请填写固定抽取户数',
  notWhole: '户数必须是整数',
  tooSmall: '固定抽取户数至少为 1',
  tooLarge: '固定抽取户数不能超过 2,000,000',
};

/** 每组人数 of a task, and the bureau's 每组最少执法人员数 in settings. */
export const TEAM_SIZE: NumberRule = {
  min: 2,
  max: 10,
  missing: '请填写每组人数',
  notWhole: '人数必须是整数',
  tooSmall: '每组至少 2 名执法人员',
  tooLarge: '每组最多 10 名执法人员',
};

export const PACKAGE_SIZE: NumberRule = {
  min: 1,
  max: 100,
  missing: '请填写名单包大小',
  notWhole: '户数必须是整数',
  tooSmall: '名单包至少 1 户',
  tooLarge: '名单包最多 100 户',
};

export const MAX_PACKAGES_PER_INSPECTOR: NumberRule = {
  min: 1,
  max: 10000,
  missing: '请填写每人最多参加的检查组数',
  notWhole: '组数必须是整数',
  tooSmall: '每人至少可参加 1 个检查组',
  tooLarge: '每人最多参加 10,000 个检查组',
};

/** A task's 排除近几年内已抽查的对象, and the bureau's default for it in settings; 0 excludes none. */
export const RECENT_YEARS: NumberRule = {
  min: 0,
  max: 10,
  missing: '请填写年数（0 表示不排除）',
  notWhole: '年数必须是整数',
  tooSmall: '年数不能为负',
  tooLarge: '年数不能超过 10',
};

export const RESULT_DEADLINE_WORKDAYS: NumberRule = {
  min: 1,
  max: 120,
  missing: '请填写结果录入时限',
  notWhole: '工作日数必须是整数',
  tooSmall: '时限至少 1 个工作日',
  tooLarge: '时限不能超过 120 个工作日',
};

export const PLAN_YEAR: NumberRule = {
  min: 2000,
  max: 2100,
  missing: '请填写年度',
  notWhole: '年度必须是整数',
  tooSmall: '年度应在 2000 年到 2100 年之间',
  tooLarge: '年度应在 2000 年到 2100 年之间',
};

/** A task's team size also meets the bureau's minimum (settings), which the request schema cannot see. */
export function teamSizeProblem(value: unknown, minTeamSize: number): string | null {
  const problem = numberProblem(TEAM_SIZE, value);
  if (problem || (value as number) >= minTeamSize) return problem;
  return `每组至少 ${minTeamSize} 名执法人员（系统设置）`;
}
