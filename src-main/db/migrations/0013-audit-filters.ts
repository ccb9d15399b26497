import type { Migration } from './index';

/**
 * The 操作日志 page filters a log that may hold millions of rows by person, action and date, newest first, with a
 * total: without these each filter (and its count) read the whole table. (target, id) exists since 0001; the actor
 * index also lists the people for the picker, one index step each.
 */
export const m0013AuditFilters: Migration = {
  version: 13,
  name: 'audit-filters',
  up(db) {
    db.exec(`
      CREATE INDEX audit_log_actor ON audit_log (actor, id);
      CREATE INDEX audit_log_action ON audit_log (action, id);
      CREATE INDEX audit_log_at ON audit_log (at);
    `);
  },
};
