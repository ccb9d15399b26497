import type { Migration } from './index';

/**
 * Each task keeps the 机关名称 it was made under, beside its number (which holds the 简称): a draft follows a change
 * of the bureau's name, a published or drawn task keeps what was published. Existing tasks take the name the
 * settings hold now, or the placeholder the program printed while none was entered.
 */
export const m0008TaskBureauName: Migration = {
  version: 8,
  name: 'task-bureau-name',
  up(db) {
    db.exec(`
      ALTER TABLE tasks ADD COLUMN bureau_name TEXT NOT NULL DEFAULT '';
      UPDATE tasks SET bureau_name = coalesce(
        (SELECT json_extract(value, '$') FROM settings WHERE key = 'bureauName'), '某县市场监督管理局');
    `);
  },
};
