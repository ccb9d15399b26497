/** The rows of a 抽查结果公告: current 已审核 results in scope, each with its items, under the field rules. */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type {
  DisclosureSettings,
  ResultAnnouncementRow,
  ResultDetailRow,
  ResultScope,
} from '@shared/domain/disclosure';
import { vocabularyText } from '@shared/domain/results';
import { dayNumber } from '@shared/domain/workdays';
import { chinaDate } from '@shared/domain/china-time';
import { AppError } from '@shared/errors';
import { all, first, qb } from '../db/sql';
import { readSettings } from '../plans/tasks';
import { readMembers } from '../sheets/load';
import { addressField, personField, publishedName } from './rules';
import { announcementTask, inspectingBody } from './task-block';
import { expired, isCorrection, periodOf } from './period';

type Raw = BetterSqlite3.Database;

/** The scope as given, refused when the task does not exist or the range is not a range of dates. */
export function checkedScope(raw: Raw, scope: ResultScope): ResultScope {
  if ('taskId' in scope) {
    const task = first(raw, qb.selectFrom('tasks').select('id').where('id', '=', scope.taskId));
    if (!task) throw new AppError('disclosure.taskNotFound', `没有找到抽查任务（编号 ${scope.taskId}）。`);
    return { taskId: scope.taskId };
  }
  for (const d of [scope.from, scope.to]) {
    if (dayNumber(d) === null) throw new AppError('disclosure.badRange', `“${d}”不是有效的日期。`);
  }
  if (scope.from > scope.to) {
    throw new AppError('disclosure.badRange', `检查完成日期的起始日（${scope.from}）晚于截止日（${scope.to}）。`);
  }
  return { from: scope.from, to: scope.to };
}

export function scopeTitle(raw: Raw, scope: ResultScope) {
  if ('taskId' in scope) {
    const t = first(
      raw,
      qb.selectFrom('tasks').select(['number', 'name', 'bureau_name', 'year']).where('id', '=', scope.taskId),
    )!;
    return {
      what: `抽查任务${t.number}`,
      title: `${t.bureau_name}关于${t.name}（${t.number}）的抽查结果公告`,
      bureauName: t.bureau_name,
      year: t.year,
    };
  }
  const bureauName = readSettings(raw).bureauName;
  return {
    what: `检查完成日期在${scope.from}至${scope.to}之间`,
    title: `${bureauName}抽查结果公告（检查完成日期${scope.from}至${scope.to}）`,
    bureauName,
    year: Number(scope.to.slice(0, 4)),
  };
}

function reviewed(raw: Raw, scope: ResultScope) {
  let q = qb
    .selectFrom('results as r')
    .innerJoin('entities as e', 'e.id', 'r.entity_id')
    .leftJoin('result_follow_ups as f', 'f.result_id', 'r.id')
    .select(['r.id', 'r.task_id', 'r.inspected_on', 'r.categories', 'r.follow_ups', 'r.end_state', 'r.note'])
    .select(['r.inspector_ids', 'e.name', 'e.uscc', 'e.reg_no', 'e.entity_type', 'e.address', 'e.legal_rep'])
    .select(['e.name_from_operator', 'f.closed_on'])
    .select((eb) =>
      eb
        .selectFrom('publication_results as pr')
        .innerJoin('publications as p', 'p.id', 'pr.publication_id')
        .select(sql<string>`min(p.published_at)`.as('at'))
        .whereRef('pr.result_id', '=', 'r.id')
        .as('first_published'),
    )
    .where('r.state', '=', '已审核')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
    );
  q =
    'taskId' in scope
      ? q.where('r.task_id', '=', scope.taskId)
      : q.where('r.inspected_on', '>=', scope.from).where('r.inspected_on', '<=', scope.to);
  return all(raw, q.orderBy('r.inspected_on').orderBy('r.task_id').orderBy('r.id'));
}

