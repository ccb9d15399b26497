import type { Migration } from './index';

/**
 * One index for the filters a clerk and a task scope combine most — 管辖单位, 登记状态, 主体类型, 信用等级 — so
 * counting them is answered from the index alone. Measured at 1,000,000 entities: the roster page's
 * "office + status + type" count took ~95 ms through entities_office (≈ 59,000 table lookups for one 所); the task
 * scope preview counts per grade over the same columns.
 */
export const m0004EntityScopeIndex: Migration = {
  version: 4,
  name: 'entity-scope-index',
  up(db) {
    db.exec('CREATE INDEX entities_scope ON entities (office, reg_status, entity_type, credit_grade)');
  },
};
