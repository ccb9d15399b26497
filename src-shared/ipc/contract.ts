import type { Settings } from '../domain/settings';

/**
 * The whole IPC surface in one map: channel → response type. Request types come from the zod schemas
 * (schemas.ts), so the two can never drift apart. Channels are named `domain:verb`.
 * Every payload is JSON-safe (ISO date strings, no Map/BigInt/class instances) so Electron's structured
 * clone and the browser e2e bridge behave alike.
 */
/**
 * Every channel, by name. Kept free of zod so the preload and renderer bundles stay small;
 * schemas.ts must hold exactly one schema per name (`satisfies Record<Channel, …>` + a test).
 */
export const CHANNELS = ['app:info', 'settings:get', 'settings:set', 'audit:list'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface AppInfo {
  productName: string;
  version: string;
  dbPath: string;
  schemaVersion: number;
  /** Latest schema this build knows. */
  latestSchemaVersion: number;
  /** True when a backup copy was made before migrating at this start. */
  backupPath: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

export interface Responses {
  'app:info': AppInfo;
  'settings:get': Settings;
  'settings:set': Settings;
  'audit:list': AuditEntry[];
}

export type Res<C extends Channel> = Responses[C];

export interface IpcError {
  code: string;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type { Req } from './schemas';

// Compile-time check: every channel has a response type and vice versa.
type MissingResponse = Exclude<Channel, keyof Responses>;
type ExtraResponse = Exclude<keyof Responses, Channel>;
export const contractIsComplete: [MissingResponse, ExtraResponse] extends [never, never] ? true : false = true;
