/**
 * Queries answered from an entity search index alone. Hand-written: the FTS5 tables are outside the Kysely schema and
 * Kysely cannot express MATCH on them; a typed switch over the two tables, no SQL built from strings.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { statementFor } from '../db/sql';
import type { FtsSearch } from './query-where';

const COUNT: Record<FtsSearch['table'], string> = {
  entity_search: 'SELECT count(*) FROM entity_search WHERE entity_search MATCH ?',
  entity_short_search: 'SELECT count(*) FROM entity_short_search WHERE entity_short_search MATCH ?',
};

const IDS: Record<FtsSearch['table'], string> = {
  entity_search: 'SELECT rowid FROM entity_search WHERE entity_search MATCH ?',
  entity_short_search: 'SELECT rowid FROM entity_short_search WHERE entity_short_search MATCH ?',
};

/** How many entities the search finds (counted in the index: far faster than looking each one up in entities). */
export function searchCount(raw: BetterSqlite3.Database, fts: FtsSearch): number {
  return Number(statementFor(raw, COUNT[fts.table]).pluck().get(fts.match));
}

/** The ids of every entity the search finds. */
export function searchIds(raw: BetterSqlite3.Database, fts: FtsSearch): Set<number> {
  return new Set(statementFor(raw, IDS[fts.table]).pluck().all(fts.match) as number[]);
}
