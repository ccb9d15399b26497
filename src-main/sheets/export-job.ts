/**
 * A draw's sheets are exported in a worker thread (sheet-export-worker.ts) with its own connection: rendering a
 * 10,000-entity draw keeps pdfmake and exceljs busy for minutes, which must not stall the main process. Started on
 * the first export and kept; a cancel is a second request to the same thread, answered between files.
 */
import type { SheetFormat } from '@shared/ipc/channels/sheets';
import { AppError } from '@shared/errors';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';
import type { BatchOutcome, BatchProgress } from './batch';

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

export class SheetExportJobs {
  private readonly rpc = new WorkerRpc<SheetWorkerRequest, SheetWorkerReply, BatchProgress>(
    () => startWorker(workerEntry(__dirname, 'sheet-export-worker'), {}, undefined),
    (why) =>
      new AppError('sheets.exportFailed', `导出一户一表的线程意外中止：${why}。已写入的文件可能不完整，请重新导出。`),
  );

  async run(request: Omit<ExportRequest, 'kind'>, onProgress: (p: BatchProgress) => void): Promise<BatchOutcome> {
    const reply = await this.rpc.call({ kind: 'export', ...request }, onProgress);
    if (reply.kind !== 'export') throw new AppError('app.internal', '导出线程的回复不正确。');
    const { kind: _kind, ...outcome } = reply;
    return outcome;
  }

  async cancel(jobId: string): Promise<boolean> {
    const reply = await this.rpc.call({ kind: 'cancel', jobId });
    return reply.kind === 'cancel' && reply.cancelled;
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
