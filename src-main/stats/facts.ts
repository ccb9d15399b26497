/**
 * What the year's figures are computed from, read in a handful of queries: the year's tasks with a sealed draw, the
 * entities they drew, the current results with their first publication and follow-up, and the roster counted per
 * 管辖单位 and credit grade. Everything else is arithmetic on these (figures.ts, charts.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { chinaDate } from '@shared/domain/china-time';
import type { WorkCalendar } from '@shared/domain/workdays';
import { lookupPeople } from '../draws/draw-people';
import { sealedDrawsWithTask } from '../draws/sealed';
import { all, qb, value } from '../db/sql';

export interface TaskFact {
  id: number;
  /** The lead department first, then the joining ones. */
  departments: string[];
  joint: boolean;
  /** 信用规则关联: the task's ratios differ by credit grade. */
  grades: boolean;
  items: number[];
  sealedOn: string;
}

export interface DrawnFact {
  taskId: number;
  entityId: number;
  office: string;
  grade: string;
}

export interface ResultFact {
  taskId: number;
  entityId: number;
  office: string;
  state: string;
  inspectedOn: string | null;
  categories: string[];
  endState: string | null;
  inspectorIds: string[];
  /** China date of the first 抽查结果公告 that published it. */
  publishedOn: string | null;
  followUp: { closedOn: string | null } | null;
}

export interface Facts {
  year: number;
  tasks: TaskFact[];
  drawn: DrawnFact[];
  results: ResultFact[];
  /** The people who signed the results, by their id in the draw (检查员N or 专家N; 执法证号 in older draws). */
  inspectors: Map<string, { name: string; office: string; key: string }>;
  /** Entities 存续 per 管辖单位 and grade ('未评级' for none). */
  roster: { office: string; grade: string; count: number }[];
  itemsTotal: number;
}

/** Judges 按时公示: the calendar, the working days allowed (20 unless the settings say otherwise) and today. */
export interface Timing {
  calendar: WorkCalendar;
  workdays: number;
  today: string;
}

const UNGRADED = '未评级';

function yearTasks(raw: BetterSqlite3.Database, year: number): TaskFact[] {
  const rows = all(
    raw,
    sealedDrawsWithTask()
      .select(['t.id', 't.lead_department', 't.ratio_mode', 'd.sealed_at'])
      .where('t.year', '=', year)
      .orderBy('t.seq'),
  );
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const departments = all(
    raw,
    qb.selectFrom('task_departments').select(['task_id', 'department']).where('task_id', 'in', ids).orderBy('ordinal'),
  );
  const items = all(raw, qb.selectFrom('task_items').select(['task_id', 'item_id']).where('task_id', 'in', ids));
  return rows.map((r) => {
    const joining = departments.filter((d) => d.task_id === r.id).map((d) => d.department);
    return {
      id: r.id,
      departments: [r.lead_department, ...joining.filter((d) => d !== r.lead_department)],
      joint: joining.length > 0,
      grades: r.ratio_mode === 'grades',
      items: items.filter((i) => i.task_id === r.id).map((i) => i.item_id),
      sealedOn: chinaDate(new Date(r.sealed_at ?? '')),
    };
  });
}

/** One 抽查任务 draws an entity once; its 管辖单位 and grade are read here, once, for the results too. */
function yearDrawn(raw: BetterSqlite3.Database, year: number): DrawnFact[] {
  return all(
    raw,
    qb
      .selectFrom('draw_selected as s')
      .innerJoin('draws as d', 'd.id', 's.draw_id')
      .innerJoin('entities as e', 'e.id', 's.entity_id')
      .select(['d.task_id as taskId', 's.entity_id as entityId', 'e.office'])
      .select((eb) => eb.fn.coalesce('e.credit_grade', eb.val(UNGRADED)).as('grade'))
      .where('s.draw_id', 'in', sealedDrawsWithTask().select('d.id').where('t.year', '=', year)),
  );
}

