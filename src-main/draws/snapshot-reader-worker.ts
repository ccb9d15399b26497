/**
 * Worker-thread side of snapshot-reader.ts, with its own connection: it hands over its range's snapshot at once (as
 * progress), then writes the range's candidates for C(inputs) while the draw worker writes the other half; the bytes
 * are transferred, not copied.
 */
import type { TransferListItem } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { openDatabase, type DbConnection } from '../db/connection';
import { MMAP_BYTES, readSnapshotRange } from './worker/snapshot-read';
import { candidateRunsOfRow, snapshotPlan, type SnapshotRead } from './worker/snapshot-rows';
import type { SnapshotReaderRequest, SnapshotWritten } from './snapshot-reader';
import { serveRequests } from '../workers/worker-rpc';

const { dbPath } = (workerData as { request: { dbPath: string } }).request;
let connection: DbConnection | null = null;

serveRequests<SnapshotReaderRequest, SnapshotWritten, SnapshotRead>(
  async ({ request, lookups, range }, handOver) => {
    if (!connection) {
      connection = await openDatabase(dbPath, { migrate: false });
      connection.raw.pragma(`mmap_size = ${MMAP_BYTES}`);
    }
    const read = readSnapshotRange(connection.raw, request, lookups, range);
    handOver(read); // the draw worker makes its objects of this half while the bytes are written here
    const runs = candidateRunsOfRow(snapshotPlan(request), lookups, read.row);
    const transfer = new Set<TransferListItem>();
    if (runs)
      for (const views of [runs.bytes, runs.codeStart, runs.codeEnd])
        for (const view of views) transfer.add(view.buffer as ArrayBuffer);
    return { value: { runs }, transfer: [...transfer] };
  },
  (error) => {
    console.error('snapshot reader failed:', error);
    return new AppError('app.internal', `读取检查对象时发生程序内部错误：${(error as Error)?.stack ?? String(error)}`);
  },
);
