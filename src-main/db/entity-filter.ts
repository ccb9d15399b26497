/**
 * The entity filter, written once: the roster page's filters and a task's object scope are the same conditions over
 * `entities`, as Kysely expressions (usable in a `where`, or compiled to text by a caller that writes its own SQL).
 */
import { expressionBuilder, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './schema';
import { qb } from './sql';

/** The credit-grade choice that stands for "no grade" (credit_grade IS NULL). */
export const UNGRADED = '未评级';

export interface EntityFilter {
  entityTypes?: readonly string[];
  /** Credit grades; UNGRADED matches entities without one. */
  grades?: readonly string[];
  areas?: readonly string[];
  industries?: readonly string[];
  /** Matches entities carrying any of these tags (entity_tags, kept by triggers). */
  tags?: readonly string[];
  offices?: readonly string[];
  regStatuses?: readonly string[];
  /**
   * Only 存续 entities, as `+reg_status = '存续'`: the unary plus keeps SQLite off the status index, which would
   * select nearly the whole table through the index (slower than reading the table in rowid order).
   */
  activeOnly?: boolean;
  /** Only names built from the operator (待核实): the literal 1 lets SQLite use the partial index. */
  nameFromOperatorOnly?: boolean;
}

export interface EntityFilterOptions {
  /**
   * Write every condition on a column as `+column`, which keeps SQLite from using an index for it, so a query
   * ordered by another column walks that column's index and tests each row (the roster page's walk).
   */
  walkSortIndex?: boolean;
}

type EntityColumn =
  'id' | 'entity_type' | 'credit_grade' | 'area' | 'industry' | 'office' | 'reg_status' | 'name_from_operator';

/** `+column`: the same value, but SQLite will not answer a condition on it from an index. */
export function unindexed(column: string): RawBuilder<unknown> {
  return sql`+${sql.ref(column)}`;
}

/** The filter's conditions on `entities`, each one AND-ed with the others; none when the filter is empty. */
export function entityConditions(filter: EntityFilter, options: EntityFilterOptions = {}): Expression<SqlBool>[] {
  const eb = expressionBuilder<Database, 'entities'>();
  const ref = (column: EntityColumn) => (options.walkSortIndex ? unindexed(column) : sql.ref(column));
  const conditions: Expression<SqlBool>[] = [];
  if (filter.activeOnly) conditions.push(eb(unindexed('reg_status'), '=', sql.lit('存续')));
  const inList = (column: EntityColumn, values: readonly string[] | undefined) => {
    if (values && values.length > 0) conditions.push(eb(ref(column), 'in', values));
  };
  inList('entity_type', filter.entityTypes);
  if (filter.grades && filter.grades.length > 0) {
    const graded = filter.grades.filter((g) => g !== UNGRADED);
    const parts = graded.length > 0 ? [eb(ref('credit_grade'), 'in', graded)] : [];
    if (filter.grades.includes(UNGRADED)) parts.push(eb(ref('credit_grade'), 'is', null));
    conditions.push(eb.or(parts));
  }
  inList('area', filter.areas);
  inList('industry', filter.industries);
  if (filter.tags && filter.tags.length > 0) {
    const tagged = eb.selectFrom('entity_tags').select('entity_id').where('tag', 'in', filter.tags);
    conditions.push(eb(ref('id'), 'in', tagged));
  }
  inList('office', filter.offices);
  inList('reg_status', filter.regStatuses);
  if (filter.nameFromOperatorOnly) conditions.push(eb(ref('name_from_operator'), '=', sql.lit(1)));
  return conditions;
}

/** The conditions as SQL text with their parameters in order, for a caller that writes the rest of its SQL by hand. */
export function entityConditionsSql(
  filter: EntityFilter,
  options: EntityFilterOptions = {},
): { conditions: string[]; params: unknown[] } {
  const compiled = entityConditions(filter, options).map((condition) => sql`${condition}`.compile(qb));
  return { conditions: compiled.map((c) => c.sql), params: compiled.flatMap((c) => c.parameters) };
}
