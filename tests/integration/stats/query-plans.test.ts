/**
 * The page's statements as SQLite plans them on a county database as the app leaves it (never analysed): the roster is
 * counted from an index alone and in GROUP BY order, and no statement reads the whole entities or results table —
 * what keeps a year of 1,000,000 entities within the second (docs/performance.md, bench/stats.ts).
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsView } from '../../../src-main/stats/view';
import { statsCounty, type StatsCounty } from './setup';

let c: StatsCounty;
let plans: { sql: string; details: string[] }[];

/** Every statement the page runs, as SQLite traces it on a connection of its own (the values bound written in). */
function pageStatements(path: string): string[] {
  const seen: string[] = [];
  const traced = new BetterSqlite3(path, { readonly: true, verbose: (text) => seen.push(String(text)) });
  try {
    statsView(traced, { year: 2026, department: null, office: null }, c.ctx.now());
  } finally {
    traced.close();
  }
  return seen;
}

beforeAll(async () => {
  c = await statsCounty();
  const raw = c.conn.raw;
  expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get()).toBe(0);
  plans = pageStatements(c.conn.path).map((sql) => {
    const rows = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
    return { sql, details: rows.map((r) => r.detail) };
  });
});
afterAll(async () => {
  await c.close();
});

/** The names a statement gives the table: its own and each alias Kysely writes ("results" as "r"). */
function namesOf(sql: string, table: string): string[] {
  return [table, ...Array.from(sql.matchAll(new RegExp(`"${table}" as "(\\w+)"`, 'g')), (m) => m[1])];
}

describe('query plans of 统计分析', () => {
  it('reads neither the entities nor the results table whole', () => {
    const reading = (table: string) => plans.filter((p) => new RegExp(`"${table}"`).test(p.sql));
    expect(reading('entities').length).toBeGreaterThanOrEqual(2);
    expect(reading('results').length).toBeGreaterThanOrEqual(1);
    const scans = ['entities', 'results'].flatMap((table) =>
      reading(table).flatMap((p) => {
        const names = namesOf(p.sql, table);
        return p.details.filter((d) => names.some((n) => d === `SCAN ${n}` || d.startsWith(`SCAN ${n} `)));
      }),
    );
    expect(scans).toEqual([]);
  });

  it('counts the roster per 管辖单位 and grade from one index, without a sort', () => {
    const roster = plans.filter((p) => /group by "office", "credit_grade"/.test(p.sql));
    expect(roster).toHaveLength(1);
    expect(roster[0].details).toEqual([
      'SEARCH entities USING COVERING INDEX entities_status_office_grade (reg_status=?)',
    ]);
  });

  it("reaches the year's results through its tasks", () => {
    const results = plans.filter((p) => /from "results" as "r"/.test(p.sql));
    expect(results).toHaveLength(1);
    expect(results[0].details).toContain('SEARCH r USING INDEX results_task (task_id=?)');
  });
});
