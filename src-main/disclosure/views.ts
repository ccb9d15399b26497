/** What the 信息公示 page lists: tasks with a sealed draw, the publications, and results whose 公示期 is ending. */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { DueResult, PublicationListRow } from '@shared/domain/disclosure';
import { chinaDate } from '@shared/domain/china-time';
import type { DisclosureTaskView } from '@shared/ipc/channels/disclosure';
import { all, qb } from '../db/sql';
import { sealedDrawsWithTask } from '../draws/sealed';
import { addMonths, isCorrection, periodOf } from './period';
import { publishedName, readDisclosureSettings } from './rules';

const notCorrected = qb
  .selectFrom('results as r')
  .selectAll('r')
  .where(({ not, exists, selectFrom }) =>
    not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
  );

export function disclosureTasks(raw: BetterSqlite3.Database): DisclosureTaskView[] {
  const rows = all(
    raw,
    sealedDrawsWithTask()
      .select(['t.id', 't.number', 't.name', 't.start_date', 't.end_date'])
      .select((eb) => [
        eb
          .selectFrom('draw_selected as s')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('s.draw_id', '=', 'd.id')
          .as('drawn'),
        eb
          .selectFrom(notCorrected.as('r'))
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('r.task_id', '=', 't.id')
          .where('r.state', '=', '已审核')
          .as('reviewed'),
        eb
          .selectFrom('publications as p')
          .select('p.serial')
          .whereRef('p.draw_id', '=', 'd.id')
          .where('p.kind', '=', '抽查任务公告')
          .as('serial'),
        eb
          .selectFrom('publication_results as pr')
          .innerJoin('results as r', 'r.id', 'pr.result_id')
          .select(sql<number>`count(DISTINCT pr.result_id)`.as('n'))
          .whereRef('r.task_id', '=', 't.id')
          .as('published'),
      ])
      .orderBy('t.start_date', 'desc')
      .orderBy('t.number'),
  );
  return rows.map((r) => ({
    taskId: r.id,
    taskNumber: r.number,
    taskName: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    drawn: r.drawn ?? 0,
    reviewed: r.reviewed ?? 0,
    serial: r.serial ?? null,
    resultsPublished: r.published ?? 0,
  }));
}

export function publications(raw: BetterSqlite3.Database): PublicationListRow[] {
  const rows = all(
    raw,
    qb
      .selectFrom('publications as p')
      .leftJoin('tasks as t', 't.id', 'p.task_id')
      .select([
        'p.id',
        'p.kind',
        'p.title',
        't.number',
        'p.range_from',
        'p.range_to',
        'p.published_at',
        'p.published_by',
      ])
      .select((eb) =>
        eb
          .selectFrom('publication_results as pr')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('pr.publication_id', '=', 'p.id')
          .as('results'),
      )
      .orderBy('p.id', 'desc'),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    taskNumber: r.number,
    rangeFrom: r.range_from,
    rangeTo: r.range_to,
    results: r.results ?? 0,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  }));
}

/** Published results whose 公示期 ended before today or ends within 30 days, soonest first. */
export function dueResults(raw: BetterSqlite3.Database, today: string): DueResult[] {
  const settings = readDisclosureSettings(raw);
  const soon = addMonths(today, 1);
  const rows = all(
    raw,
    notCorrected
      .innerJoin('tasks as t', 't.id', 'r.task_id')
      .innerJoin('entities as e', 'e.id', 'r.entity_id')
      .leftJoin('result_follow_ups as f', 'f.result_id', 'r.id')
      .innerJoin('publication_results as pr', 'pr.result_id', 'r.id')
      .innerJoin('publications as p', 'p.id', 'pr.publication_id')
      .select(['r.id', 'r.categories', 'r.follow_ups', 'r.inspected_on', 't.number', 'f.closed_on'])
      .select(['e.name', 'e.legal_rep', 'e.name_from_operator', 'e.uscc', 'e.reg_no'])
      .select(sql<string>`min(p.published_at)`.as('first_published'))
      .where('r.state', '=', '已审核')
      .groupBy('r.id'),
  );
  const out: DueResult[] = [];
  for (const r of rows) {
    const facts = {
      correction: isCorrection(r.categories, r.follow_ups),
      closedOn: r.closed_on,
      firstPublished: chinaDate(new Date(r.first_published)),
    };
    const period = periodOf(facts, settings);
    if (!period || period.until > soon) continue;
    out.push({
      resultId: r.id,
      taskNumber: r.number,
      name: publishedName(r),
      code: r.uscc ?? r.reg_no ?? '',
      inspectedOn: r.inspected_on ?? '',
      ...period,
      status: period.until < today ? '已到期' : '即将到期',
    });
  }
  return out.sort((a, b) => a.until.localeCompare(b.until));
}
