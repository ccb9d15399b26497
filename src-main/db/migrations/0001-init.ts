import type { Migration } from './index';
import { appendOnly } from './ddl';

export const m0001Init: Migration = {
  version: 1,
  name: 'settings and the append-only audit log',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY NOT NULL,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id     INTEGER PRIMARY KEY AUTOINCREMENT,
        at     TEXT NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_log_target ON audit_log(target, id);

      -- 全程留痕: the log is append-only; nothing may silently edit or erase it.
      ${appendOnly('audit_log', '操作日志不可修改', '操作日志不可删除')}
    `);
  },
};
