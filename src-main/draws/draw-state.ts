/** Refusals that depend on where a draw stands, for the service (main thread) and the steps (draw worker). */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { DrawsTable } from '../db/schema';
import { first, qb } from '../db/sql';
import type { DrawRow } from './views';

/** A refusal that names where the draw stands, for any step that needs another state. */
export function wrongState(draw: DrawRow, wanted: string): AppError {
  const why: Record<DrawRow['state'], string> = {
    prepared: '这次抽取尚未承诺',
    committed: '这次抽取已承诺、尚未揭晓',
    revealed: '这次抽取已揭晓、尚未封存',
    sealed: '这次抽取已封存',
    voided: `这次抽取已作废（${draw.void_reason ?? ''}）`,
  };
  return new AppError('draw.wrongState', `${why[draw.state]}，不能${wanted}。`, { state: draw.state });
}

/** The task's committed draw, if any, as a Chinese refusal to start another. */
export function committedElsewhere(raw: BetterSqlite3.Database, taskId: number, exceptDrawId = -1): AppError | null {
  const query = qb
    .selectFrom('draws')
    .select(['id', 'committed_by', 'committed_at', 'state'])
    .where('task_id', '=', taskId)
    .where('state', 'in', ['committed', 'revealed', 'sealed'])
    .where('id', '<>', exceptDrawId);
  const other = first(raw, query);
  if (!other) return null;
  return new AppError(
    'draw.alreadyCommitted',
    `该任务的抽取已由 ${other.committed_by} 于 ${other.committed_at!.slice(0, 16).replace('T', ' ')} 承诺（抽取编号 ${other.id}）。一个任务只能有一次有效抽取；如确需重新抽取，须先作废该次抽取并写明理由。`,
    { drawId: other.id },
  );
}

/** The update of a draw that is in state `from` to state `to` (and only then). */
export function setState(drawId: number, from: DrawsTable['state'], to: DrawsTable['state']) {
  return qb.updateTable('draws').set({ state: to }).where('id', '=', drawId).where('state', '=', from);
}
