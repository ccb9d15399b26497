import type { Generated } from 'kysely';

/**
 * One interface types the whole database (Signal-Desktop's pattern). Each table's columns as SQLite
 * stores them: booleans are 0/1 integers, dates are ISO-8601 text, JSON is text.
 */
export interface Database {
  settings: SettingsTable;
  audit_log: AuditLogTable;
}

export interface SettingsTable {
  key: string;
  /** JSON text of the value. */
  value: string;
  updated_at: string;
}

/** Append-only: triggers refuse UPDATE and DELETE (全程留痕). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** JSON text. */
  detail: string;
}
