export const AUDIT_CHANNELS = ['audit:list', 'audit:count', 'audit:actors', 'audit:export', 'audit:verify'] as const;
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
  'audit:export': { fileName: string; rows: number };
  'audit:verify': AuditChainCheck;
}
