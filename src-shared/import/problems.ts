/**
 * What an import found wrong, in the words a clerk reads in the preview and in the rejected-rows report.
 *
 * severity 'error': the row (or, for the item list, the item) is rejected and nothing of it is written.
 * severity 'flag':  the row is kept and written if the user confirms; the warning stays in the report.
 */
export type ProblemSeverity = 'error' | 'flag';

export interface ImportProblem {
  /** 1-based spreadsheet row number as the user sees it. */
  row: number;
  /** Column letter and header text, e.g. "C 统一社会信用代码"; null when the problem is about the whole row. */
  column: string | null;
  /** The record field (code name), e.g. "uscc"; null for a row-level problem. */
  field: string | null;
  severity: ProblemSeverity;
  /** Stable machine code, e.g. "uscc.checkDigit", for tests, filters and counts. */
  code: string;
  /** 中文 reason. */
  reason: string;
}

/** Where a problem points: the row, and the column if any. */
export interface ProblemSite {
  row: number;
  column: string | null;
  field: string | null;
}

export function problem(site: ProblemSite, severity: ProblemSeverity, code: string, reason: string): ImportProblem {
  return { row: site.row, column: site.column, field: site.field, severity, code, reason };
}

export function hasError(problems: readonly ImportProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** "第 12 行 C 列（统一社会信用代码）：…" — for logs and CLI output. */
export function describeProblem(p: ImportProblem): string {
  const where = p.column ? `第 ${p.row} 行 ${p.column}` : `第 ${p.row} 行`;
  return `${where}：${p.reason}`;
}
