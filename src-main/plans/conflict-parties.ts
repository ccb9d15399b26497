/**
 * A task's 回避关系 must name real people and entities: each 执法证号 an inspector of the roster (whatever their 状态), each
 * code an entity's 统一社会信用代码 or 注册号. Checked at save and again at 准备, since the rosters may change in between.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { TaskConflict } from '@shared/domain/tasks';
import { sql } from 'kysely';
import { column, qb } from '../db/sql';

/** How the draw reads a conflict (draws/inputs.ts conflictPairs): the badge trimmed, the code trimmed and upper-case. */
export const conflictBadge = (conflict: TaskConflict): string => conflict.inspector.trim();
export const conflictCode = (conflict: TaskConflict): string => conflict.entity.trim().toUpperCase();

/** A list as one JSON parameter: one statement whatever its length (the statement cache keys on the SQL text). */
const jsonValues = (values: string[]) => sql<string>`(SELECT value FROM json_each(${JSON.stringify(values)}))`;

/** The badges and codes of `conflicts` that no roster record holds, each once, in the order first named. */
export function unknownConflictParties(
  raw: BetterSqlite3.Database,
  conflicts: readonly TaskConflict[],
): { badges: string[]; codes: string[] } {
  const badges = [...new Set(conflicts.map(conflictBadge))];
  const codes = [...new Set(conflicts.map(conflictCode))];
  if (badges.length === 0) return { badges: [], codes: [] };
  const knownBadges = new Set(
    column(raw, qb.selectFrom('inspectors').select('badge_no').where('badge_no', 'in', jsonValues(badges))),
  );
  const knownCodes = new Set([
    ...column(raw, qb.selectFrom('entities').select('uscc').where('uscc', 'in', jsonValues(codes))),
    ...column(raw, qb.selectFrom('entities').select('reg_no').where('reg_no', 'in', jsonValues(codes))),
  ]);
  return { badges: badges.filter((b) => !knownBadges.has(b)), codes: codes.filter((c) => !knownCodes.has(c)) };
}

const listed = (values: string[]): string =>
  values.length <= 5 ? values.join('、') : `${values.slice(0, 5).join('、')} 等 ${values.length} 个`;

/** What is unknown, in Chinese (执法证号 …；代码 …), or null when every party is in the rosters. */
export function unknownConflictText(raw: BetterSqlite3.Database, conflicts: readonly TaskConflict[]): string | null {
  const { badges, codes } = unknownConflictParties(raw, conflicts);
  const parts = [
    badges.length > 0 ? `执法证号 ${listed(badges)} 不在执法人员名录中` : '',
    codes.length > 0 ? `代码 ${listed(codes)} 不在检查对象名录中` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? `回避关系中${parts.join('；')}` : null;
}
