/** db/sql: Kysely-built queries run synchronously through cached prepared statements, typed from db/schema.ts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { all, column, first, iterate, qb, run, statementFor, value } from '../../../src-main/db/sql';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

describe('db/sql', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => t.cleanup());

  const insertOffice = (name: string) =>
    qb.insertInto('offices').values({ name, kind: '市场监管所', created_at: '2026-11-23T09:00:00.000Z' });

  it('runs an insert and reads the rows back, whole and by column', () => {
    run(t.conn.raw, insertOffice('城关市场监管所'));
    run(t.conn.raw, insertOffice('东城市场监管所'));
    const names = qb.selectFrom('offices').select('name').orderBy('name');
    expect(all(t.conn.raw, names).map((r) => r.name)).toEqual(['东城市场监管所', '城关市场监管所']);
    expect(column(t.conn.raw, names)).toEqual(['东城市场监管所', '城关市场监管所']);
    expect(first(t.conn.raw, names.where('name', '=', '城关市场监管所'))).toEqual({ name: '城关市场监管所' });
    expect(first(t.conn.raw, names.where('name', '=', '无此所'))).toBeUndefined();
    expect(
      value(
        t.conn.raw,
        qb.selectFrom('offices').select((eb) => eb.fn.countAll<number>().as('n')),
      ),
    ).toBe(2);
    expect([...iterate(t.conn.raw, names)].length).toBe(2);
  });

  it('prepares one statement per SQL text and keeps its pluck mode per call', () => {
    run(t.conn.raw, insertOffice('城关市场监管所'));
    const query = (name: string) => qb.selectFrom('offices').select('name').where('name', '=', name);
    const sqlText = query('a').compile().sql;
    expect(statementFor(t.conn.raw, sqlText)).toBe(statementFor(t.conn.raw, sqlText));
    expect(value(t.conn.raw, query('城关市场监管所'))).toBe('城关市场监管所');
    expect(all(t.conn.raw, query('城关市场监管所'))).toEqual([{ name: '城关市场监管所' }]);
  });
});
