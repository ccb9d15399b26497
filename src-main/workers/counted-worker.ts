/** The worker side of a CountedJobs job: opens the database, runs one job with a cancellable count, closes it. */
import type BetterSqlite3 from 'better-sqlite3';
import type { AppError } from '@shared/errors';
import type { CountReport } from './counted-jobs';
import type { Cancellable } from './jobs';
import { serveJobs, withConnection, type JobControl } from './job-worker';

export interface CountedWork<Request, Value> {
  run: (
    raw: BetterSqlite3.Database,
    request: Cancellable<Request & { dbPath: string }>,
    count: (done: number, total?: number) => void,
  ) => Value | Promise<Value>;
  /** The refusal a cancel raises inside the job (it rolls a transaction back). */
  cancelled: () => AppError;
  /** Any other failure, with its message. */
  failed: (message: string) => AppError;
}

/** Reports `done` (at most every 100 ms; a total always), throwing `cancelled()` once the job is cancelled. */
function countedProgress(job: JobControl<CountReport>, cancelled: () => AppError) {
  let last = 0;
  return (done: number, total?: number) => {
    if (job.cancelled()) throw cancelled();
    const now = Date.now();
    if (total === undefined && now - last < 100) return;
    last = now;
    job.progress(total === undefined ? { done } : { done, total });
  };
}

export function serveCountedJobs<Request, Value>(work: CountedWork<Request, Value>): void {
  serveJobs<Request & { dbPath: string }, Value, CountReport>({
    run: (request, job) =>
      withConnection(request.dbPath, (raw) => work.run(raw, request, countedProgress(job, work.cancelled))),
    failed: work.failed,
  });
}
