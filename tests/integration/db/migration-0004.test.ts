/**
 * Migration 0004: the entity scope index exists after the upgrade from 3, keeps the rows, and the roster count over
 * office + status + type is answered from it alone (a covering index: no table lookups).
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSqlFunctions, runMigrations } from '../../../src-main/db/connection';
import { MIGRATIONS } from '../../../src-main/db/migrations';

const handles: BetterSqlite3.Database[] = [];
afterEach(() => {
  while (handles.length) handles.pop()!.close();
});

const NOW = '2026-11-23T09:00:00.000Z';

function open(): BetterSqlite3.Database {
  const raw = new BetterSqlite3(':memory:');
  handles.push(raw);
  raw.pragma('foreign_keys = ON');
  registerSqlFunctions(raw);
  return raw;
}

describe('migration 0004 (entity scope index)', () => {
  it('upgrades a version-3 database with entities in it, keeping every row', () => {
    const raw = open();
    runMigrations(
      raw,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    const insert = raw.prepare(
      "INSERT INTO entities (uscc, name, entity_type, office, reg_status, credit_grade, created_at, updated_at) VALUES (?, ?, ?, ?, '存续', ?, ?, ?)",
    );
    for (let i = 0; i < 40; i++)
      insert.run(
        `91469006MA5T0000${String(i).padStart(2, '0')}`,
        `商户${i}`,
        i % 2 ? '企业' : '个体工商户',
        i % 4 ? '东关所' : '城西所',
        'ABCD'[i % 4],
        NOW,
        NOW,
      );
    runMigrations(
      raw,
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    expect(raw.pragma('user_version', { simple: true })).toBe(4);
    const index = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'entities_scope'").pluck().get() as string;
    expect(index).toContain('(office, reg_status, entity_type, credit_grade)');
    expect(raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(40);

    const count =
      "SELECT count(*) FROM entities WHERE office IN ('东关所') AND reg_status IN ('存续') AND entity_type IN ('企业')";
    expect(raw.prepare(count).pluck().get()).toBe(20);
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${count}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/COVERING INDEX entities_scope/);
  });
});
