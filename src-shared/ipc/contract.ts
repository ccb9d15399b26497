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
import type { DrawRecordCommit } from '../domain/documents';
import type { CeremonyState, DrawView, JointVisitView, VisitProposals } from '../domain/draws';
import type { PlanSummary, PlanVersionView, PlanView } from '../domain/plans';
import type { ScopePreview, TaskView } from '../domain/tasks';

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
  'items:update-sub-items',
  'plans:list',
  'plans:get',
  'plans:save',
  'plans:publish',
  'plans:versions',
  'plans:export',
  'tasks:list',
  'tasks:get',
  'tasks:save',
  'tasks:scope-preview',
  'draws:prepare',
  'draws:commit',
  'draws:witness',
  'draws:reveal',
  'draws:seal',
  'draws:void',
  'draws:amend',
  'draws:get',
  'draws:ceremony-state',
  'draws:export-proof',
  'draws:export-record',
  'visits:proposals',
  'visits:merge',
  'ceremony:open',
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
  'demo:load': {
    offices: number;
    entities: number;
    inspectors: number;
    experts: number;
    items: number;
    subItems: number;
  };
  'items:update-sub-items': ItemDetail;
  'plans:list': PlanSummary[];
  'plans:get': PlanView;
  /** Creates a draft, or edits one; on a published plan the change is published as the next version (reason required). */
  'plans:save': PlanView;
  /** 草稿 → 已公示, version 1. */
  'plans:publish': PlanView;
  /** Every published version, newest first, as it was published. */
  'plans:versions': PlanVersionView[];
  'plans:export': { fileName: string; version: number };
  'tasks:list': TaskView[];
  'tasks:get': TaskView;
  /** On a published plan the change is published as the next version of the plan (changeReason required). */
  'tasks:save': TaskView;
  /** Live counts for the task page: entities in scope per grade and what each grade will draw. */
  'tasks:scope-preview': ScopePreview;
  /** 准备 (worker thread; progress in draws:ceremony-state.busy). Refusals are Chinese AppErrors; nothing is written then. */
  'draws:prepare': DrawView;
  /** 承诺: record = part one of the 随机抽取情况记录表, to print now. */
  'draws:commit': { draw: DrawView; record: DrawRecordCommit };
  'draws:witness': DrawView;
  /** 揭晓 (worker thread). */
  'draws:reveal': DrawView;
  /** 封存 (worker thread): record = part two, to print now. */
  'draws:seal': { draw: DrawView };
  'draws:void': DrawView;
  /** 递补 after 封存: record = part two reprinted with the amendment. */
  'draws:amend': { draw: DrawView };
  /** By drawId, or the task's current draw by taskId (null: the task has none). */
  'draws:get': DrawView | null;
  /** What the projector shows now; poll it. */
  'draws:ceremony-state': CeremonyState;
  /** The proof JSON where the save dialog points, plus the offline verify page beside it. */
  'draws:export-proof': { fileName: string; verifyPage: string };
  /** The record as PDF: part one (commit) or part two (result). */
  'draws:export-record': { fileName: string };
  'visits:proposals': VisitProposals;
  'visits:merge': JointVisitView;
  /** Main opens (or brings forward) the projector window on the task's ceremony route. */
  'ceremony:open': CeremonyWindowInfo;
}

/** Where the projector window went: full screen on a second display when one is attached, else a normal window. */
export interface CeremonyWindowInfo {
  fullScreen: boolean;
  /** Displays attached when it opened. */
  displays: number;
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
