/**
 * Long jobs that count what they have done (加载示例数据, bulk edits, the 操作日志 export): a WorkerJobs job whose
 * progress is records done of a total known at the start, or counted by the job itself in its thread (the 操作日志
 * export: counting millions of rows must not stall the main process). A cancel rolls the write back (countedProgress).
 */
import type { AppError } from '@shared/errors';
import type { JobCount } from '@shared/domain/job-count';
import { JobProgress, WorkerJobs } from './jobs';

/** What every counted job is asked with: its id, the database file its thread opens, and the time it writes at. */
export interface CountedRequest {
  jobId: string;
  dbPath: string;
  nowIso: string;
}

/** What a counted job's thread reports: records done, and once the total when the job counts it itself. */
export interface CountReport {
  done: number;
  total?: number;
}

export class CountedJobs<Request extends CountedRequest, Value> {
  private readonly jobs: WorkerJobs<Request, Value, CountReport>;
  private readonly counts = new JobProgress({ done: 0, total: 0 });

  /** `entry`: the worker file (workerEntry); `died(why)`: the refusal when the thread fails. */
  constructor(entry: string, died: (why: string) => AppError) {
    this.jobs = new WorkerJobs(entry, died);
  }

  /** `total`: known at the start, or 0 until the job reports the one it counted. */
  run(request: Request, total = 0): Promise<Value> {
    return this.counts.follow(request.jobId, { done: 0, total }, (report) => {
      let known = total;
      return this.jobs.run(request, (p) => {
        known = p.total ?? known;
        report({ done: p.done, total: known });
      });
    });
  }

  /** Done so far (running: false once the job has ended, or for an unknown id). */
  progress(jobId: string): JobCount {
    return this.counts.get(jobId);
  }

  /** Whether the job was running (it then stops at its next count and writes nothing). */
  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  close(): Promise<void> {
    return this.jobs.close();
  }
}
