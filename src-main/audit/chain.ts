/**
 * The operation log as a hash chain: each audit_log row stores the hash of the row before it (prev_hash) and its own
 * hash over its id, that link and its fields. Editing, deleting, inserting or reordering rows with an outside tool —
 * triggers dropped or not — breaks a link that verifyAuditChain names. Every sealed proof stores the head it saw, so
 * cutting rows off the end is detected as well.
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditChainCheck } from '@shared/ipc/contract';
import { first, iterate, qb, value } from '../db/sql';

/** The link of the first row: no row before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** The tail of an empty log: the first row gets id 1. */
export const EMPTY_TAIL = { id: 0, hash: GENESIS_HASH };

/** Names the hash format, so a later change of what is hashed cannot pass for this one. */
const FORMAT = 'ssj-audit/1';

export interface ChainedFields {
  id: number;
  prev_hash: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

/** SHA-256 (hex) of the row's id, its link and its fields, as stored. */
export function auditRowHash(row: ChainedFields): string {
  const fields = [FORMAT, row.id, row.prev_hash, row.at, row.actor, row.action, row.target, row.detail];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export const TAIL = qb.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1);

/** The last row's id and hash (GENESIS_HASH and 0 on an empty log); read inside the writing transaction. */
export function chainTail(raw: BetterSqlite3.Database): { id: number; hash: string } {
  return first(raw, TAIL) ?? EMPTY_TAIL;
}

/** The chain head: the hash of the newest row. */
export function auditChainHead(raw: BetterSqlite3.Database): string {
  return chainTail(raw).hash;
}

export type ChainCheck = AuditChainCheck;

/**
 * Walks the log in id order and recomputes every link. `brokenAt` is the id of the first row that does not hold (for a
 * log cut short: the id after the last row left).
 */
export function verifyAuditChain(raw: BetterSqlite3.Database): ChainCheck {
  const rows = qb.selectFrom('audit_log').selectAll().orderBy('id');
  let prev = EMPTY_TAIL;
  let count = 0;
  const hashes = new Set<string>([GENESIS_HASH]);
  for (const row of iterate(raw, rows)) {
    if (row.prev_hash !== prev.hash) {
      const reason = count === 0 ? '第一条记录之前还有记录被删除' : `与上一条（第 ${prev.id} 条）的链接不符`;
      return broken(row.id, `${reason}：可能有记录被删除、插入或调换了顺序`);
    }
    if (auditRowHash(row) !== row.hash) return broken(row.id, '内容与其哈希不符：记录被修改过');
    prev = row;
    hashes.add(row.hash);
    count++;
  }
  const sequence = value(raw, qb.selectFrom('sqlite_sequence').select('seq').where('name', '=', 'audit_log')) ?? 0;
  if (sequence > prev.id) return broken(prev.id + 1, `最后 ${sequence - prev.id} 条记录被删除`);
  const anchors = qb.selectFrom('draw_proofs').select(['draw_id', 'audit_head']).where('audit_head', 'is not', null);
  for (const proof of iterate(raw, anchors)) {
    if (!hashes.has(proof.audit_head!)) {
      return broken(prev.id + 1, `抽取（编号 ${proof.draw_id}）封存时记下的日志链头不在日志中：有记录被删除或改动`);
    }
  }
  return { ok: true, rows: count, head: prev.hash };
}

function broken(id: number, reason: string): ChainCheck {
  return { ok: false, brokenAt: id, reason: `操作日志第 ${id} 条：${reason}。` };
}
