import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Compilable, type InferResult } from 'kysely';

/** A parameter left for each run to bind: such a query is compiled once, and bound per record in column order. */
export const P = sql.raw<never>('?');

/**
 * A Kysely query compiled once and run per record with that record's parameters, bound in the compiled order:
 * imports and bulk edits run it up to a million times, and compiling per record would cost more than the writes.
 * The statement is this caller's own (not the shared cache), so its row mode is never changed under it.
 */
export function compiledOnce<Q extends Compilable<unknown>>(raw: BetterSqlite3.Database, query: Q) {
  const compiled = query.compile();
  const statement = raw.prepare(compiled.sql);
  return {
    /** The query's own parameters (those not left to bind), in order. */
    parameters: compiled.parameters,
    get: (...parameters: unknown[]) => statement.get(...parameters) as InferResult<Q>[number] | undefined,
    all: (...parameters: unknown[]) => statement.all(...parameters) as InferResult<Q>[number][],
    run: (...parameters: unknown[]) => statement.run(...parameters),
  };
}
