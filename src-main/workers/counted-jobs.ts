/**
 * Long jobs that count what they have done (加载示例数据, bulk edits, the 操作日志 export): a WorkerJobs job whose
 * progress is records done of a total known at the start. A cancel rolls the write back (countedProgress).
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

export class CountedJobs<Request extends CountedRequest, Value> {
  private readonly jobs: WorkerJobs<Request, Value, number>;
  private readonly counts = new JobProgress({ done: 0, total: 0 });

  /** `entry`: the worker file (workerEntry); `died(why)`: the refusal when the thread fails. */
  constructor(entry: string, died: (why: string) => AppError) {
    this.jobs = new WorkerJobs(entry, died);
  }

  run(request: Request, total: number): Promise<Value> {
    return this.counts.follow(request.jobId, { done: 0, total }, (report) =>
      this.jobs.run(request, (done) => report({ done, total })),
    );
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
