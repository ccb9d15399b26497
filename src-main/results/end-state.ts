/**
 * An entity found ended at the door (注销, 吊销, 迁出, 已关闭停业) goes back into the roster when its result is approved,
 * through the roster change log like any other edit. 登记状态 knows only 存续/注销/吊销: 注销 and 吊销 are registration
 * facts and set it; 迁出 and 已关闭停业 leave the registration 存续 (elsewhere, or dormant) and become a tag instead.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { EndState } from '@shared/domain/results';
import { first, qb, run } from '../db/sql';
import type { Stamp } from './store';

type Change = { reg_status?: string; tags?: string };

function changeFor(endState: EndState, regStatus: string, tags: string): Change {
  if (endState === '注销' || endState === '吊销') return regStatus === endState ? {} : { reg_status: endState };
  const list = JSON.parse(tags) as string[];
  return list.includes(endState) ? {} : { tags: JSON.stringify([...list, endState]) };
}

/** Records the end state on the entity (with its roster_changes row); nothing when the roster already says so. */
export function applyEndState(
  raw: BetterSqlite3.Database,
  resultId: number,
  entityId: number,
  endState: EndState,
  stamp: Stamp,
): boolean {
  const entity = first(
    raw,
    qb.selectFrom('entities').select(['uscc', 'reg_no', 'reg_status', 'tags']).where('id', '=', entityId),
  );
  if (!entity) return false;
  const next = changeFor(endState, entity.reg_status, entity.tags);
  const columns = Object.keys(next) as (keyof Change)[];
  if (columns.length === 0) return false;
  run(
    raw,
    qb
      .updateTable('entities')
      .set({ ...next, updated_at: stamp.at })
      .where('id', '=', entityId),
  );
  const before = Object.fromEntries(columns.map((c) => [c, entity[c]]));
  run(
    raw,
    qb.insertInto('roster_changes').values({
      at: stamp.at,
      actor: stamp.actor,
      roster: 'entities',
      record_id: entityId,
      record_key: entity.uscc ? `uscc:${entity.uscc}` : `reg_no:${String(entity.reg_no)}`,
      action: 'update',
      source: 'edit',
      batch: `result-${resultId}`,
      before: JSON.stringify(before),
      after: JSON.stringify(next),
    }),
  );
  return true;
}
