/**
 * What the roster and item-list channels return: rows as the pages show them (camelCase, tags as arrays,
 * JSON-safe). Pure types.
 */
import type { ImportProblem } from '../import/problems';
import type { ValueMapping } from '../import/value-guesses';
import type {
  EntityRecord,
  ExpertRecord,
  InspectorRecord,
  ItemRecord,
  ItemStatus,
  ItemSubItem,
  RosterKind,
} from './rosters';

export type QueryableRoster = 'entities' | 'inspectors' | 'experts';

/**
 * How far a roster page can be turned: a deep page with a filter and a sort takes seconds at city scale (page 5,000 of
 * 700,000 matches: 5.2 s), within this limit at most about 0.4 s. Beyond it the clerk searches or filters.
 */
export const ROSTER_BROWSE_LIMIT = 10_000;

/** What a stored roster row adds to its record: its id, the import's flags and its last change. */
interface StoredFields {
  id: number;
  /** Import warnings the record was kept with (e.g. "uscc.checkDigit"). */
  flags: string[];
  updatedAt: string;
}

/** A stored entity: its record, with the coded fields as free text (as the database holds them). */
export interface EntityRow extends Omit<EntityRecord, 'entityType' | 'creditGrade' | 'regStatus'>, StoredFields {
  entityType: string;
  creditGrade: string | null;
  regStatus: string;
}

export interface InspectorRow extends Omit<InspectorRecord, 'status'>, StoredFields {
  status: string;
}

export interface ExpertRow extends Omit<ExpertRecord, 'status'>, StoredFields {
  status: string;
}

export interface RosterRowByKind {
  entities: EntityRow;
  inspectors: InspectorRow;
  experts: ExpertRow;
}

export interface RosterPage<R> {
  total: number;
  page: number;
  pageSize: number;
  rows: R[];
  /** How the search was answered: 'trigram' (≥3 chars), 'bigram' (1–2 chars), 'scan', or null without a search. */
  searchMode: 'trigram' | 'bigram' | 'scan' | null;
}

export interface FilterOptions {
  offices: { name: string; kind: string }[];
  areas: string[];
  industries: string[];
  tags: string[];
}

export interface ItemSubItemRow extends ItemSubItem {
  id: number;
  ordinal: number;
}

/** A stored item: its record, with the coded fields as free text (as the database holds them). */
export interface ItemRow extends Omit<ItemRecord, 'level' | 'methodKinds' | 'subItems'> {
  id: number;
  level: string;
  methodKinds: string[];
  status: ItemStatus;
  subItemCount: number;
}

export interface ItemDetail extends ItemRow {
  subItems: ItemSubItemRow[];
}

export interface ImportCountsView {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Kept records with a warning; also counted in new/updated/unchanged. */
  flagged: number;
  /** Entities: 个体工商户 kept without a 名称, named after their operator (also counted in flagged). */
  namedFromOperator: number;
}

export interface ImportReportView {
  /** Pass to roster:import-confirm and roster:import-rejections. */
  previewId: string;
  kind: RosterKind;
  dryRun: boolean;
  fileName: string;
  format: string;
  sheetName: string;
  rowsRead: number;
  counts: ImportCountsView;
  subItems?: { new: number; updated: number; unchanged: number; removed: number };
  problems: ImportProblem[];
  problemsTruncated: boolean;
  /** Status and grade values read by synonym, per column: what was made of each and in how many rows. */
  valueMappings: ValueMapping[];
  sample: {
    rowNo: number;
    outcome: 'new' | 'updated' | 'unchanged' | 'rejected';
    key: string;
    name: string;
    flagged: boolean;
  }[];
  mapping: Record<string, number>;
  signature: string;
  batch: string | null;
}

export interface JobProgressView {
  jobId: string;
  running: boolean;
  rowsRead: number;
  rowsWritten: number;
}
