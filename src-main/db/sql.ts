/**
 * SQL, one way (docs/architecture.md): Kysely builds and types every query; synchronous callers run the compiled query
 * through a prepared statement cached per connection and SQL text. A loop running one statement per record compiles it
 * once (compiledOnce, insertEach).
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  sql,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
  type InferResult,
} from 'kysely';
import type { Database } from './schema';

/** Builds queries for this schema without a connection: compile them and run them with the helpers below. */
export const qb = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

type Raw = BetterSqlite3.Database;
type Row<Q extends Compilable<unknown>> = InferResult<Q>[number];

const statements = new WeakMap<Raw, Map<string, BetterSqlite3.Statement>>();

/** The prepared statement for this SQL text on this connection, prepared once (callers set its pluck mode). */
export function statementFor(raw: Raw, sqlText: string): BetterSqlite3.Statement {
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let statement = cache.get(sqlText);
  if (!statement) cache.set(sqlText, (statement = raw.prepare(sqlText)));
  return statement;
}

function prepared(raw: Raw, query: Compilable<unknown> | CompiledQuery<unknown>) {
  const compiled = 'compile' in query ? query.compile() : query;
  return { statement: statementFor(raw, compiled.sql), parameters: compiled.parameters as unknown[] };
}

/** Every row of a select (or of a statement with RETURNING). */
export function all<Q extends Compilable<unknown>>(raw: Raw, query: Q): Row<Q>[] {
  const { statement, parameters } = prepared(raw, query);
  return statement.pluck(false).all(...parameters) as Row<Q>[];
}

/** The first row, or undefined. */
export function first<Q extends Compilable<unknown>>(raw: Raw, query: Q): Row<Q> | undefined {
  const { statement, parameters } = prepared(raw, query);
  return statement.pluck(false).get(...parameters) as Row<Q> | undefined;
}

/** The rows one at a time (large reads that must not be held in memory at once). */
export function iterate<Q extends Compilable<unknown>>(raw: Raw, query: Q): IterableIterator<Row<Q>> {
  const { statement, parameters } = prepared(raw, query);
  return statement.pluck(false).iterate(...parameters) as IterableIterator<Row<Q>>;
}

/** The first column of every row (`SELECT id …`, `SELECT count(*) …`). */
export function column<Q extends Compilable<unknown>>(raw: Raw, query: Q): Row<Q>[keyof Row<Q>][] {
  const { statement, parameters } = prepared(raw, query);
  return statement.pluck().all(...parameters) as Row<Q>[keyof Row<Q>][];
}

/** The first column of the first row, or undefined. */
export function value<Q extends Compilable<unknown>>(raw: Raw, query: Q): Row<Q>[keyof Row<Q>] | undefined {
  const { statement, parameters } = prepared(raw, query);
  return statement.pluck().get(...parameters) as Row<Q>[keyof Row<Q>] | undefined;
}

/** An insert, update or delete without RETURNING. */
export function run(raw: Raw, query: Compilable<unknown>): BetterSqlite3.RunResult {
  const { statement, parameters } = prepared(raw, query);
  return statement.run(...parameters);
}

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
    get: (...parameters: unknown[]) => statement.get(...parameters) as Row<Q> | undefined,
    all: (...parameters: unknown[]) => statement.all(...parameters) as Row<Q>[],
    run: (...parameters: unknown[]) => statement.run(...parameters),
  };
}

/**
 * Runs inserts of one shape through one prepared statement: Kysely compiles the first row's insert, later rows bind
 * their values in the same column order (compiling each of up to 2M rows would dominate the load).
 */
export function insertEach<R extends object>(raw: BetterSqlite3.Database, build: (row: R) => Compilable<unknown>) {
  let statement: BetterSqlite3.Statement | undefined;
  let keys: (keyof R)[] = [];
  return (row: R): number => {
    if (statement) return Number(statement.run(...keys.map((k) => row[k])).lastInsertRowid);
    const compiled = build(row).compile();
    keys = Object.keys(row) as (keyof R)[];
    const inOrder =
      keys.length === compiled.parameters.length && keys.every((k, i) => compiled.parameters[i] === row[k]);
    if (!inOrder) throw new Error('insertEach: the insert must bind exactly the row, in its key order');
    statement = statementFor(raw, compiled.sql);
    return Number(statement.run(...compiled.parameters).lastInsertRowid);
  };
}
