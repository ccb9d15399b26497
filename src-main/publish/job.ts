/**
 * A 公示包 is written in a worker thread (publish-worker.ts) with its own connection: a year of 50,000 candidates means
 * hashing and writing tens of MB, which must not stall the main process. A cancel is seen between tasks.
 */
import type { PublishProgress } from '@shared/ipc/channels/publish';
import { AppError } from '@shared/errors';
import { workerEntry } from '../workers/start';
import { WorkerJobs } from '../workers/jobs';
import type { PackageOutcome } from './package';
import type { PublishScope } from './site-data';

export interface PackageRequest {
  jobId: string;
  dbPath: string;
  scope: PublishScope;
  out: string;
  resourcesDir: string;
}

export type WorkerProgress = Omit<PublishProgress, 'jobId' | 'running'>;

export class PublishJobs extends WorkerJobs<PackageRequest, PackageOutcome, WorkerProgress> {
  constructor() {
    super(
      workerEntry(__dirname, 'publish-worker'),
      (why) => new AppError('publish.writeFailed', `生成公示包的线程意外中止（${why}），未写入任何文件。`),
      1024,
    );
  }
}
