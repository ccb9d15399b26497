/** The data of the page's charts for the facts the filter keeps (a department's tasks, an office's entities). */
import { END_STATES, RESULT_CATEGORIES, vocabularyText } from '@shared/domain/results';
import type { StatsCharts, StatsFilter, StatsMonth } from '@shared/domain/stats';
import { GRADE_KEYS } from '@shared/domain/tasks';
import type { Facts } from './facts';
import { scopeOf, type Scoped } from './figures';

export function filtered(facts: Facts, filter: StatsFilter): Scoped {
  let s = scopeOf(facts, '全局', '全局');
  if (filter.department !== null) s = scopeOf({ ...facts, ...s }, '部门', filter.department);
  if (filter.office !== null) s = scopeOf({ ...facts, ...s }, '管辖单位', filter.office);
  return s;
}

function monthOf(date: string | null, year: number): number | null {
  if (!date || Number(date.slice(0, 4)) !== year) return null;
  return Number(date.slice(5, 7));
}

function months(facts: Facts, s: Scoped): StatsMonth[] {
  const out: StatsMonth[] = Array.from({ length: 12 }, (_, i) => ({
    ...{ month: i + 1, draws: 0, drawn: 0, inspections: 0 },
    ...{ problemsFound: 0, problemsClosed: 0 },
  }));
  const at = (date: string | null) => {
    const m = monthOf(date, facts.year);
    return m === null ? null : out[m - 1];
  };
  const sealedOn = new Map(s.tasks.map((t) => [t.id, t.sealedOn]));
  for (const t of s.tasks) {
    const m = at(t.sealedOn);
    if (m) m.draws += 1;
  }
  for (const d of s.drawn) {
    const m = at(sealedOn.get(d.taskId) ?? null);
    if (m) m.drawn += 1;
  }
  for (const r of s.results) {
    const m = at(r.inspectedOn);
    if (m) m.inspections += 1;
    if (!r.followUp) continue;
    if (m) m.problemsFound += 1;
    const closed = at(r.followUp.closedOn);
    if (closed) closed.problemsClosed += 1;
  }
  return out;
}

function categories(s: Scoped): StatsCharts['categories'] {
  const counts = new Map<string, number>([...RESULT_CATEGORIES, ...END_STATES].map((c) => [c, 0]));
  for (const r of s.results) {
    if (r.state !== '已录入' && r.state !== '已审核') continue;
    for (const c of r.endState ? [r.endState] : r.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name: vocabularyText(name), count }));
}

function grades(facts: Facts, s: Scoped, office: string | null): StatsCharts['grades'] {
  return GRADE_KEYS.map((grade) => ({
    grade,
    roster: facts.roster
      .filter((r) => r.grade === grade && (office === null || r.office === office))
      .reduce((n, r) => n + r.count, 0),
    drawn: new Set(s.drawn.filter((d) => d.grade === grade).map((d) => d.entityId)).size,
  }));
}

function workload(facts: Facts, s: Scoped): Pick<StatsCharts, 'offices' | 'inspectors'> {
  // Counted per person: one inspector is a 执法证号 in older draws and 检查员N in newer ones.
  const perInspector = new Map<string, { who: { name: string; office: string }; inspections: number }>();
  for (const r of s.results) {
    if (!r.inspectedOn) continue;
    for (const id of r.inspectorIds) {
      const person = facts.inspectors.get(id);
      const key = person?.key ?? id;
      const counted = perInspector.get(key);
      if (counted) counted.inspections += 1;
      else perInspector.set(key, { who: person ?? { name: id, office: '（未知）' }, inspections: 1 });
    }
  }
  const perOffice = new Map<string, number>();
  const inspectors = [...perInspector.values()].map(({ who, inspections }) => {
    perOffice.set(who.office, (perOffice.get(who.office) ?? 0) + inspections);
    return { name: who.name, office: who.office, inspections };
  });
  const byCount = <T extends { inspections: number }>(a: T, b: T) => b.inspections - a.inspections;
  return {
    offices: [...perOffice].map(([name, inspections]) => ({ name, inspections })).sort(byCount),
    inspectors: inspectors.sort(byCount),
  };
}

export function chartsOf(facts: Facts, filter: StatsFilter): StatsCharts {
  const s = filtered(facts, filter);
  const joint = s.tasks.filter((t) => t.joint).length;
  return {
    months: months(facts, s),
    categories: categories(s),
    grades: grades(facts, s, filter.office),
    tasks: { joint, single: s.tasks.length - joint },
    ...workload(facts, s),
  };
}
