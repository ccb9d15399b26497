/**
 * Worker-thread side of export-job.ts: per request, opens the database, reads the sealed draw's sheets and writes
 * them (batch.ts), which sees a cancel after its current entity.
 */
import { getHeapStatistics } from 'node:v8';
import { AppError } from '@shared/errors';
import { serveJobs, withConnection } from '../workers/job-worker';
import { writeSheetBatch, type BatchOutcome } from './batch';
import type { ExportRequest, WorkerProgress } from './export-job';
import { loadSheets } from './load';

serveJobs<ExportRequest, BatchOutcome, WorkerProgress>({
  run: async (request, job) => {
    const draw = await withConnection(request.dbPath, (raw) => loadSheets(raw, request.drawId));
    return writeSheetBatch(draw, request.dir, request.format, {
      cancelled: job.cancelled,
      onProgress: (p) => job.progress({ ...p, heapUsed: getHeapStatistics().used_heap_size }),
    });
  },
  failed: (message) => new AppError('sheets.exportFailed', `导出一户一表时出错，未完成导出：${message}`),
});
