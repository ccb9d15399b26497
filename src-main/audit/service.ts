import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry } from '@shared/ipc/contract';
import type { Database } from '../db/schema';

export interface AuditRecord {
  actor: string;
  action: string;
  target: string;
  detail?: unknown;
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
  await trx
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor: record.actor,
      action: record.action,
      target: record.target,
      detail: JSON.stringify(record.detail ?? {}),
    })
    .execute();
}

/**
 * appendAudit for a hot path that holds a raw transaction (BEGIN … COMMIT on the better-sqlite3 handle, e.g. the
 * roster import): same row, written inside that transaction.
 */
export function appendAuditRaw(raw: BetterSqlite3.Database, record: AuditRecord, at: Date): void {
  raw
    .prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
    .run(at.toISOString(), record.actor, record.action, record.target, JSON.stringify(record.detail ?? {}));
}

export function createAuditService(db: Kysely<Database>) {
  return {
    /** Newest first, paged by id (stable under concurrent appends). */
    async list(req: { limit: number; beforeId?: number }): Promise<AuditEntry[]> {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(req.limit);
      if (req.beforeId !== undefined) query = query.where('id', '<', req.beforeId);
      const rows = await query.execute();
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
    },
  };
}
