/**
 * What the roster and item-list channels return: rows as the pages show them (camelCase, tags as arrays,
 * JSON-safe). Pure types.
 */
import type { ImportProblem } from '../import/problems';
import type { RosterKind } from './rosters';

export type QueryableRoster = 'entities' | 'inspectors' | 'experts';

export interface EntityRow {
  id: number;
  uscc: string | null;
  regNo: string | null;
  name: string;
  entityType: string;
  industry: string;
  address: string;
  area: string;
  office: string;
  legalRep: string;
  phone: string;
  creditGrade: string | null;
  regStatus: string;
  tags: string[];
  lastInspectedOn: string | null;
  /** Import warnings the record was kept with (e.g. "uscc.checkDigit"). */
  flags: string[];
  updatedAt: string;
}

export interface InspectorRow {
  id: number;
  badgeNo: string;
  name: string;
  office: string;
  tags: string[];
  status: string;
  phone: string;
  flags: string[];
  updatedAt: string;
}

export interface ExpertRow {
  id: number;
  idOrCertNo: string;
  name: string;
  organisation: string;
  tags: string[];
  phone: string;
  status: string;
  flags: string[];
  updatedAt: string;
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

export interface ItemSubItemRow {
  id: number;
  ordinal: number;
  content: string;
  basis: string;
  method: string;
}

export interface ItemRow {
  id: number;
  compiler: string;
  seqNo: string;
  category: string;
  checkType: string;
  name: string;
  targets: string;
  level: string;
  method: string;
  methodKinds: string[];
  authority: string;
  basis: string;
  remarks: string;
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
