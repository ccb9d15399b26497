import type { JobCount } from '../../domain/job-count';
import type { JobResponses } from './jobs';

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

/** The export's progress counts the rows written. */
export interface AuditResponses extends JobResponses<
  { start: 'audit:export'; progress: 'audit:export-progress'; cancel: 'audit:export-cancel' },
  { fileName: string; rows: number },
  JobCount
> {
  'audit:list': AuditEntry[];
  'audit:count': number;
  'audit:actors': string[];
  'audit:verify': AuditChainCheck;
}

export type AuditErrorCode = 'audit.exportCancelled' | 'audit.exportFailed';
