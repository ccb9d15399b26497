/** Migration 0002 (rosters): constraints, the triggers that keep the search indexes and tags, the sealed change log. */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSqlFunctions, runMigrations } from '../../../src-main/db/connection';
import { MIGRATIONS } from '../../../src-main/db/migrations';

const handles: BetterSqlite3.Database[] = [];
afterEach(() => {
  while (handles.length) handles.pop()!.close();
});

function migratedTo2(): BetterSqlite3.Database {
  const raw = new BetterSqlite3(':memory:');
  handles.push(raw);
  registerSqlFunctions(raw);
  runMigrations(
    raw,
    MIGRATIONS.filter((m) => m.version <= 2),
  );
  return raw;
}

const NOW = '2026-11-23T09:00:00.000Z';
function insertEntity(raw: BetterSqlite3.Database, values: Record<string, unknown>): number {
  const row = {
    uscc: null,
    reg_no: null,
    name: '某店',
    entity_type: '企业',
    tags: '[]',
    created_at: NOW,
    updated_at: NOW,
    ...values,
  };
  const cols = Object.keys(row);
  return Number(
    raw.prepare(`INSERT INTO entities (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row)
      .lastInsertRowid,
  );
}

const trigramHits = (raw: BetterSqlite3.Database, q: string) =>
  (
    raw.prepare('SELECT rowid FROM entity_search WHERE entity_search MATCH ? ORDER BY rowid').all(`"${q}"`) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);
const shortHits = (raw: BetterSqlite3.Database, q: string) =>
  (
    raw.prepare('SELECT rowid FROM entity_short_search WHERE entity_short_search MATCH ? ORDER BY rowid').all(q) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);

describe('migration 0002: rosters', () => {
  it('sets schema version 2 and creates every table', () => {
    const raw = migratedTo2();
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    for (const t of [
      'offices',
      'entities',
      'entity_tags',
      'entity_search',
      'entity_short_search',
      'inspectors',
      'experts',
      'items',
      'item_sub_items',
      'roster_changes',
    ])
      expect(tables).toContain(t);
  });

  it('refuses an entity with neither USCC nor 注册号, a grade E, a duplicate code', () => {
    const raw = migratedTo2();
    expect(() => insertEntity(raw, {})).toThrow(/CHECK/);
    expect(() => insertEntity(raw, { uscc: '91469006MA5T000001', credit_grade: 'E' })).toThrow(/CHECK/);
    insertEntity(raw, { uscc: '91469006MA5T000001' });
    expect(() => insertEntity(raw, { uscc: '91469006MA5T000001' })).toThrow(/UNIQUE/);
    insertEntity(raw, { reg_no: '469006600187440' });
    expect(() => insertEntity(raw, { reg_no: '469006600187440' })).toThrow(/UNIQUE/);
  });
});

describe('migration 0002: search indexes and tags', () => {
  it('keeps both search indexes and the tag table in step with inserts, updates and deletes', () => {
    const raw = migratedTo2();
    const a = insertEntity(raw, { uscc: '91469006MA5T000001', name: '城关鑫源餐饮店', tags: '["冷链","学校周边"]' });
    const b = insertEntity(raw, { reg_no: '469006600187440', name: '东关福临超市' });
    expect(trigramHits(raw, '鑫源餐')).toEqual([a]);
    expect(trigramHits(raw, 'MA5T')).toEqual([a]);
    expect(shortHits(raw, '"鑫源"')).toEqual([a]);
    expect(shortHits(raw, '"店" *')).toEqual([a]); // the last character
    expect(shortHits(raw, '"福临"')).toEqual([b]);
    expect(trigramHits(raw, '0018744')).toEqual([b]); // inside the 注册号
    expect(raw.prepare('SELECT tag FROM entity_tags WHERE entity_id = ? ORDER BY tag').pluck().all(a)).toEqual([
      '冷链',
      '学校周边',
    ]);

    raw.prepare("UPDATE entities SET name = '城关华盛药店', tags = '[\"重点监管\"]' WHERE id = ?").run(a);
    expect(trigramHits(raw, '鑫源餐')).toEqual([]);
    expect(shortHits(raw, '"鑫源"')).toEqual([]);
    expect(shortHits(raw, '"华盛"')).toEqual([a]);
    expect(raw.prepare('SELECT tag FROM entity_tags WHERE entity_id = ?').pluck().all(a)).toEqual(['重点监管']);

    raw.prepare('DELETE FROM entities WHERE id = ?').run(b);
    expect(shortHits(raw, '"福临"')).toEqual([]);
    expect(trigramHits(raw, '福临超')).toEqual([]);
  });
});

describe('migration 0002: items and the change log', () => {
  it('keeps sub-items with their item and orders them', () => {
    const raw = migratedTo2();
    const item = raw
      .prepare("INSERT INTO items (item_key, name, created_at, updated_at) VALUES ('k', '营业执照检查', ?, ?)")
      .run(NOW, NOW).lastInsertRowid;
    raw.prepare("INSERT INTO item_sub_items (item_id, ordinal, content) VALUES (?, 1, '亮照经营')").run(item);
    expect(() =>
      raw.prepare("INSERT INTO item_sub_items (item_id, ordinal, content) VALUES (?, 1, '重复')").run(item),
    ).toThrow(/UNIQUE/);
    expect(() =>
      raw.prepare("INSERT INTO item_sub_items (item_id, ordinal, content) VALUES (999, 1, 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('seals the roster change log: rows can be added, never changed or removed', () => {
    const raw = migratedTo2();
    raw
      .prepare(
        "INSERT INTO roster_changes (at, actor, roster, record_id, record_key, action, source, after) VALUES (?, '张三', 'entities', 1, 'u:X', 'insert', 'edit', '{}')",
      )
      .run(NOW);
    expect(() => raw.prepare("UPDATE roster_changes SET actor = '李四'").run()).toThrow(/名录变更记录不可修改/);
    expect(() => raw.prepare('DELETE FROM roster_changes').run()).toThrow(/名录变更记录不可删除/);
    expect(raw.prepare('SELECT count(*) FROM roster_changes').pluck().get()).toBe(1);
  });
});
