/** The results workflow (检查结果, 后续处置, the working-day calendar). */
import type { FileChoice } from './app';
import type { JobResponses } from './jobs';
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
  'results:import-progress',
  'results:import-cancel',
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

/** Where an import job stands: workbooks read, then sheets checked (the preview) or entered (the confirm). */
export interface ResultImportProgress {
  jobId: string;
  running: boolean;
  step: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

export interface ResultSaveView {
  /** entered: now 已录入; draft: kept as typed, not yet consistent; unchanged: nothing written. */
  outcome: 'entered' | 'draft' | 'unchanged';
  state: ResultState;
  problems: ResultProblem[];
  savedAt: string;
}

export interface ResultResponses extends JobResponses<
  { start: 'results:import'; progress: 'results:import-progress'; cancel: 'results:import-cancel' },
  ResultImportReport,
  ResultImportProgress
> {
  'results:tasks': ResultTaskView[];
  'results:entities': ResultEntityRow[];
  'results:sheet': ResultSheetView;
  'results:save': ResultSaveView;
  'results:review': { reviewed: number };
  /** null: the clerk cancelled the dialog. */
  'results:choose-files': FileChoice[] | null;
  /** Runs off the main process; progress in results:import-progress under the request's jobId. */
  'results:import-preview': { previewId: string; report: ResultImportReport };
}

export type ResultErrorCode =
  | 'result.alreadyCorrected'
  | 'result.duplicateSheet'
  | 'result.duplicateTask'
  | 'result.entityNotFound'
  | 'result.importCancelled'
  | 'result.importFailed'
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
