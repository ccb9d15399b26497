/**
 * Roster pages: paged, sorted, filtered, with Chinese substring search. A sorted page with conditions either sorts
 * every match or walks the sort column's index (walkPage), whichever should reach the page's end sooner.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { QueryableRoster, RosterPage } from '@shared/domain/roster-views';
import { ROSTER_LABELS } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import type { Database } from '../db/schema';
import { all, compiledOnce, P, qb, statementFor, value } from '../db/sql';
import { rosterWhere, type RosterQuery, type RosterWhere } from './query-where';
import { searchCount, searchIds } from './search-index';
import { selectRoster, TABLES, type RosterView, type StoredRow } from './tables';

/**
 * A sorted page with conditions (see walkPage) walks the sort column's index this many rows at a time, testing each
 * batch against the conditions; it gives up when a batch shows the matches are much rarer there than on average
 * (the conditions correlate with the sort order: 片区 with 管辖单位, a shop word with the name).
 */
export const WALK_TUNING = { batch: 500, giveUpBelow: 0.25, minExpected: 8 };

type RosterSelect<O> = SelectQueryBuilder<Database, QueryableRoster, O>;

function withConditions<O>(query: RosterSelect<O>, conditions: Expression<SqlBool>[]): RosterSelect<O> {
  return conditions.length > 0 ? query.where((eb) => eb.and(conditions)) : query;
}

/** The query's order: its sort column then id, or id alone, in its direction; refused if the roster lacks it. */
function ordered<O>(query: RosterSelect<O>, req: RosterQuery): RosterSelect<O> {
  const field = req.sort?.field ?? 'id';
  const column = TABLES[req.roster].sortable[field];
  if (!column) throw new AppError('roster.badSort', `${ROSTER_LABELS[req.roster]}不能按“${field}”排序。`);
  const direction = req.sort?.direction === 'desc' ? 'desc' : 'asc';
  const byId = column === 'id' ? query : query.orderBy(sql.ref(column), direction);
  return byId.orderBy('id', direction);
}

/** Every row of the roster that meets the conditions, in the query's order. */
export function orderedRoster(req: RosterQuery, conditions: Expression<SqlBool>[]) {
  return ordered(withConditions(selectRoster(req.roster), conditions), req);
}

function countRows(raw: BetterSqlite3.Database, table: QueryableRoster, conditions: Expression<SqlBool>[]): number {
  const count = qb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  return value(raw, withConditions(count, conditions)) ?? 0;
}

export function queryRoster(raw: BetterSqlite3.Database, req: RosterQuery): RosterPage<RosterView> {
  const where = rosterWhere(req.roster, req);
  if (!where.searchOnly) return sortedPage(raw, req, where, countRows(raw, req.roster, where.conditions));
  // A search with no filter is answered by the full-text index alone: the count, and in rowid order (the default
  // sort) the page too.
  const fts = where.searchOnly;
  const total = searchCount(raw, fts);
  if ((req.sort?.field ?? 'id') !== 'id') return sortedPage(raw, req, where, total);
  const page = req.page ?? 1;
  const pageSize = req.pageSize ?? 50;
  const direction = req.sort?.direction === 'desc' ? 'desc' : 'asc';
  const index = sql.table(fts.table);
  const ids = sql<number>`(SELECT rowid FROM ${index} WHERE ${index} MATCH ${fts.match} ORDER BY rowid ${sql.raw(direction)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})`;
  const rows = all(raw, selectRoster('entities').where('id', 'in', ids).orderBy('id', direction));
  return { total, page, pageSize, rows: rows.map(TABLES.entities.toView), searchMode: where.searchMode };
}

/**
 * A page sorted by a column. When matches are common enough that walking the sort column's index reaches the page's end
 * sooner than sorting every match, walk it (walkPage); if the walk finds them far rarer than average, the conditions
 * correlate with the sort order and sorting the matches is the better plan after all (docs/performance.md).
 */
function sortedPage(raw: BetterSqlite3.Database, req: RosterQuery, where: RosterWhere, total: number) {
  const spec = TABLES[req.roster];
  const page = req.page ?? 1;
  const pageSize = req.pageSize ?? 50;
  const offset = (page - 1) * pageSize;
  const result = (rows: StoredRow[]): RosterPage<RosterView> => ({
    total,
    page,
    pageSize,
    rows: rows.map(spec.toView),
    searchMode: where.searchMode,
  });
  if ((req.sort?.field ?? 'id') !== 'id' && where.conditions.length > 0 && total > 0) {
    const rowsInTable = countRows(raw, req.roster, []);
    if ((page * pageSize * rowsInTable) / total < total) {
      const walk = { wanted: offset + pageSize, density: total / rowsInTable, maxWalk: total };
      const rows = walkPage(raw, req, rosterWhere(req.roster, req, true), walk);
      if (rows) return result(rows.slice(offset));
    }
  }
  return result(all(raw, orderedRoster(req, where.conditions).limit(pageSize).offset(offset)));
}

/** The walk's two queries: the ids in sort order (the sort column's index alone), and a batch of ids tested. */
export const walkQueries = {
  sortedIds: (req: RosterQuery) => ordered(qb.selectFrom(req.roster).select('id'), req),
  /** Bind: the batch's ids as a JSON array, then the conditions' own parameters. */
  batch: (req: RosterQuery, filters: Expression<SqlBool>[]) => {
    const inBatch = sql<number>`(SELECT value FROM json_each(${P}))`;
    return withConditions(selectRoster(req.roster).where('id', 'in', inBatch), filters);
  },
};

/** The sort index's ids in sort order, one at a time (plucked: the walk can pass many thousands of rows). */
function sortedIds(raw: BetterSqlite3.Database, req: RosterQuery): IterableIterator<unknown> {
  const compiled = walkQueries.sortedIds(req).compile();
  return statementFor(raw, compiled.sql)
    .pluck()
    .iterate(...compiled.parameters);
}

/**
 * The first `wanted` matches in sort order, walking the sort column's index and testing ids a batch at a time
 * (`+column` forms: rowid lookups, no other index). null when the walk gives up: it has walked as many rows as sorting
 * the matches would cost, or it finds them far rarer than `density` predicts (WALK_TUNING).
 */
function walkPage(
  raw: BetterSqlite3.Database,
  req: RosterQuery,
  where: RosterWhere,
  walk: { wanted: number; density: number; maxWalk: number },
): StoredRow[] | null {
  const ftsIds = where.fts ? searchIds(raw, where.fts) : null;
  const found: StoredRow[] = [];
  const test = compiledOnce(raw, walkQueries.batch(req, where.filters));
  let batch: number[] = [];
  let walked = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const position = new Map(batch.map((id, i) => [id, i]));
    const rows = test.all(JSON.stringify(batch), ...test.parameters);
    rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    for (const r of rows) found.push(r);
    batch = [];
  };
  for (const id of sortedIds(raw, req)) {
    walked++;
    if (!ftsIds || ftsIds.has(Number(id))) batch.push(Number(id));
    if (batch.length < WALK_TUNING.batch && walked % (WALK_TUNING.batch * 4) !== 0) continue;
    flush();
    if (found.length >= walk.wanted) return found.slice(0, walk.wanted);
    const expected = walked * walk.density;
    const rare = expected >= WALK_TUNING.minExpected && found.length < expected * WALK_TUNING.giveUpBelow;
    if (walked >= walk.maxWalk || rare) return null;
  }
  flush();
  // The whole table was walked: every match is in `found`, in order.
  return found.slice(0, walk.wanted);
}
