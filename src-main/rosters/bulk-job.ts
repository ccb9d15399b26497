/** Bulk edits run in a worker thread (bulk-worker.ts) with progress and cancel: a selection can be 100,000 records. */
import { AppError } from '@shared/errors';
import { workerEntry } from '../workers/start';
import { CountedJobs, type CountedRequest } from '../workers/counted-jobs';
import type { BulkRequest } from './bulk-update';

export type BulkJobRequest = CountedRequest & { bulk: BulkRequest; actor: string };

export const bulkJobs = () =>
  new CountedJobs<BulkJobRequest, { matched: number; changed: number }>(
    workerEntry(__dirname, 'bulk-worker'),
    (why) => new AppError('roster.bulkFailed', `批量修改线程意外中止（${why}），数据库未作任何修改。`),
  );
