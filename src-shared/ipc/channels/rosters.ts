import type { JobCount } from '../../domain/job-count';
import type {
  EntityRow,
  ExpertRow,
  FilterOptions,
  ImportReportView,
  InspectorRow,
  JobProgressView,
  RosterPage,
} from '../../domain/roster-views';
import type { HeaderDetection } from '../../import/header';
import type { JobResponses } from './jobs';

export const ROSTER_CHANNELS = [
  'roster:query',
  'roster:filter-options',
  'roster:update',
  'roster:create',
  'roster:delete',
  'roster:bulk-update',
  'roster:bulk-progress',
  'roster:bulk-cancel',
  'roster:import-detect',
  'roster:import-preview',
  'roster:import-confirm',
  'roster:import-cancel',
  'roster:import-rejections',
  'job:progress',
  'roster:export',
  'roster:template',
] as const;
export type RosterChannel = (typeof ROSTER_CHANNELS)[number];

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

/** A bulk update reports the selected records looked at, of the selection. */
export interface RosterResponses extends JobResponses<
  { start: 'roster:bulk-update'; progress: 'roster:bulk-progress'; cancel: 'roster:bulk-cancel' },
  { matched: number; changed: number },
  JobCount
> {
  'roster:query': RosterPage<EntityRow | InspectorRow | ExpertRow>;
  'roster:filter-options': FilterOptions;
  'roster:update': EntityRow | InspectorRow | ExpertRow;
  /** A record added by hand (change log `insert`, source `edit`). */
  'roster:create': EntityRow | InspectorRow | ExpertRow;
  /** Only a record no draw or result ever used; the refusal suggests retiring it instead. */
  'roster:delete': { deleted: number };
  'roster:import-detect': MappingProposalView;
  'roster:import-preview': ImportReportView;
  'roster:import-confirm': ImportReportView;
  'roster:import-cancel': { cancelled: boolean };
  'roster:import-rejections': { fileName: string; rows: number };
  'job:progress': JobProgressView;
  'roster:export': { fileName: string; rows: number };
  'roster:template': { fileName: string };
}

export type RosterErrorCode =
  | 'roster.badBulk'
  | 'roster.bulkCancelled'
  | 'roster.bulkFailed'
  | 'roster.badSort'
  | 'roster.badStatus'
  | 'roster.duplicateCode'
  | 'roster.drawInProgress'
  | 'roster.inUse'
  | 'roster.noCode'
  | 'roster.notFound'
  | 'roster.usccCheckDigit'
  | 'import.alreadyConfirmed'
  | 'import.badValueChoice'
  | 'import.cancelled'
  | 'import.corruptFile'
  | 'import.crashed'
  | 'import.declineNotFlagged'
  | 'import.emptyFile'
  | 'import.emptySheet'
  | 'import.encrypted'
  | 'import.fileChanged'
  | 'import.fileNotFound'
  | 'import.headerNotFound'
  | 'import.missingColumns'
  | 'import.outOfMemory'
  | 'import.previewExpired'
  | 'import.unsupportedFile'
  | 'import.wrongKind';
