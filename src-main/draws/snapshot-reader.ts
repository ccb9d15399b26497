/**
 * The second reader of a city-scale 准备: a worker thread with its own connection reads the upper half of the roster's
 * ids while the draw worker reads the lower half, sharing SQLite's scan between two cores. Started when the draw worker
 * opens a city-scale database, so a snapshot never waits for a thread to start.
 */
import { AppError } from '@shared/errors';
import type { CandidateRuns } from '@shared/draw';
import type { ScopeRequest } from './scope';
import type { SnapshotLookups, SnapshotRange, SnapshotRead } from './worker/snapshot-rows';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';

export interface SnapshotReaderRequest {
  request: ScopeRequest;
  lookups: SnapshotLookups;
  range: SnapshotRange;
}

/** The reply, after the row (sent ahead as progress): its candidates written for C(inputs). */
export interface SnapshotWritten {
  runs: CandidateRuns | null;
}

export class SnapshotReader {
  private readonly rpc: WorkerRpc<SnapshotReaderRequest, SnapshotWritten, SnapshotRead>;

  constructor(dbPath: string) {
    this.rpc = new WorkerRpc<SnapshotReaderRequest, SnapshotWritten, SnapshotRead>(
      () => startWorker(workerEntry(__dirname, 'snapshot-reader-worker'), { dbPath }, undefined),
      (why) => new AppError('draw.workerFailed', `读取检查对象的线程意外中止，本步骤未保存任何内容：${why}`),
    );
  }

  /** Starts the thread now instead of on the first read. */
  warm(): void {
    this.rpc.warm();
  }

  /**
   * task-scope.ReadSnapshotElsewhere: resolves with the row as soon as it is read, its `runs` once they are written;
   * a refusal before the row (or a thread that dies) rejects it.
   */
  read = (request: ScopeRequest, lookups: SnapshotLookups, range: SnapshotRange): Promise<SnapshotRead> => {
    let handOver!: (read: SnapshotRead) => void;
    const row = new Promise<SnapshotRead>((resolve) => (handOver = resolve));
    const done = this.rpc.call({ request, lookups, range }, (read) => handOver({ ...read, runs }));
    const runs = done.then((written) => written.runs);
    runs.catch(() => undefined); // its failure reaches whoever awaits the row or the runs
    const noRow = done.then((): never => {
      throw new AppError('app.internal', '读取检查对象的线程没有送回读取结果。');
    });
    return Promise.race([row, noRow]);
  };

  close(): Promise<void> {
    return this.rpc.close();
  }
}
