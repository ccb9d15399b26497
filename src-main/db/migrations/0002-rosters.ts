import type { Migration } from './index';
import { appendOnly } from './ddl';

/**
 * 一单两库: the item list (items + check sub-items), the rosters (entities, inspectors, experts), the offices
 * (单位) and the append-only roster change log.
 *
 * Search over entity names and codes (instant at 1,000,000 entities):
 *   - `entity_search`: FTS5 trigram over name/uscc/reg_no, external content (no second copy of the text), kept in
 *     sync by triggers. Serves substring queries of 3 characters or more.
 *   - `entity_short_search`: FTS5 over the space-separated BIGRAMS (and the last character) of the NAME,
 *     contentless. Codes are left out: a 1–2 character fragment of an 18-character code matches nearly every
 *     code, and indexing them nearly doubled this index's write cost (measured: +9.7 s per 200,000 rows with
 *     codes). Code searches use 3 characters or more (the trigram index). A trigram index cannot answer a 2-character query except by scanning; a bigram token
 *     index answers it from the index: "食品" is one token, "食" is the prefix query `食*`. The grams come from the
 *     SQL function `ssj_short_grams`, which openDatabase registers on every connection (see connection.ts) — a
 *     program without it cannot write entities, which is the safe failure.
 *   - `entity_tags`: tags of each entity, maintained from the JSON `tags` column by triggers, for the indexed
 *     tag filter; `tags` itself stays the readable copy (preview/unchanged comparison, export).
 */
