/**
 * The import job: one worker thread per import (preview or confirm), with progress and cancel; usable from CLI, IPC and
 * tests. The worker's young generation is enlarged (GC churn, docs/performance.md); V8 counts three semi-spaces in it
 * (two plus the new large-object space), hence 3 × 64 = 192.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerEntry } from '../workers/start';
import type { RosterKind } from '@shared/domain/rosters';
import { AppError, type ErrorCode } from '@shared/errors';
import type { ColumnMapping } from '@shared/import/header';
import type { ImportProblem } from '@shared/import/problems';
import type { ValueChoice } from '@shared/import/value-guesses';
import type { ImportProgress, ImportReport } from './import';

export const IMPORT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 192, maxOldGenerationSizeMb: 400 } as const;

export interface ImportJobRequest {
  dbPath: string;
  kind: RosterKind;
  path: string;
  mode: 'preview' | 'confirm';
  mapping?: ColumnMapping;
  /** From the preview, for the confirm pass. */
  rejectRows?: [number, ImportProblem[]][];
  valueChoices?: ValueChoice[];
  actor: string;
  nowIso: string;
  fileLabel?: string;
}

export type WorkerMessage =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; report: ImportReport; rejectRows: [number, ImportProblem[]][] }
  | { type: 'error'; code: ErrorCode; message: string; details?: unknown };

export interface ImportJobResult {
  report: ImportReport;
  rejectRows: Map<number, ImportProblem[]>;
}

export interface ImportJob {
  readonly result: Promise<ImportJobResult>;
  /** Latest progress (for polling callers such as the e2e harness). */
  readonly progress: ImportProgress;
  cancel(): void;
  /** The worker's thread id, e.g. to read its resource usage in a benchmark. */
  readonly worker: Worker;
}

export function startImportJob(request: ImportJobRequest, onProgress?: (p: ImportProgress) => void): ImportJob {
  const worker = startWorker(workerEntry(__dirname, 'import-worker'), request, IMPORT_WORKER_LIMITS);
  let progress: ImportProgress = { rowsRead: 0, rowsWritten: 0 };
  let cancelled = false;
  const result = new Promise<ImportJobResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        progress = { rowsRead: message.rowsRead, rowsWritten: message.rowsWritten };
        onProgress?.(progress);
      } else if (message.type === 'done') {
        settled = true;
        progress = { rowsRead: message.report.rowsRead, rowsWritten: progress.rowsWritten };
        resolve({ report: message.report, rejectRows: new Map(message.rejectRows) });
        void worker.terminate();
      } else {
        settled = true;
        reject(new AppError(message.code, message.message, message.details));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (settled) return;
      settled = true;
      const outOfMemory = /ERR_WORKER_OUT_OF_MEMORY/.test(String((e as NodeJS.ErrnoException).code ?? e.message));
      reject(
        new AppError(
          outOfMemory ? 'import.outOfMemory' : 'import.crashed',
          outOfMemory
            ? '导入时内存不足，已中止，数据库未作任何修改。'
            : `导入意外中止，数据库未作任何修改：${e.message}`,
        ),
      );
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(
        cancelled
          ? new AppError('import.cancelled', '导入已取消。')
          : new AppError('import.crashed', `导入意外中止（代码 ${code}），数据库未作任何修改。`),
      );
    });
  });
  return {
    result,
    get progress() {
      return progress;
    },
    cancel() {
      cancelled = true;
      worker.postMessage({ type: 'cancel' });
    },
    worker,
  };
}
