/**
 * The dates a request may carry: real calendar days in the years the bureau's records can span. A date outside them
 * (9999-12-31, 2026-02-31) would sort or compare wrongly and silently move records in or out of a draw.
 */
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2099;

/** Why `value` is not a usable date, in Chinese, or null when it is one. */
export function calendarDateProblem(value: string, label = '日期'): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `${label}格式应为 YYYY-MM-DD，例如 2026-03-15`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const real = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day)
    return `${label}「${value}」不是日历上的日期，请检查月份和日`;
  if (year < FIRST_YEAR || year > LAST_YEAR) return `${label}应在 ${FIRST_YEAR} 年至 ${LAST_YEAR} 年之间`;
  return null;
}
