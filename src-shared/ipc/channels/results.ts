/** The results workflow (检查结果, 后续处置, the working-day calendar). */
import type { FileChoice } from './app';
import type { ResultProblem, ResultState } from '../../domain/results';
import type { ResultEntityRow, ResultSheetView, ResultTaskView } from '../../domain/result-views';

export const RESULT_CHANNELS = [
  'results:tasks',
  'results:entities',
  'results:sheet',
  'results:save',
  'results:review',
  'results:choose-files',
  'results:import-preview',
  'results:import',
] as const;
export type ResultChannel = (typeof RESULT_CHANNELS)[number];

/** A problem of an imported workbook, where it is. */
export interface ResultImportProblem {
  file: string;
  sheet: string;
  cell: string;
  reason: string;
}

/** What an import did (or, previewed, would do): counts and every problem. */
export interface ResultImportReport {
  files: number;
  sheets: number;
  matched: number;
  entered: number;
  unchanged: number;
  rejected: number;
  problems: ResultImportProblem[];
}

export interface ResultSaveView {
  /** entered: now 已录入; draft: kept as typed, not yet consistent; unchanged: nothing written. */
  outcome: 'entered' | 'draft' | 'unchanged';
  state: ResultState;
  problems: ResultProblem[];
  savedAt: string;
}

export interface ResultResponses {
  'results:tasks': ResultTaskView[];
  'results:entities': ResultEntityRow[];
  'results:sheet': ResultSheetView;
  'results:save': ResultSaveView;
  'results:review': { reviewed: number };
  /** null: the clerk cancelled the dialog. */
  'results:choose-files': FileChoice[] | null;
  'results:import-preview': { previewId: string; report: ResultImportReport };
  'results:import': ResultImportReport;
}

export type ResultErrorCode =
  | 'result.alreadyCorrected'
  | 'result.duplicateSheet'
  | 'result.duplicateTask'
  | 'result.entityNotFound'
  | 'result.invalid'
  | 'result.noSealedDraw'
  | 'result.noTask'
  | 'result.noneSelected'
  | 'result.notDrawn'
  | 'result.notEntered'
  | 'result.notFound'
  | 'result.notJointVisit'
  | 'result.notReviewed'
  | 'result.previewExpired'
  | 'result.reasonRequired'
  | 'result.reviewed'
  | 'result.wrongDraw'
  | 'calendar.invalid'
  | 'followUp.badDate'
  | 'followUp.closed'
  | 'followUp.noMeasure'
  | 'followUp.noNote'
  | 'followUp.notFound';
