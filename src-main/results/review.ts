/**
 * 审核: a reviewer approves entered results or returns them with a reason. Approval fixes the result for good, sends
 * an end state found at the door to the roster and opens the follow-up of a result with a problem. A reviewed result
 * is corrected only by a new row that names it and the reason (and goes through entry and review again).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { hasProblem } from '@shared/domain/results';
import { AppError } from '@shared/errors';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { all, qb, run, value } from '../db/sql';
import { applyEndState } from './end-state';
import { openFollowUp } from './follow-ups';
import { insertRows, isCorrected, readEntry, resultById, type ResultRow, type Stamp } from './store';

function loadEntered(raw: BetterSqlite3.Database, ids: readonly number[]): ResultRow[] {
  if (ids.length === 0) throw new AppError('result.noneSelected', '请选择要审核的检查结果。');
  const rows = all(
    raw,
    qb
      .selectFrom('results')
      .selectAll()
      .where('id', 'in', [...new Set(ids)]),
  );
  const missing = [...new Set(ids)].filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new AppError('result.notFound', `没有找到检查结果（编号 ${missing.join('、')}）。`);
  const notEntered = rows.filter((r) => r.state !== '已录入');
  if (notEntered.length > 0) {
    const list = notEntered.map((r) => `编号 ${r.id}（${r.state}）`).join('、');
    throw new AppError('result.notEntered', `只有“已录入”的检查结果可以审核：${list}。`);
  }
  return rows;
}

function approveOne(raw: BetterSqlite3.Database, row: ResultRow, stamp: Stamp): void {
  run(
    raw,
    qb
      .updateTable('results')
      .set({ state: '已审核', reviewed_at: stamp.at, reviewed_by: stamp.actor, return_reason: null })
      .where('id', '=', row.id),
  );
  const entry = readEntry(raw, row);
  if (entry.endState) applyEndState(raw, row.id, row.entity_id, entry.endState, stamp);
  if (hasProblem(entry)) openFollowUp(raw, row, entry, stamp);
}

/** Approves or returns the results (all 已录入) in one transaction; returning needs a reason. */
export function review(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  resultIds: readonly number[],
  action: 'approve' | 'return',
  reason?: string,
): { reviewed: number } {
  const why = reason?.trim() ?? '';
  if (action === 'return' && !why) throw new AppError('result.reasonRequired', '退回检查结果须写明退回理由。');
  return raw
    .transaction(() => {
      const rows = loadEntered(raw, resultIds);
      const stamp = { at: ctx.now().toISOString(), actor: ctx.actor() };
      for (const row of rows) {
        if (action === 'approve') approveOne(raw, row, stamp);
        else {
          const returned = { state: '审核退回' as const, reviewed_at: stamp.at, reviewed_by: stamp.actor };
          run(
            raw,
            qb
              .updateTable('results')
              .set({ ...returned, return_reason: why })
              .where('id', '=', row.id),
          );
        }
      }
      const detail = { resultIds: rows.map((r) => r.id), ...(action === 'return' ? { reason: why } : {}) };
      appendAuditRaw(raw, { actor: stamp.actor, action: `results:${action}`, target: 'results', detail }, ctx.now());
      return { reviewed: rows.length };
    })
    .immediate();
}

/**
 * Opens a correction of a reviewed result: a new 未录入 row with the same entry, naming the result it corrects and
 * why. The reviewed row stays as it was; the correction becomes the current result of that task and entity.
 */
export function correctResult(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  resultId: number,
  reason: string,
): number {
  const why = reason.trim();
  if (!why) throw new AppError('result.reasonRequired', '更正已审核的检查结果须写明更正理由。');
  return raw
    .transaction(() => {
      const row = resultById(raw, resultId);
      if (!row) throw new AppError('result.notFound', `没有找到检查结果（编号 ${resultId}）。`);
      if (row.state !== '已审核')
        throw new AppError('result.notReviewed', '只有已审核的检查结果需要更正，其余可直接修改。');
      if (isCorrected(raw, row.id)) throw new AppError('result.alreadyCorrected', '这条检查结果已有更正记录。');
      const stamp = { at: ctx.now().toISOString(), actor: ctx.actor() };
      const { id: _id, ...copied } = row;
      const fresh = {
        ...copied,
        corrects_id: row.id,
        correction_reason: why,
        state: '未录入' as const,
        saved_at: stamp.at,
        saved_by: stamp.actor,
        ...{ entered_at: null, entered_by: null, reviewed_at: null, reviewed_by: null, return_reason: null },
      };
      const id = value(raw, qb.insertInto('results').values(fresh).returning('id'))!;
      insertRows(raw, id, readEntry(raw, row));
      const detail = { corrects: row.id, reason: why };
      appendAuditRaw(raw, { actor: stamp.actor, action: 'results:correct', target: `result:${id}`, detail }, ctx.now());
      return id;
    })
    .immediate();
}
