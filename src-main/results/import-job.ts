/**
 * Filled workbooks are read, checked and entered in a worker thread (result-import-worker.ts) with its own connection:
 * reading 1,000 workbooks keeps exceljs busy for seconds and the check and the write are synchronous, which must not
 * stall the main process. A cancel sets a flag shared with the thread, seen between files and between sheets (inside
 * the synchronous transaction, where no message could arrive); the transaction then rolls back.
 */
import { AppError } from '@shared/errors';
import type { ResultImportProgress } from '@shared/ipc/channels/results';
import { WorkerJobs } from '../workers/jobs';
import { workerEntry } from '../workers/start';
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

export type ImportWorkerReply = { read: PackedRead | null; sheets: number; report: FileImportReport };
export type ImportStep = Omit<ResultImportProgress, 'jobId' | 'running'>;

export class ResultImportJobs extends WorkerJobs<ImportJobRequest, ImportWorkerReply, ImportStep> {
  constructor() {
    super(
      workerEntry(__dirname, 'result-import-worker'),
      (why) => new AppError('result.importFailed', `导入线程意外中止（${why}），数据库未作任何修改，请重新导入。`),
    );
  }
}
