/**
 * 检查结果: entry (by keyboard or from filled workbooks), review, end states, deadlines on the working-day calendar,
 * and the follow-ups (后续处置) of results with problems. The parts are module-level functions; this wires them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ServiceContext } from '../app/context';

export function createResultService(raw: BetterSqlite3.Database, ctx: ServiceContext) {
  void raw;
  void ctx;
  return {
    // Entry, import and review.
    // Follow-ups, calendar and deadlines.
  };
}
