/**
 * The 操作日志 page's filters as one Kysely condition set, shared by the page, its total and its export. Each filter
 * has an index that starts with its column (actor, action, target, at), so a filtered page or total reads only the
 * rows it matches, however long the log grows.
 */
import type { ExpressionBuilder } from 'kysely';
import { kindsNamed } from '@shared/domain/audit-labels';
import type { Database } from '../db/schema';
import { qb, value } from '../db/sql';
import type BetterSqlite3 from 'better-sqlite3';

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetKind?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** A date's first instant on China's clock (no daylight saving), as `at` is stored: an ISO instant in UTC. */
export function chinaDayStart(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + plusDays) - CHINA_OFFSET_MS).toISOString();
}

/** A kind alone matches `draws` and every `draws:…`; with an id, that one record; kinds of one name together. */
function targetCondition(eb: ExpressionBuilder<Database, 'audit_log'>, kind: string, id: string | undefined) {
  const kinds = kindsNamed(kind);
  if (id !== undefined)
    return eb(
      'target',
      'in',
      kinds.map((k) => `${k}:${id}`),
    );
  // ';' sorts right after ':', so the range is every `kind:…` and stays on the target index.
  const range = (k: string) => eb.and([eb('target', '>=', `${k}:`), eb('target', '<', `${k};`)]);
  return eb.or([eb('target', 'in', kinds), ...kinds.map(range)]);
}

export function auditWhere(f: AuditFilter) {
  return (eb: ExpressionBuilder<Database, 'audit_log'>) => {
    const conditions = [];
    if (f.actor !== undefined) conditions.push(eb('actor', '=', f.actor));
    if (f.action !== undefined) conditions.push(eb('action', '=', f.action));
    if (f.targetKind !== undefined) conditions.push(targetCondition(eb, f.targetKind, f.targetId));
    if (f.from !== undefined) conditions.push(eb('at', '>=', chinaDayStart(f.from)));
    if (f.to !== undefined) conditions.push(eb('at', '<', chinaDayStart(f.to, 1)));
    return eb.and(conditions);
  };
}

/** The matching rows, newest first, from `beforeId` down (stable under concurrent appends). */
export function auditRows(f: AuditFilter, beforeId?: number) {
  let query = qb.selectFrom('audit_log').selectAll().where(auditWhere(f)).orderBy('id', 'desc');
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query;
}

export function auditCount(raw: BetterSqlite3.Database, f: AuditFilter): number {
  return (
    value(
      raw,
      qb
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(auditWhere(f)),
    ) ?? 0
  );
}

/**
 * Everyone who has an entry, in name order: one index step per person (a skip over the actor index), not a read of
 * the whole log.
 */
export function auditActors(raw: BetterSqlite3.Database): string[] {
  const actors: string[] = [];
  for (;;) {
    const last = actors.at(-1);
    let query = qb.selectFrom('audit_log').select('actor').orderBy('actor').limit(1);
    if (last !== undefined) query = query.where('actor', '>', last);
    const next = value(raw, query);
    if (next === undefined) return actors;
    actors.push(next);
  }
}
