export const AUDIT_CHANNELS = ['audit:list'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

export interface AuditResponses {
  'audit:list': AuditEntry[];
}
