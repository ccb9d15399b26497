/**
 * 统计分析: the figures a bureau is judged on (004 §十八) for one year, for the whole bureau, per department and per
 * 管辖单位, each with its formula and the counts behind it, and the data of the page's charts. No source defines the
 * figures more precisely, so each carries the formula it was computed by.
 */

export const STATS_FIGURE_KEYS = [
  'entityRatio',
  'itemCoverage',
  'jointRate',
  'creditRate',
  'onTimeRate',
  'problemClosedRate',
  'completionRate',
  'closureRate',
] as const;
export type StatsFigureKey = (typeof STATS_FIGURE_KEYS)[number];

export interface StatsFigure {
  key: StatsFigureKey;
  label: string;
  /** 「抽中的经营主体数 ÷ 名录库中存续的经营主体数」. */
  formula: string;
  numeratorLabel: string;
  denominatorLabel: string;
  numerator: number;
  denominator: number;
  /** null when the denominator is 0: there is nothing to measure, which is not 0%. */
  rate: number | null;
  /** What the counts leave out, e.g. results whose deadline the calendar cannot reach. */
  note: string | null;
}

export type StatsScopeKind = '全局' | '部门' | '管辖单位';

export interface StatsScopeRow {
  kind: StatsScopeKind;
  name: string;
  figures: StatsFigure[];
}

export interface StatsMonth {
  month: number;
  /** Sealed draws and the entities they drew, by the month of sealing. */
  draws: number;
  drawn: number;
  /** Results by the month of 检查日期. */
  inspections: number;
  /** Problems by the month of the inspection that found them; closed by the month of 完结. */
  problemsFound: number;
  problemsClosed: number;
}

export interface StatsCharts {
  months: StatsMonth[];
  /** Entered or reviewed results per 检查结果 category (multi-select: a result counts in each) and end state. */
  categories: { name: string; count: number }[];
  grades: { grade: string; roster: number; drawn: number }[];
  tasks: { joint: number; single: number };
  /** Inspections per inspector's office and per inspector (most first), counted once per result they signed. */
  offices: { name: string; inspections: number }[];
  inspectors: { name: string; office: string; inspections: number }[];
}

export interface StatsFilter {
  department: string | null;
  office: string | null;
}

export interface StatsView {
  year: number;
  bureauName: string;
  /** China's today: results not yet due by it are left out of 按时公示率. */
  today: string;
  /** Years with a task, newest first. */
  years: number[];
  /** Why there is nothing to show for the year (a Chinese sentence); null when there is. */
  empty: string | null;
  departments: string[];
  offices: string[];
  filter: StatsFilter;
  rows: StatsScopeRow[];
  charts: StatsCharts;
}

/** 「12.5%」, or 「—」 when there is nothing to measure. */
export function rateText(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