export const m0002Rosters: Migration = {
  version: 2,
  name: 'offices, entities, inspectors, experts, items with sub-items, roster change log',
  up(db) {
    db.exec(`
      CREATE TABLE offices (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        kind       TEXT NOT NULL CHECK (kind IN ('局机关', '市场监管所', '其他部门')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE entities (
        id                INTEGER PRIMARY KEY,
        uscc              TEXT UNIQUE,
        reg_no            TEXT UNIQUE,
        name              TEXT NOT NULL,
        entity_type       TEXT NOT NULL CHECK (entity_type IN ('企业', '个体工商户', '农民专业合作社', '事业单位', '社会组织')),
        industry          TEXT NOT NULL DEFAULT '',
        address           TEXT NOT NULL DEFAULT '',
        area              TEXT NOT NULL DEFAULT '',
        office            TEXT NOT NULL DEFAULT '',
        legal_rep         TEXT NOT NULL DEFAULT '',
        phone             TEXT NOT NULL DEFAULT '',
        credit_grade      TEXT CHECK (credit_grade IN ('A', 'B', 'C', 'D')),
        reg_status        TEXT NOT NULL DEFAULT '存续' CHECK (reg_status IN ('存续', '注销', '吊销')),
        tags              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        last_inspected_on TEXT,
        flags             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        CHECK (uscc IS NOT NULL OR reg_no IS NOT NULL)
      ) STRICT;
      -- Filter indexes on one low-cardinality column each: a bulk insert appends to them (rowids ascend within
      -- each value), where (column, name) composites would be written at random places — measured several times
      -- slower at 1,000,000 rows. A sort within a filter walks entities_name and tests the filter.
      CREATE INDEX entities_name ON entities(name);
      CREATE INDEX entities_grade ON entities(credit_grade);
      CREATE INDEX entities_type ON entities(entity_type);
      CREATE INDEX entities_office ON entities(office);
      CREATE INDEX entities_area ON entities(area);
      CREATE INDEX entities_status ON entities(reg_status);
      CREATE INDEX entities_industry ON entities(industry);
      CREATE INDEX entities_last_inspected ON entities(last_inspected_on);

      CREATE TABLE entity_tags (
        tag       TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        PRIMARY KEY (tag, entity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entity_tags_entity ON entity_tags(entity_id);

      CREATE VIRTUAL TABLE entity_search USING fts5(
        name, uscc, reg_no, content = 'entities', content_rowid = 'id', tokenize = 'trigram'
      );
      CREATE VIRTUAL TABLE entity_short_search USING fts5(
        grams, content = '', contentless_delete = 1, tokenize = 'ascii'
      );

      CREATE TRIGGER entities_after_insert AFTER INSERT ON entities BEGIN
        INSERT INTO entity_search(rowid, name, uscc, reg_no) VALUES (new.id, new.name, new.uscc, new.reg_no);
        INSERT INTO entity_short_search(rowid, grams) VALUES (new.id, ssj_short_grams(new.name));
        INSERT OR IGNORE INTO entity_tags(tag, entity_id) SELECT value, new.id FROM json_each(new.tags);
      END;
      CREATE TRIGGER entities_after_delete AFTER DELETE ON entities BEGIN
        INSERT INTO entity_search(entity_search, rowid, name, uscc, reg_no) VALUES ('delete', old.id, old.name, old.uscc, old.reg_no);
        DELETE FROM entity_short_search WHERE rowid = old.id;
        DELETE FROM entity_tags WHERE entity_id = old.id;
      END;
      CREATE TRIGGER entities_after_update_text AFTER UPDATE OF name, uscc, reg_no ON entities BEGIN
        INSERT INTO entity_search(entity_search, rowid, name, uscc, reg_no) VALUES ('delete', old.id, old.name, old.uscc, old.reg_no);
        INSERT INTO entity_search(rowid, name, uscc, reg_no) VALUES (new.id, new.name, new.uscc, new.reg_no);
        DELETE FROM entity_short_search WHERE rowid = old.id;
        INSERT INTO entity_short_search(rowid, grams) VALUES (new.id, ssj_short_grams(new.name));
      END;
      CREATE TRIGGER entities_after_update_tags AFTER UPDATE OF tags ON entities WHEN old.tags IS NOT new.tags BEGIN
        DELETE FROM entity_tags WHERE entity_id = old.id;
        INSERT OR IGNORE INTO entity_tags(tag, entity_id) SELECT value, new.id FROM json_each(new.tags);
      END;

      CREATE TABLE inspectors (
        id         INTEGER PRIMARY KEY,
        badge_no   TEXT NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        office     TEXT NOT NULL DEFAULT '',
        tags       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        status     TEXT NOT NULL DEFAULT '在岗' CHECK (status IN ('在岗', '请假', '调离')),
        phone      TEXT NOT NULL DEFAULT '',
        flags      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inspectors_office ON inspectors(office, name);
      CREATE INDEX inspectors_status ON inspectors(status, name);
      CREATE INDEX inspectors_name ON inspectors(name);

      CREATE TABLE experts (
        id             INTEGER PRIMARY KEY,
        id_or_cert_no  TEXT NOT NULL UNIQUE,
        name           TEXT NOT NULL,
        organisation   TEXT NOT NULL DEFAULT '',
        tags           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        phone          TEXT NOT NULL DEFAULT '',
        status         TEXT NOT NULL DEFAULT '在库' CHECK (status IN ('在库', '暂停', '退出')),
        flags          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX experts_name ON experts(name);

      -- item_key: 编制单位 + 抽查类别 + 抽查事项 + 检查对象, the same identity the import uses for duplicates.
      CREATE TABLE items (
        id           INTEGER PRIMARY KEY,
        item_key     TEXT NOT NULL UNIQUE,
        compiler     TEXT NOT NULL DEFAULT '',
        seq_no       TEXT NOT NULL DEFAULT '',
        category     TEXT NOT NULL DEFAULT '',
        check_type   TEXT NOT NULL DEFAULT '',
        name         TEXT NOT NULL,
        targets      TEXT NOT NULL DEFAULT '',
        level        TEXT NOT NULL DEFAULT '一般' CHECK (level IN ('一般', '重点')),
        method       TEXT NOT NULL DEFAULT '',
        method_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(method_kinds)),
        authority    TEXT NOT NULL DEFAULT '',
        basis        TEXT NOT NULL DEFAULT '',
        remarks      TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX items_compiler ON items(compiler, id);
      CREATE INDEX items_name ON items(name);

      CREATE TABLE item_sub_items (
        id       INTEGER PRIMARY KEY,
        item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        ordinal  INTEGER NOT NULL CHECK (ordinal >= 1),
        content  TEXT NOT NULL,
        basis    TEXT NOT NULL DEFAULT '',
        method   TEXT NOT NULL DEFAULT '',
        UNIQUE (item_id, ordinal)
      ) STRICT;

      -- 全程留痕 for the rosters: who changed which record when, from what to what. before/after are JSON of the
      -- record (after is the full record on insert; before and after hold the changed fields on update).
      CREATE TABLE roster_changes (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        roster     TEXT NOT NULL CHECK (roster IN ('entities', 'inspectors', 'experts', 'items', 'offices')),
        record_id  INTEGER NOT NULL,
        record_key TEXT NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        source     TEXT NOT NULL CHECK (source IN ('import', 'edit', 'bulk', 'demo')),
        batch      TEXT,
        before     TEXT CHECK (before IS NULL OR json_valid(before)),
        after      TEXT CHECK (after IS NULL OR json_valid(after))
      ) STRICT;
      CREATE INDEX roster_changes_record ON roster_changes(roster, record_id, id);
      CREATE INDEX roster_changes_batch ON roster_changes(batch) WHERE batch IS NOT NULL;
      ${appendOnly('roster_changes', '名录变更记录不可修改', '名录变更记录不可删除')}
    `);
  },
};
