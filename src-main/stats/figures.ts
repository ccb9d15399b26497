/**
 * The eight figures, for one scope of the year's facts. Each says its formula and both counts; a figure with nothing
 * to measure (denominator 0) has no rate rather than 0%.
 */
import { deadlineText } from '@shared/domain/workdays';
import type { StatsFigure, StatsFigureKey, StatsScopeKind, StatsScopeRow } from '@shared/domain/stats';
import type { DrawnFact, Facts, ResultFact, TaskFact, Timing } from './facts';

/** The part of the year's facts one row is about. */
export interface Scoped {
  tasks: TaskFact[];
  drawn: DrawnFact[];
  results: ResultFact[];
  rosterTotal: number;
}

/** The drawn entities and results of each 管辖单位, grouped in one pass (in their order), with its roster count. */
function officeParts(facts: Facts) {
  const parts = new Map<string, { drawn: DrawnFact[]; results: ResultFact[]; tasks: Set<number>; roster: number }>();
  const part = (office: string) => {
    let p = parts.get(office);
    if (!p) parts.set(office, (p = { drawn: [], results: [], tasks: new Set(), roster: 0 }));
    return p;
  };
  for (const d of facts.drawn) {
    const p = part(d.office);
    p.drawn.push(d);
    p.tasks.add(d.taskId);
  }
  for (const r of facts.results) part(r.office).results.push(r);
  for (const r of facts.roster) part(r.office).roster += r.count;
  return parts;
}

/**
 * The scopes of one year's facts: the whole, a department's tasks, an office's entities. The offices' parts are
 * grouped once, not filtered from the whole year once per office.
 */
export function scopesOf(facts: Facts): (kind: StatsScopeKind, name: string) => Scoped {
  const rosterTotal = facts.roster.reduce((s, r) => s + r.count, 0);
  let offices: ReturnType<typeof officeParts> | undefined;
  return (kind, name) => {
    if (kind === '全局') return { ...facts, rosterTotal };
    if (kind === '部门') {
      const tasks = facts.tasks.filter((t) => t.departments.includes(name));
      const ids = new Set(tasks.map((t) => t.id));
      return {
        tasks,
        drawn: facts.drawn.filter((d) => ids.has(d.taskId)),
        results: facts.results.filter((r) => ids.has(r.taskId)),
        rosterTotal,
      };
    }
    const office = (offices ??= officeParts(facts)).get(name);
    if (!office) return { tasks: [], drawn: [], results: [], rosterTotal: 0 };
    const { drawn, results, tasks, roster } = office;
    return { tasks: facts.tasks.filter((t) => tasks.has(t.id)), drawn, results, rosterTotal: roster };
  };
}

export function scopeOf(facts: Facts, kind: StatsScopeKind, name: string): Scoped {
  return scopesOf(facts)(kind, name);
}

const LABELS: Record<StatsFigureKey, [label: string, numerator: string, denominator: string]> = {
  entityRatio: ['抽查经营主体比例', '抽中的经营主体数（不重复）', '名录库中存续的经营主体数'],
  itemCoverage: ['抽查事项覆盖率', '任务使用的抽查事项数（不重复）', '抽查事项清单的事项数'],
  jointRate: ['部门联合监管率', '部门联合抽查的任务数', '已封存抽取的抽查任务数'],
  creditRate: ['信用规则关联应用率', '按信用风险等级设定抽查比例的任务数', '已封存抽取的抽查任务数'],
  onTimeRate: ['检查结果按时公示率', '在检查后规定工作日内首次公示的结果数', '已公示或公示期限已过的检查结果数'],
  problemClosedRate: ['发现问题处置率', '后续处置已完结的结果数', '发现问题的检查结果数'],
  completionRate: ['完成率', '已公示的检查结果数', '应检查的经营主体数（抽中户次）'],
  closureRate: ['完结率', '已公示且已完结的检查结果数', '已公示的检查结果数'],
};

