import type { Migration } from './index';

/**
 * Two indexes for 统计分析 that also serve any count of the roster by status:
 *   - entities(reg_status, office, credit_grade): the 存续 entities per 管辖单位 and grade counted from the index alone,
 *     in GROUP BY order (entities_scope puts office first and entity_type between, so it needs a sort or statistics);
 *   - results(task_id): a year's results reached through its tasks, not by reading every year's results.
 */
export const m0012StatsIndexes: Migration = {
  version: 12,
  name: 'stats-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX entities_status_office_grade ON entities (reg_status, office, credit_grade);
      CREATE INDEX results_task ON results (task_id);
    `);
  },
};
