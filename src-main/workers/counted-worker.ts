/** The worker side of a CountedJobs job: opens the database, runs one write with a cancellable count, closes it. */
import type BetterSqlite3 from 'better-sqlite3';
import type { AppError } from '@shared/errors';
import { openDatabase } from '../db/connection';
import { countedProgress, type Counted } from './counted-jobs';
import { serveRequests } from './worker-rpc';

export interface CountedWork<Request, Value> {
  run: (
    raw: BetterSqlite3.Database,
    request: Counted<Request & { dbPath: string }>,
    count: (done: number) => void,
  ) => Value;
  /** The refusal a cancel raises inside the write (it rolls the transaction back). */
  cancelled: () => AppError;
  /** Any other failure, with its message. */
  failed: (message: string) => AppError;
}

export function serveCountedJobs<Request, Value>(work: CountedWork<Request, Value>): void {
  serveRequests<Counted<Request & { dbPath: string }>, Value, number>(
    async (request, progress) => {
      const conn = await openDatabase(request.dbPath, { migrate: false });
      try {
        return { value: work.run(conn.raw, request, countedProgress(request.cancel, progress, work.cancelled)) };
      } finally {
        await conn.close();
      }
    },
    (error) => work.failed((error as Error)?.message ?? String(error)),
  );
}
