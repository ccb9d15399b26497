/** The choices of a roster page's filters: offices, and the areas, industries and tags in use. */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { FilterOptions, QueryableRoster } from '@shared/domain/roster-views';
import { all, column, qb } from '../db/sql';

export function filterOptions(raw: BetterSqlite3.Database, roster: QueryableRoster): FilterOptions {
  const offices = all(raw, qb.selectFrom('offices').select(['name', 'kind']).orderBy('kind').orderBy('name'));
  if (roster === 'entities') {
    const distinct = (name: 'area' | 'industry') =>
      column(raw, qb.selectFrom('entities').select(name).distinct().where(name, '<>', sql.lit('')).orderBy(name));
    return {
      offices,
      areas: distinct('area'),
      industries: distinct('industry'),
      tags: column(raw, qb.selectFrom('entity_tags').select('tag').distinct().orderBy('tag')),
    };
  }
  const tags = sql<string>`json_each(${sql.ref(`${roster}.tags`)})`;
  const values = qb
    .selectFrom([roster, tags.as('tag')])
    .select(sql<string>`value`.as('value'))
    .distinct()
    .orderBy('value');
  return { offices, areas: [], industries: [], tags: column(raw, values) };
}
