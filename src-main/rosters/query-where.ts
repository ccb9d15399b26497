/**
 * A roster query's conditions. Search on entities: ≥ 3 characters → the trigram index over name and codes; 1–2
 * characters → the bigram index over names (a trigram index cannot answer them without scanning); text with ASCII
 * punctuation that the bigram index cannot hold → a LIKE scan. Inspectors and experts (small rosters) use LIKE.
 */
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { NAME_PENDING } from '@shared/domain/entity-names';
import { shortQueryToken } from '@shared/domain/search-grams';
import type { QueryableRoster, RosterPage } from '@shared/domain/roster-views';
import type { ParsedReq } from '@shared/ipc/schemas';
import { entityConditions, unindexed } from '../db/entity-filter';
import type { Database } from '../db/schema';

export type RosterQuery = Omit<ParsedReq<'roster:query'>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** One of the entity search indexes (FTS5 tables kept by triggers, outside the Kysely schema) and its query. */
export interface FtsSearch {
  table: 'entity_search' | 'entity_short_search';
  match: string;
}

export interface RosterWhere {
  conditions: Expression<SqlBool>[];
  searchMode: RosterPage<unknown>['searchMode'];
  /** The full-text search alone, when the query has no other condition: answered from the index (see query). */
  searchOnly: FtsSearch | null;
  /** The full-text search, if any, and every condition apart from it (for the walk of the sort index). */
  fts: FtsSearch | null;
  filters: Expression<SqlBool>[];
}

/** A LIKE pattern matching `text` literally anywhere. */
function likeAnywhere(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE '%text%'` with backslash escapes. */
function likeCondition(column: string, search: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} LIKE ${likeAnywhere(search)} ESCAPE '\\'`;
}

/** FTS5 phrase: the text as one quoted string (quotes doubled), so nothing in it is query syntax. */
function ftsPhrase(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** Inspectors' and experts' filters: office and status, and tags held as a JSON list in the row. */
function personConditions(roster: 'inspectors' | 'experts', query: RosterQuery, walkSortIndex: boolean) {
  const eb = expressionBuilder<Database, 'inspectors'>();
  const f = query.filters ?? {};
  const ref = (column: string) => (walkSortIndex ? unindexed(column) : sql.ref(column));
  const conditions: Expression<SqlBool>[] = [];
  if (f.tags && f.tags.length > 0) {
    const tags = sql.join(f.tags);
    conditions.push(
      sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${sql.ref(`${roster}.tags`)}) WHERE value IN (${tags}))`,
    );
  }
  if (roster !== 'experts' && f.office && f.office.length > 0) conditions.push(eb(ref('office'), 'in', f.office));
  if (f.status && f.status.length > 0) conditions.push(eb(ref('status'), 'in', f.status));
  return conditions;
}

/** The search's condition and how it is answered. */
function searchCondition(
  roster: QueryableRoster,
  search: string,
  walkSortIndex: boolean,
): { condition: Expression<SqlBool>; searchMode: RosterWhere['searchMode']; fts: FtsSearch | null } {
  if (roster !== 'entities') {
    const columns =
      roster === 'inspectors' ? ['name', 'badge_no', 'office', 'phone'] : ['name', 'id_or_cert_no', 'organisation'];
    const eb = expressionBuilder<Database, 'inspectors'>();
    return { condition: eb.or(columns.map((c) => likeCondition(c, search))), searchMode: 'scan', fts: null };
  }
  const token = Array.from(search).length >= 3 ? ftsPhrase(search) : shortQueryToken(search);
  if (!token) return { condition: likeCondition('name', search), searchMode: 'scan', fts: null };
  const fts: FtsSearch = {
    table: Array.from(search).length >= 3 ? 'entity_search' : 'entity_short_search',
    match: token,
  };
  const id = walkSortIndex ? unindexed('id') : sql.ref('id');
  const index = sql.table(fts.table);
  return {
    condition: sql<SqlBool>`${id} IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ${fts.match})`,
    searchMode: fts.table === 'entity_search' ? 'trigram' : 'bigram',
    fts,
  };
}

/**
 * The query's conditions. `walkSortIndex`: every filter written as `+column` / `+id`, which keeps SQLite from using
 * an index for it, so the page query walks the sort column's index and tests each row (see query.ts).
 */
export function rosterWhere(roster: QueryableRoster, query: RosterQuery, walkSortIndex = false): RosterWhere {
  const f = query.filters ?? {};
  const filters =
    roster === 'entities'
      ? entityConditions(
          {
            entityTypes: f.entityType,
            grades: f.creditGrade,
            areas: f.area,
            industries: f.industry,
            tags: f.tags,
            offices: f.office,
            regStatuses: f.status,
            nameFromOperatorOnly: f.review?.includes(NAME_PENDING) ?? false,
          },
          { walkSortIndex },
        )
      : personConditions(roster, query, walkSortIndex);
  const search = query.search?.normalize('NFC').trim() ?? '';
  if (search === '') return { conditions: filters, searchMode: null, searchOnly: null, fts: null, filters };
  const { condition, searchMode, fts } = searchCondition(roster, search, walkSortIndex);
  return {
    conditions: [...filters, condition],
    searchMode,
    searchOnly: filters.length === 0 ? fts : null,
    fts,
    filters: fts ? filters : [...filters, condition],
  };
}
