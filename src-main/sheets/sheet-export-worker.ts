/**
 * Worker-thread side of export-job.ts: per request, opens the database, reads the sealed draw's sheets and writes
 * them (batch.ts). A cancel request marks its job; the export sees the mark after its current entity.
 */
import { getHeapStatistics } from 'node:v8';
import { AppError } from '@shared/errors';
import { openDatabase } from '../db/connection';
import { serveRequests } from '../workers/worker-rpc';
import { writeSheetBatch } from './batch';
import type { ExportRequest, SheetWorkerReply, SheetWorkerRequest, WorkerProgress } from './export-job';
import { loadSheets } from './load';

const running = new Set<string>();
const cancelled = new Set<string>();

async function readDraw(dbPath: string, drawId: number) {
  const conn = await openDatabase(dbPath, { migrate: false });
  try {
    return loadSheets(conn.raw, drawId);
  } finally {
    await conn.close();
  }
}

async function exportDraw(request: ExportRequest, progress: (p: WorkerProgress) => void): Promise<SheetWorkerReply> {
  running.add(request.jobId);
  try {
    const draw = await readDraw(request.dbPath, request.drawId);
    const outcome = await writeSheetBatch(draw, request.dir, request.format, {
      cancelled: () => cancelled.has(request.jobId),
      onProgress: (p) => progress({ ...p, heapUsed: getHeapStatistics().used_heap_size }),
    });
    return { kind: 'export', ...outcome };
  } finally {
    running.delete(request.jobId);
    cancelled.delete(request.jobId);
  }
}

serveRequests<SheetWorkerRequest, SheetWorkerReply, WorkerProgress>(
  async (request, progress) => {
    if (request.kind === 'cancel') {
      const known = running.has(request.jobId);
      if (known) cancelled.add(request.jobId);
      return { value: { kind: 'cancel', cancelled: known } };
    }
    return { value: await exportDraw(request, progress) };
  },
  (error) =>
    new AppError(
      'sheets.exportFailed',
      `导出一户一表时出错，未完成导出：${(error as Error)?.message ?? String(error)}`,
    ),
);
