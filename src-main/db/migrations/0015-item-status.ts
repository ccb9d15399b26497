import type { Migration } from './index';

/**
 * An item of the list can be retired (停用): it is no longer offered to new tasks, while the tasks and draws that
 * already name it keep it. Items are never deleted once a task names them (task_items references them).
 */
export const m0015ItemStatus: Migration = {
  version: 15,
  name: 'item status',
  up(db) {
    db.exec(`
      ALTER TABLE items ADD COLUMN status TEXT NOT NULL DEFAULT '启用' CHECK (status IN ('启用', '停用'));
    `);
  },
};
