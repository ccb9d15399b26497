/**
 * The query plans the draw's comments rely on, as SQLite reports them (EXPLAIN QUERY PLAN) on a migrated database:
 * the roster's first and last id come from the ends of the rowid, and the roster-dates slices follow draw_selected's
 * primary key without a sort.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../fixtures/test-db';
import { rosterIdsQuery } from '../../../src-main/draws/worker/snapshot-read';
import { DATE_SLICE, LOG_SLICE } from '../../../src-main/draws/worker/roster-dates-step';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.cleanup();
});

function plan(sqlText: string, parameters: unknown[] | Record<string, unknown> = []): string[] {
  const statement = db.conn.raw.prepare(`EXPLAIN QUERY PLAN ${sqlText}`);
  const rows = (Array.isArray(parameters) ? statement.all(...parameters) : statement.all(parameters)) as {
    detail: string;
  }[];
  return rows.map((row) => row.detail);
}

const slice = { at: '', actor: '', sealDate: '', batch: '', drawId: 1, first: 1, last: 2 };

describe('query plans of the draw', () => {
  it("reads the roster's first and last id without scanning the table", () => {
    const { sql, parameters } = rosterIdsQuery.compile();
    const details = plan(sql, [...parameters]);
    expect(details.length).toBeGreaterThan(0);
    expect(details.filter((detail) => /^SCAN entities/.test(detail))).toEqual([]);
  });

  it('logs a roster-dates slice in draw_selected primary key order, by key, without a sort', () => {
    const details = plan(LOG_SLICE, slice);
    expect(details.some((detail) => /SEARCH s USING (PRIMARY KEY|INDEX)/.test(detail))).toBe(true);
    expect(details.some((detail) => /SEARCH e USING INTEGER PRIMARY KEY/.test(detail))).toBe(true);
    expect(details.filter((detail) => /TEMP B-TREE/.test(detail))).toEqual([]);
  });

  it('dates a roster-dates slice by the roster primary key', () => {
    const details = plan(DATE_SLICE, slice);
    expect(details.some((detail) => /SEARCH e USING INTEGER PRIMARY KEY/.test(detail))).toBe(true);
    expect(details.filter((detail) => /^SCAN e\b/.test(detail))).toEqual([]);
  });
});
