/**
 * The second reader of a city-scale 准备 (task-scope.readCandidates): a worker thread with a connection of its own
 * that reads the upper half of the roster's ids while the draw worker reads the lower half, so the ~1 s of SQLite
 * scanning a million rows is shared by two cores. Started with the draw worker (a snapshot must not wait for a
 * thread to start) and loaded like the other workers (import-job.ts: snapshot-reader-worker.js next to the bundle,
 * or the .ts file through tsx).
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import type { ScopeRequest, SnapshotLookups, SnapshotRange, SnapshotRow } from '../services/task-scope';
import { startWorker, workerEntry } from './import-job';

export interface SnapshotReaderMessage {
  id: number;
  request: ScopeRequest;
  lookups: SnapshotLookups;
  range: SnapshotRange;
}

export type SnapshotReaderReply = { id: number; row: SnapshotRow } | { id: number; code: string; message: string };

export class SnapshotReader {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(row: SnapshotRow): void; reject(error: Error): void }>();

  constructor(dbPath: string) {
    this.worker = startWorker(workerEntry(__dirname, 'snapshot-reader-worker'), { dbPath }, undefined);
    this.worker.unref();
    this.worker.on('message', (reply: SnapshotReaderReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('row' in reply) pending.resolve(reply.row);
      else pending.reject(new AppError(reply.code, reply.message));
    });
    const fail = (why: string) => {
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(new AppError('draw.workerFailed', `读取检查对象的线程意外中止,本步骤未保存任何内容:${why}`));
      }
    };
    this.worker.on('error', (error) => fail(error.message));
    this.worker.on('exit', (code) => fail(`线程退出(代码 ${code})`));
  }

  /** task-scope.ReadSnapshotElsewhere. */
  read = (request: ScopeRequest, lookups: SnapshotLookups, range: SnapshotRange): Promise<SnapshotRow> =>
    new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      const message: SnapshotReaderMessage = { id, request, lookups, range };
      this.worker.postMessage(message);
    });

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
