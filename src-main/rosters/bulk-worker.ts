/** Worker-thread side of bulk-job.ts: applies one bulk edit, reporting records looked at. */
import { AppError } from '@shared/errors';
import { serveCountedJobs } from '../workers/counted-worker';
import type { BulkJobRequest } from './bulk-job';
import { bulkUpdate } from './bulk-update';

serveCountedJobs({
  run: (raw, request: BulkJobRequest, onProgress) => {
    const ctx = { actor: () => request.actor, now: () => new Date(request.nowIso) };
    return bulkUpdate(raw, ctx, request.bulk, onProgress);
  },
  cancelled: () => new AppError('roster.bulkCancelled', '已取消，没有修改任何记录。'),
  failed: (message) => new AppError('roster.bulkFailed', `批量修改时出错，没有修改任何记录：${message}`),
});