/** Per result, per item of its task: 发现问题 when any row failed, 不涉及 when all are, 未检查 when none was. */
function details(raw: Raw, ids: number[], finding: boolean): Map<number, ResultDetailRow[]> {
  const out = new Map<number, ResultDetailRow[]>();
  if (ids.length === 0) return out;
  const rows = all(
    raw,
    qb
      .selectFrom('results as r')
      .innerJoin('task_items as t', 't.task_id', 'r.task_id')
      .innerJoin('items as i', 'i.id', 't.item_id')
      .leftJoin('item_sub_items as s', 's.item_id', 't.item_id')
      .leftJoin('result_rows as rr', (j) => j.onRef('rr.result_id', '=', 'r.id').onRef('rr.sub_item_id', '=', 's.id'))
      .select(['r.id', 't.ordinal', 'i.name', 'rr.outcome', 'rr.finding'])
      .where('r.id', 'in', ids)
      .orderBy('r.id')
      .orderBy('t.ordinal')
      .orderBy('s.ordinal'),
  );
  const groups = new Map<string, { id: number; name: string; outcomes: (string | null)[]; findings: string[] }>();
  for (const r of rows) {
    const key = `${r.id}:${r.ordinal}`;
    const g = groups.get(key) ?? { id: r.id, name: r.name, outcomes: [], findings: [] };
    g.outcomes.push(r.outcome);
    if (r.finding) g.findings.push(r.finding);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const list = out.get(g.id) ?? [];
    const result = g.outcomes.includes('不符合')
      ? '发现问题'
      : g.outcomes.every((o) => o === null)
        ? '未检查'
        : g.outcomes.every((o) => o === '不涉及' || o === null)
          ? '不涉及'
          : '未发现问题';
    list.push({ seq: list.length + 1, item: g.name, result, finding: finding ? g.findings.join('；') : '' });
    out.set(g.id, list);
  }
  return out;
}

/** The rows to publish and how many reviewed results the 公示期 left out. */
export function resultRows(raw: Raw, scope: ResultScope, settings: DisclosureSettings, today: string) {
  const { rules } = settings;
  const all = reviewed(raw, scope);
  const live = all.filter((r) => {
    const facts = {
      correction: isCorrection(r.categories, r.follow_ups),
      closedOn: r.closed_on,
      firstPublished: r.first_published ? chinaDate(new Date(r.first_published)) : null,
    };
    return !expired(periodOf(facts, settings), today);
  });
  const tasks = new Map<number, ReturnType<typeof announcementTask>>();
  const taskOf = (id: number) => tasks.get(id) ?? tasks.set(id, announcementTask(raw, id, 0)).get(id)!;
  const itemRows = details(
    raw,
    live.map((r) => r.id),
    rules.finding === '公示',
  );
  const members = readMembers(
    raw,
    live.flatMap((r) => JSON.parse(r.inspector_ids) as string[]),
  );
  const rows = live.map((r, i): ResultAnnouncementRow => {
    const t = taskOf(r.task_id);
    const categories = JSON.parse(r.categories) as string[];
    const end = r.end_state ? `该主体${r.end_state}` : '';
    const note = [end, rules.note === '公示' ? r.note.trim() : ''].filter(Boolean).join('；');
    const ids = JSON.parse(r.inspector_ids) as string[];
    const inspectors =
      personField(rules.inspectors, '') === undefined
        ? undefined
        : ids.map((id) => personField(rules.inspectors, members.get(id)?.name ?? '')).join('、');
    const legalRep = r.name_from_operator
      ? rules.legalRep === '不公示'
        ? undefined
        : personField('遮蔽', r.legal_rep)
      : personField(rules.legalRep, r.legal_rep);
    const address = addressField(rules.address, r.address, r.entity_type);
    return {
      seq: i + 1,
      resultId: r.id,
      planNumber: t.planNumber,
      planName: t.planName,
      taskNumber: t.taskNumber,
      taskName: t.taskName,
      drawKind: t.drawKind,
      inspectingBody: inspectingBody(t),
      name: publishedName(r),
      code: r.uscc ?? r.reg_no ?? '',
      inspectedOn: r.inspected_on ?? '',
      result: categories.map(vocabularyText).join('；') || (r.end_state ? `该主体${r.end_state}` : ''),
      note,
      ...(address !== undefined ? { address } : {}),
      ...(legalRep !== undefined ? { legalRep } : {}),
      ...(inspectors !== undefined ? { inspectors } : {}),
      details: itemRows.get(r.id) ?? [],
    };
  });
  return { rows, expired: all.length - live.length };
}
