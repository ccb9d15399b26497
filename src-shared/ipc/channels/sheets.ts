import type { FileChoice } from './app';
import type { JobResponses } from './jobs';

/** The record sheets (一户一表) and notices of a sealed draw, written to a folder the clerk chooses. */
export const SHEET_CHANNELS = [
  'sheets:draws',
  'sheets:choose-folder',
  'sheets:export',
  'sheets:export-progress',
  'sheets:export-cancel',
] as const;
export type SheetChannel = (typeof SHEET_CHANNELS)[number];

export type SheetFormat = 'pdf' | 'xlsx' | 'both';

/** One 名单包 of a sealed draw: its entities and its 检查组. */
export interface SheetPackageView {
  no: number;
  area: string | null;
  entities: number;
  team: { id: string; name: string; isExpert: boolean }[];
}

/** A sealed draw whose sheets can be produced. */
export interface SheetDrawView {
  drawId: number;
  taskId: number;
  taskNumber: string;
  taskName: string;
  year: number;
  sealedAt: string;
  entities: number;
  /** Entities whose sheet is a merged joint visit's (进一次门、查多项事). */
  jointVisits: number;
  packages: SheetPackageView[];
}

/** A running (or finished) export: files written and entities done, of the totals. */
export interface SheetExportProgress {
  jobId: string;
  running: boolean;
  filesDone: number;
  filesTotal: number;
  entitiesDone: number;
  entitiesTotal: number;
  /** 0–100, by the entities rendered so far in each format asked for (100 once every file is written). */
  percent: number;
  /** The file being produced now (its name), null when none. */
  current: string | null;
}

export interface SheetExportResult {
  /** done: every file written; cancelled: stopped after the entity being drawn, this run's files removed. */
  outcome: 'done' | 'cancelled';
  /** The folder's name (not its path) and the names of the files written (none when cancelled). */
  folderName: string;
  files: string[];
  /** Files of this run removed on cancel. */
  removed: number;
}

export interface SheetResponses extends JobResponses<
  { start: 'sheets:export'; progress: 'sheets:export-progress'; cancel: 'sheets:export-cancel' },
  SheetExportResult,
  SheetExportProgress
> {
  /** Sealed draws, newest first. */
  'sheets:draws': SheetDrawView[];
  /** null: the clerk cancelled the folder dialog. */
  'sheets:choose-folder': FileChoice | null;
}

export type SheetErrorCode =
  | 'sheets.busy'
  | 'sheets.drawNotFound'
  | 'sheets.entityMissing'
  | 'sheets.exportFailed'
  | 'sheets.filesExist'
  | 'sheets.noProof'
  | 'sheets.notSealed'
  | 'sheets.writeFailed';
