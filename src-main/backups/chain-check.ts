import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { first, qb, value } from '../db/sql';

const GUARDS = ['audit_log_no_update', 'audit_log_no_delete'];

/**
 * Why the operation log of a backup cannot be trusted, or null when it can. Stand-in until the hash chain
 * (audit/chain.ts) lands: the log's guards must be in place and no row may be missing between the first and the last.
 */
export function auditChainProblem(raw: BetterSqlite3.Database): string | null {
  const guards = value(
    raw,
    qb.selectNoFrom(
      sql<number>`(SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (${sql.join(GUARDS)}))`.as(
        'n',
      ),
    ),
  );
  if (guards !== GUARDS.length) return '操作日志的防篡改保护已被移除';
  const span = first(
    raw,
    qb
      .selectFrom('audit_log')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')]),
  );
  if (!span || span.n === 0 || span.lo === null || span.hi === null) return null;
  const missing = span.hi - span.lo + 1 - span.n;
  return missing === 0 ? null : `操作日志缺少 ${missing} 条记录`;
}
