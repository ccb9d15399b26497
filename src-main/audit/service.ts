import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { AuditChainCheck, AuditEntry } from '@shared/ipc/contract';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { Database } from '../db/schema';
import { qb, run } from '../db/sql';
import { auditRowHash, chainTail, EMPTY_TAIL, TAIL, verifyAuditChain } from './chain';

export interface AuditRecord {
  actor: string;
  action: string;
  target: string;
  detail?: unknown;
}

/**
 * The one insert every audit row goes through, whichever way the caller runs it: the next link of the chain after
 * `tail`, the log's last row as read inside the same write transaction (SQLite lets one writer in at a time).
 */
function auditInsert(record: AuditRecord, at: Date, tail: { id: number; hash: string }) {
  const fields = {
    id: tail.id + 1,
    prev_hash: tail.hash,
    at: at.toISOString(),
    actor: record.actor,
    action: record.action,
    target: record.target,
    detail: JSON.stringify(record.detail ?? {}),
  };
  return qb.insertInto('audit_log').values({ ...fields, hash: auditRowHash(fields) });
}

/**
 * Appends to the audit log. Always pass the transaction of the change being logged, so the change and
 * its log row commit — or roll back — together.
 */
export async function appendAudit(
  trx: Kysely<Database> | Transaction<Database>,
  record: AuditRecord,
  at: Date,
): Promise<void> {
  const last = await trx.executeQuery(TAIL.compile());
  await trx.executeQuery(auditInsert(record, at, last.rows[0] ?? EMPTY_TAIL).compile());
}

/** appendAudit inside a synchronous better-sqlite3 transaction (imports, bulk edits, the draw steps). */
export function appendAuditRaw(raw: BetterSqlite3.Database, record: AuditRecord, at: Date): void {
  run(raw, auditInsert(record, at, chainTail(raw)));
}

export function createAuditService(db: Kysely<Database>, raw: BetterSqlite3.Database) {
  return {
    /** Recomputes the whole chain (系统设置's check, the same as `ssj audit verify`). */
    verify: (): AuditChainCheck => verifyAuditChain(raw),
    /** Newest first, paged by id (stable under concurrent appends). */
    async list(req: ParsedReq<'audit:list'>): Promise<AuditEntry[]> {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(req.limit);
      if (req.beforeId !== undefined) query = query.where('id', '<', req.beforeId);
      const rows = await query.execute();
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
    },
  };
}
