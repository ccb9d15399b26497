/** Lists of values as one bound parameter, so that a query has one SQL text for any number of values. */
import { sql, type RawBuilder } from 'kysely';

/** `(SELECT value FROM json_each(?))` over `values`: the right-hand side of an `in`. */
export function jsonList<T extends string | number>(values: Iterable<T>): RawBuilder<T> {
  return sql<T>`(SELECT value FROM json_each(${JSON.stringify([...values])}))`;
}
