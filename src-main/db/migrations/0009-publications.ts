import type { Migration } from './index';
import { appendOnly } from './ddl';

/**
 * 公示: what was published, when and by whom, kept for good.
 *
 *   publications ─┬─ publication_results   the reviewed results a 抽查结果公告 published
 *                 └─ (draw_id)              the sealed draw a 抽查任务公告 published
 *
 * A 抽查任务公告 publishes one task's sealed draw and carries its 第{n}号 (per bureau and year). A 抽查结果公告 covers
 * one task or a date range of 检查完成日期 and lists the results it published. Neither is ever changed or deleted:
 * a result published again appears in the later publication too, and its first publication dates it (按时公示).
 */
export const m0009Publications: Migration = {
  version: 9,
  name: 'publications',
  up(db) {
    db.exec(`
      CREATE TABLE publications (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('抽查任务公告', '抽查结果公告')),
        year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        bureau_name  TEXT NOT NULL CHECK (length(trim(bureau_name)) > 0),
        serial       INTEGER CHECK (serial IS NULL OR serial >= 1),
        title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
        task_id      INTEGER REFERENCES tasks(id),
        draw_id      INTEGER REFERENCES draws(id),
        range_from   TEXT,
        range_to     TEXT,
        published_at TEXT NOT NULL,
        published_by TEXT NOT NULL,
        -- SHA-256 of the announcement as published (its canonical JSON), so a copy can be checked against the record.
        digest       TEXT NOT NULL CHECK (length(digest) = 64),
        CHECK (kind <> '抽查任务公告' OR (task_id IS NOT NULL AND draw_id IS NOT NULL AND serial IS NOT NULL)),
        CHECK (kind <> '抽查结果公告' OR task_id IS NOT NULL OR (range_from IS NOT NULL AND range_to IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX publications_serial ON publications(bureau_name, year, serial) WHERE serial IS NOT NULL;
      CREATE INDEX publications_task ON publications(task_id, kind);

      CREATE TABLE publication_results (
        publication_id INTEGER NOT NULL REFERENCES publications(id),
        result_id      INTEGER NOT NULL REFERENCES results(id),
        PRIMARY KEY (result_id, publication_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX publication_results_publication ON publication_results(publication_id);

      CREATE TRIGGER publications_only_sealed BEFORE INSERT ON publications
        WHEN new.draw_id IS NOT NULL AND (SELECT state FROM draws WHERE id = new.draw_id) IS NOT 'sealed'
        BEGIN SELECT RAISE(ABORT, '只有已封存的抽取可以公示'); END;
      CREATE TRIGGER publication_results_only_reviewed BEFORE INSERT ON publication_results
        WHEN (SELECT state FROM results WHERE id = new.result_id) IS NOT '已审核'
        BEGIN SELECT RAISE(ABORT, '只有已审核的检查结果可以公示'); END;
      ${appendOnly('publications', '已公示的公告不可修改', '已公示的公告不可删除')}
      ${appendOnly('publication_results', '已公示的公告不可修改', '已公示的公告不可删除')}
    `);
  },
};
