/** Worker-thread side of snapshot-reader.ts: its own connection, one readSnapshotRange per request. */
import { workerData } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { openDatabase, type DbConnection } from '../db/connection';
import { MMAP_BYTES, readSnapshotRange, type SnapshotRead } from '../services/task-scope';
import type { SnapshotReaderRequest } from './snapshot-reader';
import { serveRequests } from './worker-rpc';

const { dbPath } = (workerData as { request: { dbPath: string } }).request;
let connection: DbConnection | null = null;

serveRequests<SnapshotReaderRequest, SnapshotRead>(
  async ({ request, lookups, range }) => {
    if (!connection) {
      connection = await openDatabase(dbPath, { migrate: false });
      connection.raw.pragma(`mmap_size = ${MMAP_BYTES}`);
    }
    return { value: readSnapshotRange(connection.raw, request, lookups, range) };
  },
  (error) => new AppError('internal', `读取检查对象时发生程序内部错误:${(error as Error)?.stack ?? String(error)}`),
);
