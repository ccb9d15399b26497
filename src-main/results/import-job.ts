/**
 * Filled workbooks are read, checked and entered in a worker thread (result-import-worker.ts) with its own connection:
 * reading 1,000 workbooks keeps exceljs busy for seconds and the check and the write are synchronous, which must not
 * stall the main process. A cancel sets a flag shared with the thread, seen between files and between sheets (inside
 * the synchronous transaction, where no message could arrive); the transaction then rolls back.
 */
import { AppError } from '@shared/errors';
import type { ResultImportProgress } from '@shared/ipc/channels/results';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';
import type { FileImportReport, ReadResultFiles } from './import-files';

interface JobBase {
  jobId: string;
  dbPath: string;
  actor: string;
  nowIso: string;
}

/**
 * What a preview read, as JSON bytes: the main process keeps them and hands them back undecoded, so the thousands
 * of sheets are never copied object by object on its thread.
 */
export type PackedRead = Uint8Array<ArrayBuffer>;

export const packRead = (read: ReadResultFiles): PackedRead => new TextEncoder().encode(JSON.stringify(read));
export const unpackRead = (bytes: PackedRead) => JSON.parse(new TextDecoder().decode(bytes)) as ReadResultFiles;

/** preview: read the files and count what entering them would do; confirm: enter what a preview read. */
export type ImportJobRequest = JobBase & ({ kind: 'preview'; paths: string[] } | { kind: 'confirm'; read: PackedRead });

export type ImportWorkerRequest = ImportJobRequest & { cancel: SharedArrayBuffer };
export type ImportWorkerReply = { read: PackedRead | null; sheets: number; report: FileImportReport };
export type ImportStep = Omit<ResultImportProgress, 'jobId' | 'running'>;

export class ResultImportJobs {
  private readonly rpc = new WorkerRpc<ImportWorkerRequest, ImportWorkerReply, ImportStep>(
    () => startWorker(workerEntry(__dirname, 'result-import-worker'), {}, undefined),
    (why) => new AppError('result.importFailed', `导入线程意外中止（${why}），数据库未作任何修改，请重新导入。`),
  );
  private readonly flags = new Map<string, Int32Array>();

  async run(request: ImportJobRequest, onProgress: (step: ImportStep) => void): Promise<ImportWorkerReply> {
    const cancel = new SharedArrayBuffer(4);
    this.flags.set(request.jobId, new Int32Array(cancel));
    try {
      return await this.rpc.call({ ...request, cancel }, onProgress);
    } finally {
      this.flags.delete(request.jobId);
    }
  }

  /** Whether the job was running (it then stops at its next file or sheet). */
  cancel(jobId: string): boolean {
    const flag = this.flags.get(jobId);
    if (flag) Atomics.store(flag, 0, 1);
    return flag !== undefined;
  }

  /** Ends the thread, a job under way included (its transaction is never committed). */
  close(): Promise<void> {
    return this.rpc.close();
  }
}
