import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { AuditChainCheck, AuditEntry } from '@shared/ipc/contract';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { DbConnection } from '../db/connection';
import type { Database } from '../db/schema';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { all, qb, run } from '../db/sql';
import { auditRowHash, chainTail, EMPTY_TAIL, TAIL, verifyAuditChain } from './chain';
import { filterText } from './export';
import { auditExportJobs } from './export-job';
import { auditActors, auditCount, auditRows } from './query';

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

async function exportAuditLog(
  conn: DbConnection,
  ctx: ServiceContext,
  deps: { files: FileTokens; jobs: ReturnType<typeof auditExportJobs> },
  req: ParsedReq<'audit:export'>,
): Promise<{ fileName: string; rows: number }> {
  const path = deps.files.resolve(req.fileToken, 'save');
  const { fileToken: _token, jobId = randomUUID(), ...filter } = req;
  const request = { jobId, dbPath: conn.path, path, filter, nowIso: ctx.now().toISOString() };
  const rows = await deps.jobs.run(request);
  const detail = { file: basename(path), rows, filter: filterText(filter) };
  const record = { actor: ctx.actor(), action: 'audit:export', target: 'audit', detail };
  conn.raw.transaction(() => appendAuditRaw(conn.raw, record, ctx.now())).immediate();
  return { fileName: basename(path), rows };
}

export function createAuditService(conn: DbConnection, ctx: ServiceContext, files: FileTokens) {
  const raw = conn.raw;
  const jobs = auditExportJobs();
  return {
    /** Recomputes the whole chain (系统设置's check, the same as `ssj audit verify`). */
    verify: (): AuditChainCheck => verifyAuditChain(raw),
    /** The rows the filters match, newest first, paged by id (stable under concurrent appends). */
    list(req: ParsedReq<'audit:list'>): AuditEntry[] {
      const { limit, beforeId, ...filter } = req;
      const rows = all(raw, auditRows(filter, beforeId).limit(limit));
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown }));
    },
    count: (req: ParsedReq<'audit:count'>): number => auditCount(raw, req),
    actors: (): string[] => auditActors(raw),
    /** In a worker thread; rows written in exportProgress, stopped by exportCancel (no file then). */
    export: (req: ParsedReq<'audit:export'>) => exportAuditLog(conn, ctx, { files, jobs }, req),
    exportProgress: (jobId: string) => jobs.progress(jobId),
    exportCancel: (jobId: string) => ({ cancelled: jobs.cancel(jobId) }),
    dispose: () => jobs.close(),
  };
}
