/**
 * 今日待办 on the home page: each count is one grouped query on an index (results by state, the audit log by target,
 * follow-ups by closed_on), never a scan of the results per drawn entity.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { AttentionTask, AttentionView } from '@shared/ipc/channels/home';
import { all, qb, value } from '../db/sql';
import { sealedDrawsWithTask } from '../draws/sealed';
import { DUE_SOON_WORKDAYS } from '../results/deadlines';
import { dueDates, pendingInspected } from '../results/due';

type Counts = { draw_id: number; n: number }[];

/** Counts per sealed draw, as lines labelled with their task, in plan order. */
function perDraw(raw: BetterSqlite3.Database, counts: Counts): AttentionTask[] {
  if (counts.length === 0) return [];
  const byDraw = new Map(counts.map((c) => [c.draw_id, c.n]));
  const draws = all(
    raw,
    sealedDrawsWithTask()
      .select(['d.id as drawId', 't.id as taskId', 't.number', 't.name'])
      .where('d.id', 'in', [...byDraw.keys()])
      .orderBy('t.year')
      .orderBy('t.seq'),
  );
  return draws.map((d) => ({
    ...{ taskId: d.taskId, drawId: d.drawId, taskNumber: d.number, taskName: d.name },
    count: byDraw.get(d.drawId) ?? 0,
  }));
}

function resultsIn(raw: BetterSqlite3.Database, dates: string[]): Counts {
  if (dates.length === 0) return [];
  const q = pendingInspected().where('r.inspected_on', 'in', dates);
  return all(raw, q.select(['r.draw_id', sql<number>`count(*)`.as('n')]).groupBy('r.draw_id'));
}

const reviewed = () =>
  qb
    .selectFrom('results as r')
    .where('r.state', '=', '已审核')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'r.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('publication_results as p').select('p.result_id').whereRef('p.result_id', '=', 'r.id'))),
    );

function toDraw(raw: BetterSqlite3.Database): AttentionTask[] {
  const rows = all(
    raw,
    qb
      .selectFrom('tasks as t')
      .innerJoin('plans as p', 'p.id', 't.plan_id')
      .select(['t.id', 't.number', 't.name'])
      .where('p.version', '>', 0)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('draws as d').select('d.id').whereRef('d.task_id', '=', 't.id').where('d.state', '=', 'sealed'),
          ),
        ),
      )
      .orderBy('t.year')
      .orderBy('t.seq'),
  );
  return rows.map((t) => ({ taskId: t.id, drawId: null, taskNumber: t.number, taskName: t.name, count: 1 }));
}

/** Sealed draws with no finished 一户一表 export in the audit log (`sheets:export` on `draws:<id>`). */
function sheetsNotPrinted(raw: BetterSqlite3.Database): AttentionTask[] {
  const counts = all(
    raw,
    qb
      .selectFrom('draws as d')
      .innerJoin('draw_selected as s', 's.draw_id', 'd.id')
      .select(['d.id as draw_id', sql<number>`count(*)`.as('n')])
      .where('d.state', '=', 'sealed')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('audit_log as a')
              .select('a.id')
              .where('a.target', '=', sql<string>`'draws:' || d.id`)
              .where('a.action', '=', 'sheets:export'),
          ),
        ),
      )
      .groupBy('d.id'),
  );
  return perDraw(raw, counts);
}

function followUps(raw: BetterSqlite3.Database, today: string) {
  // Of current results only, as the follow-ups page lists them: a corrected result's follow-up is not shown there.
  const open = qb
    .selectFrom('result_follow_ups as f')
    .where('f.closed_on', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('results as c').select('c.id').whereRef('c.corrects_id', '=', 'f.result_id'))),
    );
  const count = sql<number>`count(*)`.as('n');
  return {
    followUpsOpen: value(raw, open.select(count)) ?? 0,
    followUpsOverdue: value(raw, open.where('f.due_on', '<', today).select(count)) ?? 0,
  };
}

export function attention(raw: BetterSqlite3.Database, today: string): AttentionView {
  const due = dueDates(raw, today);
  const byState = (state: '已录入') =>
    all(
      raw,
      qb
        .selectFrom('results as r')
        .where('r.state', '=', state)
        .select(['r.draw_id', sql<number>`count(*)`.as('n')])
        .groupBy('r.draw_id'),
    );
  return {
    today,
    dueSoonWorkdays: DUE_SOON_WORKDAYS,
    toDraw: toDraw(raw),
    sheetsNotPrinted: sheetsNotPrinted(raw),
    resultsOverdue: perDraw(raw, resultsIn(raw, due.overdue)),
    resultsDueSoon: perDraw(raw, resultsIn(raw, due.dueSoon)),
    awaitingReview: perDraw(raw, byState('已录入')),
    awaitingPublication: perDraw(
      raw,
      all(
        raw,
        reviewed()
          .select(['r.draw_id', sql<number>`count(*)`.as('n')])
          .groupBy('r.draw_id'),
      ),
    ),
    ...followUps(raw, today),
  };
}
