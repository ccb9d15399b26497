/**
 * The index each roster and scope query is meant to use, checked with EXPLAIN QUERY PLAN on a demo county: the walk
 * of the sort column's index, the `+column` form that keeps a condition off its index, and `+reg_status`.
 */
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityConditionsSql } from '../../../src-main/db/entity-filter';
import { qb } from '../../../src-main/db/sql';
import { loadDemoData } from '../../../src-main/demo/demo-data';
import { walkQueries } from '../../../src-main/rosters/query';
import { rosterWhere, type RosterQuery } from '../../../src-main/rosters/query-where';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  loadDemoData(t.conn.raw, { entities: 3000, actor: '测试', now: t.ctx.now() });
});
afterAll(() => t.cleanup());

/** The plan's lines for SQL text and its parameters. */
function planOfSql(sqlText: string, parameters: readonly unknown[]): string[] {
  const rows = t.conn.raw.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(...parameters) as { detail: string }[];
  return rows.map((r) => r.detail);
}

function planOf(query: Compilable<unknown>, ...bound: unknown[]): string[] {
  const compiled = query.compile();
  return planOfSql(compiled.sql, [...bound, ...compiled.parameters]);
}

const byName: RosterQuery = { roster: 'entities', sort: { field: 'name', direction: 'asc' }, filters: {} };

describe('the walk of the sort index', () => {
  it('reads the ids in sort order from the sort column index alone', () => {
    expect(planOf(walkQueries.sortedIds(byName))).toEqual(['SCAN entities USING COVERING INDEX entities_name']);
    const byOffice: RosterQuery = { ...byName, sort: { field: 'office', direction: 'desc' } };
    expect(planOf(walkQueries.sortedIds(byOffice))).toEqual(['SCAN entities USING COVERING INDEX entities_office']);
  });

  it('tests a batch by rowid lookups: the `+column` conditions use no other index', () => {
    const req: RosterQuery = {
      ...byName,
      filters: { creditGrade: ['B', '未评级'], office: ['城关市场监管所'], tags: ['冷链'], status: ['存续'] },
    };
    const plan = planOf(walkQueries.batch(req, rosterWhere('entities', req, true).filters), '[1,2,3]');
    expect(plan[0]).toBe('SEARCH entities USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((line) => /entities_/.test(line))).toEqual([]);
  });

  it('without the unary plus, the same condition searches its own index', () => {
    const req: RosterQuery = { ...byName, filters: { creditGrade: ['B'] } };
    const ids = (walkSortIndex: boolean) =>
      qb
        .selectFrom('entities')
        .select('id')
        .where((eb) => eb.and(rosterWhere('entities', req, walkSortIndex).filters));
    expect(planOf(ids(false))).toEqual(['SEARCH entities USING COVERING INDEX entities_grade (credit_grade=?)']);
    expect(planOf(ids(true)).join(' | ')).not.toMatch(/SEARCH entities USING (COVERING )?INDEX/);
  });
});

describe('the task scope', () => {
  it('keeps 存续 off the status index (`+reg_status`): no search by status', () => {
    const scoped = (filter: Parameters<typeof entityConditionsSql>[0]) => {
      const { conditions, params } = entityConditionsSql(filter);
      return planOfSql(
        `SELECT credit_grade, last_inspected_on FROM entities WHERE ${conditions.join(' AND ')}`,
        params,
      );
    };
    expect(scoped({ activeOnly: true })).toEqual(['SCAN entities']);
    expect(scoped({ regStatuses: ['存续'] })).toEqual(['SEARCH entities USING INDEX entities_status (reg_status=?)']);
  });

  it('lets the other scope conditions use their index', () => {
    const { conditions, params } = entityConditionsSql({ activeOnly: true, offices: ['城关市场监管所'] });
    const plan = planOfSql(`SELECT count(*) FROM entities WHERE ${conditions.join(' AND ')}`, params);
    expect(plan.join(' | ')).toMatch(/entities_office|entities_scope/);
  });
});
