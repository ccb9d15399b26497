/** An entity row's name against the stored record it updates. */
import type { EntityRecord } from '@shared/domain/rosters';
import type { ImportProblem } from '@shared/import/problems';
import type { StoredRecord } from './import-statements';

/**
 * A file row without a 名称 does not replace the name the roster already holds for that entity (an earlier file's or
 * the clerk's): the stored name is kept and the row's warning says so.
 */
export function keepStoredName(
  record: EntityRecord,
  existing: StoredRecord | null,
  problems: ImportProblem[],
): { record: EntityRecord; problems: ImportProblem[] } {
  const built = problems.find((p) => p.code === 'name.fromOperator');
  if (!built || !existing || existing.name_from_operator !== 0) return { record, problems };
  const name = String(existing.name);
  const kept: ImportProblem = {
    ...built,
    code: 'name.keptStored',
    reason: `名称为空，保留名录中已有的名称「${name}」`,
  };
  return {
    record: { ...record, name, nameFromOperator: false },
    problems: problems.map((p) => (p === built ? kept : p)),
  };
}
