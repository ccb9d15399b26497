import type { Migration } from './index';

/**
 * A 个体工商户 without a 字号 is imported named after its operator (「个体工商户（经营者：…）」): `name_from_operator`
 * marks such a name, shown 待核实 on the roster page and masked wherever the name is published. The partial index
 * answers the 待核实 filter from the few rows it holds (the condition is written as the literal 1 to use it).
 */
export const m0007EntityNameFromOperator: Migration = {
  version: 7,
  name: 'entity-name-from-operator',
  up(db) {
    db.exec(`
      ALTER TABLE entities ADD COLUMN name_from_operator INTEGER NOT NULL DEFAULT 0 CHECK (name_from_operator IN (0, 1));
      CREATE INDEX entities_name_from_operator ON entities(id) WHERE name_from_operator = 1;
    `);
  },
};
