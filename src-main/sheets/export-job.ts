/**
 * A draw's sheets are exported in a worker thread (sheet-export-worker.ts) with its own connection: rendering a
 * 10,000-entity draw keeps pdfkit and exceljs busy for minutes, which must not stall the main process. A cancel is
 * seen within one entity. The thread's heap is capped (docs/performance.md: the export stays far below it), so a
 * runaway fails alone.
 */
import type { SheetFormat } from '@shared/ipc/channels/sheets';
import { AppError, isAppError } from '@shared/errors';
import { workerEntry } from '../workers/start';
import { WorkerJobs } from '../workers/jobs';
import type { BatchOutcome, BatchProgress } from './batch';
import { sheetFiles, type SheetOutline } from './export';
import { checkFolder, removeFiles } from './run-files';

export interface ExportRequest {
  jobId: string;
  dbPath: string;
  drawId: number;
  dir: string;
  format: SheetFormat;
}

/** The worker's progress: the run's, and the worker's heap in use (bytes), for the benchmark. */
export type WorkerProgress = BatchProgress & { heapUsed: number };

export const EXPORT_HEAP_MB = 256;

function deathReason(why: string): string {
  return /memory limit|out of memory/i.test(why) ? '内存不足' : why;
}

export class SheetExportJobs {
  private readonly jobs: WorkerJobs<ExportRequest, BatchOutcome, WorkerProgress>;

  constructor(heapMb = EXPORT_HEAP_MB) {
    this.jobs = new WorkerJobs(
      workerEntry(__dirname, 'sheet-export-worker'),
      (why) =>
        new AppError('sheets.exportFailed', `导出一户一表的线程意外中止（${deathReason(why)}）。`, { died: true }),
      heapMb,
    );
  }

  /**
   * Exports the draw named by `outline` into `request.dir`. The folder is checked here too, so that when the thread
   * dies mid-run the files of this run (none of which were there before) can be removed here.
   */
  async run(request: ExportRequest, outline: SheetOutline, onProgress: (p: WorkerProgress) => void) {
    const names = sheetFiles(outline, request.format).map((f) => f.name);
    checkFolder(request.dir, names);
    try {
      return await this.jobs.run(request, onProgress);
    } catch (error) {
      if (!isAppError(error) || !(error.details as { died?: boolean } | undefined)?.died) throw error;
      await removeFiles(request.dir, names);
      throw new AppError('sheets.exportFailed', `${error.message}本次已写入的文件已全部删除，请重新导出。`);
    }
  }

  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  close(): Promise<void> {
    return this.jobs.close();
  }
}
