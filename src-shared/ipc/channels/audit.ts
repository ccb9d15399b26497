import type { JobCount } from '../../domain/job-count';

export const AUDIT_CHANNELS = [
  'audit:list',
  'audit:count',
  'audit:actors',
  'audit:export',
  'audit:export-progress',
  'audit:export-cancel',
  'audit:verify',
] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

/** The operation log's hash chain, recomputed: intact with its row count and head, or the first broken row. */
export type AuditChainCheck =
  { ok: true; rows: number; head: string } | { ok: false; brokenAt: number; reason: string };

export interface AuditResponses {
  'audit:list': AuditEntry[];
  'audit:count': number;
  'audit:actors': string[];
  /** Runs off the main process; rows written in audit:export-progress under the request's jobId. */
  'audit:export': { fileName: string; rows: number };
  'audit:export-progress': JobCount;
  'audit:export-cancel': { cancelled: boolean };
  'audit:verify': AuditChainCheck;
}

export type AuditErrorCode = 'audit.exportCancelled' | 'audit.exportFailed';
