import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { first, qb, value } from '../db/sql';
import { verifyAuditChain } from '../audit/chain';
import { formatCount } from '@shared/domain/counts';

const GUARDS = ['audit_log_no_update', 'audit_log_no_delete'];

/**
 * Why the operation log of a backup cannot be trusted, or null when it can: the hash chain (audit/chain.ts). A backup
 * made before the log was chained has no links yet (the migration adds them on restore): its guards must be in place
 * and no row may be missing between the first and the last.
 */
export function auditChainProblem(raw: BetterSqlite3.Database): string | null {
  if (isChained(raw)) {
    const check = verifyAuditChain(raw);
    return check.ok ? null : check.reason;
  }
  return unchainedProblem(raw);
}

function isChained(raw: BetterSqlite3.Database): boolean {
  const columns = value(
    raw,
    qb.selectNoFrom(sql<number>`(SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'hash')`.as('n')),
  );
  return columns === 1;
}

function unchainedProblem(raw: BetterSqlite3.Database): string | null {
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
  return missing === 0 ? null : `操作日志缺少 ${formatCount(missing)} 条记录`;
}
