/**
 * Worker-thread side of job.ts: per request, opens the database read-only in spirit (no writes) and writes the package
 * (package.ts), which sees a cancel before its next task.
 */
import { AppError } from '@shared/errors';
import { serveJobs, withConnection } from '../workers/job-worker';
import type { PackageRequest, WorkerProgress } from './job';
import { ANNOUNCEMENT_WRITERS, writePackage, type PackageOutcome } from './package';

serveJobs<PackageRequest, PackageOutcome, WorkerProgress>({
  run: (request, job) =>
    withConnection(request.dbPath, (raw) =>
      writePackage(raw, request.scope, request.out, {
        resourcesDir: request.resourcesDir,
        writers: ANNOUNCEMENT_WRITERS,
        now: new Date(),
        onProgress: job.progress,
        cancelled: job.cancelled,
      }),
    ),
  failed: (message) => new AppError('publish.writeFailed', `生成公示包时出错，未写入任何文件：${message}`),
});
