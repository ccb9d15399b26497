/** Bulk edits run in a worker thread (bulk-worker.ts) with progress and cancel: a selection can be 100,000 records. */
import { AppError } from '@shared/errors';
import { workerEntry } from '../workers/start';
import { CountedJobs } from '../workers/counted-jobs';
import type { BulkRequest } from './bulk-update';

export interface BulkJobRequest {
  jobId: string;
  dbPath: string;
  bulk: BulkRequest;
  actor: string;
  nowIso: string;
}

export const bulkJobs = () =>
  new CountedJobs<BulkJobRequest, { matched: number; changed: number }>(
    workerEntry(__dirname, 'bulk-worker'),
    (why) => new AppError('roster.bulkFailed', `批量修改线程意外中止（${why}），数据库未作任何修改。`),
  );
