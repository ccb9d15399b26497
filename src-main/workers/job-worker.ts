/** The worker side of a WorkerJobs job: answers each request with its value, reading the shared cancel flag. */
import type { TransferListItem } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { AppError } from '@shared/errors';
import { withOpenDatabase } from '../db/connection';
import type { Cancellable } from './jobs';
import { serveRequests } from './worker-rpc';

export interface JobControl<Progress> {
  /** Reports to the caller's onProgress. */
  progress: (progress: Progress) => void;
  /** Whether the caller has cancelled the job. */
  cancelled: () => boolean;
}

export interface JobWork<Request, Value, Progress> {
  run: (request: Cancellable<Request>, job: JobControl<Progress>) => Value | Promise<Value>;
  /** Any failure that is not already an AppError, with its message. */
  failed: (message: string) => AppError;
  /** Buffers moved to the caller with the value rather than copied. */
  transfer?: (value: Value) => TransferListItem[];
}

export function serveJobs<Request, Value, Progress>(work: JobWork<Request, Value, Progress>): void {
  serveRequests<Cancellable<Request>, Value, Progress>(
    async (request, progress) => {
      const flag = new Int32Array(request.cancel);
      const value = await work.run(request, { progress, cancelled: () => Atomics.load(flag, 0) === 1 });
      return { value, transfer: work.transfer?.(value) };
    },
    (error) => work.failed((error as Error)?.message ?? String(error)),
  );
}

/** Runs `use` on the thread's own connection to `dbPath`, closed afterwards. */
export const withConnection = <T>(dbPath: string, use: (raw: BetterSqlite3.Database) => T | Promise<T>): Promise<T> =>
  withOpenDatabase(dbPath, { migrate: false }, (conn) => use(conn.raw));