/** China dates of instants, for a year's few distinct publication and sealing times. */
function chinaDates() {
  const cache = new Map<string, string>();
  return (at: string) => {
    let date = cache.get(at);
    if (date === undefined) cache.set(at, (date = chinaDate(new Date(at))));
    return date;
  };
}

/** JSON lists parsed once per distinct text: a year's 50,000 results repeat a few lists of categories. */
function jsonLists() {
  const cache = new Map<string, string[]>();
  return (text: string) => {
    let list = cache.get(text);
    if (list === undefined) cache.set(text, (list = JSON.parse(text) as string[]));
    return list;
  };
}

/**
 * A result's entity was drawn by its task's sealed draw (the results table refuses any other), so its 管辖单位 is
 * the drawn entity's: no second lookup in the roster.
 */
function yearResults(raw: BetterSqlite3.Database, year: number, drawn: DrawnFact[]): ResultFact[] {
  const officeOf = new Map(drawn.map((d) => [d.entityId, d.office]));
  const dateOf = chinaDates();
  const listOf = jsonLists();
  const rows = all(
    raw,
    qb
      .selectFrom('results as r')
      .innerJoin('tasks as t', 't.id', 'r.task_id')
      .leftJoin('result_follow_ups as f', 'f.result_id', 'r.id')
      .select(['r.task_id', 'r.entity_id', 'r.state', 'r.inspected_on', 'r.categories', 'r.end_state'])
      .select(['r.inspector_ids', 'f.id as followUpId', 'f.closed_on'])
      .select((eb) =>
        eb
          .selectFrom('publication_results as pr')
          .innerJoin('publications as p', 'p.id', 'pr.publication_id')
          .select((p) => p.fn.min('p.published_at').as('at'))
          .whereRef('pr.result_id', '=', 'r.id')
          .as('publishedAt'),
      )
      .where('t.year', '=', year)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
      ),
  );
  return rows.map((r) => ({
    taskId: r.task_id,
    entityId: r.entity_id,
    office: officeOf.get(r.entity_id) ?? '',
    state: r.state,
    inspectedOn: r.inspected_on,
    categories: listOf(r.categories),
    endState: r.end_state,
    inspectorIds: JSON.parse(r.inspector_ids) as string[],
    publishedOn: r.publishedAt ? dateOf(r.publishedAt) : null,
    followUp: r.followUpId === null ? null : { closedOn: r.closed_on },
  }));
}

function rosterCounts(raw: BetterSqlite3.Database): Facts['roster'] {
  const rows = all(
    raw,
    qb
      .selectFrom('entities')
      .select(['office', 'credit_grade', (eb) => eb.fn.countAll<number>().as('count')])
      .where('reg_status', '=', '存续')
      .groupBy(['office', 'credit_grade']),
  );
  return rows.map((r) => ({ office: r.office, grade: r.credit_grade ?? UNGRADED, count: r.count }));
}

/** Years with a task, newest first. */
export function taskYears(raw: BetterSqlite3.Database): number[] {
  const rows = all(raw, qb.selectFrom('tasks').select('year').distinct().orderBy('year', 'desc'));
  return rows.map((r) => r.year);
}

export function bureauName(raw: BetterSqlite3.Database): string {
  const text = value(raw, qb.selectFrom('settings').select('value').where('key', '=', 'bureauName'));
  return text === undefined ? '' : String(JSON.parse(text));
}

export function loadFacts(raw: BetterSqlite3.Database, year: number): Facts {
  const tasks = yearTasks(raw, year);
  if (tasks.length === 0)
    return { year, tasks, drawn: [], results: [], roster: [], itemsTotal: 0, inspectors: new Map() };
  const itemsTotal = Number(
    value(
      raw,
      qb.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')),
    ) ?? 0,
  );
  const drawn = yearDrawn(raw, year);
  const results = yearResults(raw, year, drawn);
  return {
    year,
    tasks,
    drawn,
    results,
    inspectors: lookupPeople(
      raw,
      results.flatMap((r) => r.inspectorIds),
    ),
    roster: rosterCounts(raw),
    itemsTotal,
  };
}
