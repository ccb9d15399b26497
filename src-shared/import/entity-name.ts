/**
 * The name rule of an entity row. A 个体工商户 registered without a 字号 has an empty 名称 in real exports: it is
 * imported under its code, named after its operator (经营者) and flagged 待核实, so it can still be drawn. Any other
 * entity must have its registered name (docs/design-notes.md).
 */
import { operatorEntityName } from '../domain/entity-names';
import type { EntityType } from '../domain/rosters';

export type EntityNameOutcome =
  { ok: true; name: string; fromOperator: boolean; flag: string | null } | { ok: false; reason: string };

/**
 * `entityType`: as read or inferred from the USCC; null when unknown (the row is refused for that already). A name
 * equal to the operator's built name (an exported roster read back) stays built from the operator.
 */
export function entityNameOf(name: string, operator: string, entityType: EntityType | null): EntityNameOutcome {
  if (name !== '') {
    const fromOperator = operator !== '' && name === operatorEntityName(operator);
    return { ok: true, name, fromOperator, flag: null };
  }
  if (entityType === null) return { ok: false, reason: '名称为空' };
  if (entityType !== '个体工商户') {
    return {
      ok: false,
      reason: `名称为空。主体类型为${entityType}，应有登记的名称（只有无字号的个体工商户可按经营者命名），未导入`,
    };
  }
  if (operator === '') return { ok: false, reason: '名称和经营者都为空，无法确定本户的名称，未导入' };
  const built = operatorEntityName(operator);
  return { ok: true, name: built, fromOperator: true, flag: `名称为空，按经营者命名为「${built}」，待核实` };
}