function figure(key: StatsFigureKey, numerator: number, denominator: number, note: string | null = null): StatsFigure {
  const [label, numeratorLabel, denominatorLabel] = LABELS[key];
  return {
    key,
    label,
    formula: `${numeratorLabel} ÷ ${denominatorLabel}`,
    numeratorLabel,
    denominatorLabel,
    numerator,
    denominator,
    rate: denominator === 0 ? null : numerator / denominator,
    note,
  };
}

type Due = ReturnType<Timing['calendar']['addWorkdays']>;
const dueCaches = new WeakMap<Timing, Map<string, Due>>();

/** Due date of publication per inspection date, cached per timing: a year has few distinct dates, and many rows. */
function dueDates(timing: Timing) {
  let cache = dueCaches.get(timing);
  if (!cache) dueCaches.set(timing, (cache = new Map()));
  return (inspectedOn: string) => {
    let due = cache.get(inspectedOn);
    if (!due) cache.set(inspectedOn, (due = timing.calendar.addWorkdays(inspectedOn, timing.workdays)));
    return due;
  };
}

/** 按时公示: published within the working days after the inspection; results not yet due and unpublished wait. */
function onTime(results: ResultFact[], timing: Timing): StatsFigure {
  const dueOf = dueDates(timing);
  let counted = 0;
  let inTime = 0;
  const unknown = new Set<string>();
  for (const r of results) {
    if (!r.inspectedOn) continue;
    const due = dueOf(r.inspectedOn);
    if (!due.known) {
      unknown.add(deadlineText(due));
      continue;
    }
    if (!r.publishedOn && timing.today <= due.date) continue;
    counted += 1;
    if (r.publishedOn && r.publishedOn <= due.date) inTime += 1;
  }
  const note = unknown.size > 0 ? `公示期限${[...unknown].join('、')}的结果未计入` : null;
  const f = figure('onTimeRate', inTime, counted, note);
  return { ...f, formula: `${f.formula}（规定期限：检查完成之日起 ${timing.workdays} 个工作日）` };
}

export function figuresOf(s: Scoped, itemsTotal: number, timing: Timing): StatsFigure[] {
  const items = new Set(s.tasks.flatMap((t) => t.items));
  const published = s.results.filter((r) => r.publishedOn !== null);
  const problems = s.results.filter((r) => r.followUp !== null);
  const finished = (r: ResultFact) => r.followUp === null || r.followUp.closedOn !== null;
  return [
    figure('entityRatio', new Set(s.drawn.map((d) => d.entityId)).size, s.rosterTotal),
    figure('itemCoverage', items.size, itemsTotal),
    figure('jointRate', s.tasks.filter((t) => t.joint).length, s.tasks.length),
    figure('creditRate', s.tasks.filter((t) => t.grades).length, s.tasks.length),
    onTime(s.results, timing),
    figure('problemClosedRate', problems.filter((r) => r.followUp?.closedOn).length, problems.length),
    figure('completionRate', published.length, s.drawn.length),
    figure('closureRate', published.filter(finished).length, published.length),
  ];
}

export function departmentsOf(facts: Facts): string[] {
  return [...new Set(facts.tasks.flatMap((t) => t.departments))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The 管辖单位 of the drawn entities (an office with no drawn entity has nothing to report for the year). */
export function officesOf(facts: Facts): string[] {
  return [...new Set(facts.drawn.map((d) => d.office))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** 全局 first, then the departments and offices the filter keeps. */
export function scopeRows(
  facts: Facts,
  timing: Timing,
  filter: { department: string | null; office: string | null },
): StatsScopeRow[] {
  const wanted: [StatsScopeKind, string][] = [['全局', '全局']];
  const any = filter.department === null && filter.office === null;
  for (const d of departmentsOf(facts)) if (any || d === filter.department) wanted.push(['部门', d]);
  for (const o of officesOf(facts)) if (any || o === filter.office) wanted.push(['管辖单位', o]);
  const scope = scopesOf(facts);
  return wanted.map(([kind, name]) => ({
    kind,
    name,
    figures: figuresOf(scope(kind, name), facts.itemsTotal, timing),
  }));
}
