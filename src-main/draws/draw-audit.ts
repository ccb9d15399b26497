import type BetterSqlite3 from 'better-sqlite3';
import { appendAuditRaw } from '../audit/service';

/** One audit_log row about a draw (target `draws:<id>`), written inside the caller's transaction. */
export function auditDraw(
  raw: BetterSqlite3.Database,
  actor: string,
  at: Date,
  action: string,
  drawId: number,
  detail: unknown,
): void {
  appendAuditRaw(raw, { actor, action, target: `draws:${drawId}`, detail }, at);
}
