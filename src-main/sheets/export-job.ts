/**
 * A draw's sheets are exported in a worker thread (sheet-export-worker.ts) with its own connection: rendering a
 * 10,000-entity draw keeps pdfkit and exceljs busy for minutes, which must not stall the main process. Started on
 * the first export and kept; a cancel is a second request to the same thread, answered within one entity. The
 * thread's heap is capped (docs/performance.md: the export stays far below it), so a runaway fails alone.
 */
import type { SheetFormat } from '@shared/ipc/channels/sheets';
import { AppError, isAppError } from '@shared/errors';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';
import type { BatchOutcome, BatchProgress } from './batch';
import { sheetFiles, type SheetOutline } from './export';
import { checkFolder, removeFiles } from './run-files';

export interface ExportRequest {
  kind: 'export';
  jobId: string;
  dbPath: string;
  drawId: number;
  dir: string;
  format: SheetFormat;
}

export type SheetWorkerRequest = ExportRequest | { kind: 'cancel'; jobId: string };
export type SheetWorkerReply = ({ kind: 'export' } & BatchOutcome) | { kind: 'cancel'; cancelled: boolean };
/** The worker's progress: the run's, and the worker's heap in use (bytes), for the benchmark. */
export type WorkerProgress = BatchProgress & { heapUsed: number };

export const EXPORT_HEAP_MB = 256;

function deathReason(why: string): string {
  return /memory limit|out of memory/i.test(why) ? '内存不足' : why;
}

export class SheetExportJobs {
  private readonly rpc: WorkerRpc<SheetWorkerRequest, SheetWorkerReply, WorkerProgress>;

  constructor(heapMb = EXPORT_HEAP_MB) {
    this.rpc = new WorkerRpc(
      () => startWorker(workerEntry(__dirname, 'sheet-export-worker'), {}, { maxOldGenerationSizeMb: heapMb }),
      (why) =>
        new AppError('sheets.exportFailed', `导出一户一表的线程意外中止（${deathReason(why)}）。`, { died: true }),
    );
  }

  /**
   * Exports the draw named by `outline` into `request.dir`. The folder is checked here too, so that when the thread
   * dies mid-run the files of this run (none of which were there before) can be removed here.
   */
  async run(
    request: Omit<ExportRequest, 'kind'>,
    outline: SheetOutline,
    onProgress: (p: WorkerProgress) => void,
  ): Promise<BatchOutcome> {
    const names = sheetFiles(outline, request.format).map((f) => f.name);
    checkFolder(request.dir, names);
    try {
      const reply = await this.rpc.call({ kind: 'export', ...request }, onProgress);
      if (reply.kind !== 'export') throw new AppError('app.internal', '导出线程的回复不正确。');
      const { kind: _kind, ...outcome } = reply;
      return outcome;
    } catch (error) {
      if (!isAppError(error) || !(error.details as { died?: boolean } | undefined)?.died) throw error;
      await removeFiles(request.dir, names);
      throw new AppError('sheets.exportFailed', `${error.message}本次已写入的文件已全部删除，请重新导出。`);
    }
  }

  async cancel(jobId: string): Promise<boolean> {
    const reply = await this.rpc.call({ kind: 'cancel', jobId });
    return reply.kind === 'cancel' && reply.cancelled;
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
