/** The page's answer for a year and filter: the figures per scope and the charts, or why there is nothing to show. */
import type BetterSqlite3 from 'better-sqlite3';
import { chinaDate } from '@shared/domain/china-time';
import type { StatsFilter, StatsView } from '@shared/domain/stats';
import { deadlineWorkdays, workCalendar } from '../results/calendar';
import { chartsOf } from './charts';
import { bureauName, loadFacts, taskYears, type Timing } from './facts';
import { departmentsOf, officesOf, scopeRows } from './figures';

export interface StatsQuery extends StatsFilter {
  year: number | null;
}

function emptyReason(year: number, years: number[]): string {
  if (!years.includes(year)) return `${year}年度没有抽查任务，没有可统计的数据。`;
  return `${year}年度的抽查任务都还没有封存抽取结果，没有可统计的数据。`;
}

export function statsView(raw: BetterSqlite3.Database, query: StatsQuery, now: Date): StatsView {
  const today = chinaDate(now);
  const years = taskYears(raw);
  const year = query.year ?? years[0] ?? Number(today.slice(0, 4));
  const facts = loadFacts(raw, year);
  const timing: Timing = { calendar: workCalendar(raw), workdays: deadlineWorkdays(raw), today };
  const departments = departmentsOf(facts);
  const offices = officesOf(facts);
  // A filter naming a department or office the year does not have keeps nothing: it is dropped, and shown so.
  const filter: StatsFilter = {
    department: query.department !== null && departments.includes(query.department) ? query.department : null,
    office: query.office !== null && offices.includes(query.office) ? query.office : null,
  };
  const empty = facts.tasks.length === 0 ? emptyReason(year, years) : null;
  return {
    year,
    bureauName: bureauName(raw),
    today,
    years,
    empty,
    departments,
    offices,
    filter,
    rows: empty ? [] : scopeRows(facts, timing, filter),
    charts: chartsOf(facts, filter),
  };
}
