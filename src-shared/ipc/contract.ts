import type { Settings } from '../domain/settings';
import type {
  EntityRow,
  ExpertRow,
  FilterOptions,
  ImportReportView,
  InspectorRow,
  ItemDetail,
  ItemRow,
  JobProgressView,
  RosterPage,
} from '../domain/roster-views';
import type { HeaderDetection } from '../import/header';

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
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:set',
  'audit:list',
  'dialog:open-file',
  'dialog:save-file',
  'roster:query',
  'roster:filter-options',
  'roster:update',
  'roster:bulk-update',
  'roster:import-detect',
  'roster:import-preview',
  'roster:import-confirm',
  'roster:import-cancel',
  'roster:import-rejections',
  'job:progress',
  'roster:export',
  'roster:template',
  'items:query',
  'items:get',
  'demo:load',
  // 一单两库 pages (issue 3)
  'items:update-sub-items',
] as const;
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
  /** null: the user cancelled the dialog. */
  'dialog:open-file': FileChoice | null;
  'dialog:save-file': FileChoice | null;
  'roster:query': RosterPage<EntityRow | InspectorRow | ExpertRow>;
  'roster:filter-options': FilterOptions;
  'roster:update': EntityRow | InspectorRow | ExpertRow;
  'roster:bulk-update': { matched: number; changed: number };
  'roster:import-detect': MappingProposalView;
  'roster:import-preview': ImportReportView;
  'roster:import-confirm': ImportReportView;
  'roster:import-cancel': { cancelled: boolean };
  'roster:import-rejections': { fileName: string; rows: number };
  'job:progress': JobProgressView;
  'roster:export': { fileName: string; rows: number };
  'roster:template': { fileName: string };
  'items:query': RosterPage<ItemRow>;
  'items:get': ItemDetail;
  'demo:load': { offices: number; entities: number; inspectors: number; experts: number; items: number; subItems: number };
  'items:update-sub-items': ItemDetail;
}

export interface FileChoice {
  /** Opaque: pass it to the channel that reads or writes the file. */
  token: string;
  fileName: string;
}

/** The detected header and column mapping, for the mapping dialog. */
export interface MappingProposalView {
  format: string;
  sheetName: string;
  mergeCount: number;
  detection: HeaderDetection;
  sampleRows: string[][];
  /** The mapping the header itself suggests (detection.mapping may be a remembered one instead). */
  autoMapping: Record<string, number>;
  /** True when detection.mapping is the one the clerk confirmed for a file of this shape before. */
  remembered: boolean;
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
