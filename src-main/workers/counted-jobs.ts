/**
 * Long writes that count what they have done (加载示例数据, bulk edits), each in a worker thread with its own connection
 * so the main process never waits on them. A cancel sets a flag shared with the thread, which the worker's progress
 * callback checks (countedProgress) inside its synchronous transaction: the transaction then rolls back.
 */
import { AppError } from '@shared/errors';
import type { JobCount } from '@shared/domain/job-count';
import { startWorker } from './start';
import { WorkerRpc } from './worker-rpc';

export type Counted<Request> = Request & { jobId: string; cancel: SharedArrayBuffer };

export class CountedJobs<Request extends { jobId: string }, Value> {
  private readonly rpc: WorkerRpc<Counted<Request>, Value, number>;
  private readonly jobs = new Map<string, { flag: Int32Array; count: JobCount }>();

  /** `entry`: the worker file (workerEntry); `died(why)`: the refusal when the thread fails. */
  constructor(entry: string, died: (why: string) => AppError) {
    this.rpc = new WorkerRpc(() => startWorker(entry, {}, undefined), died);
  }

  async run(request: Request, total: number): Promise<Value> {
    const cancel = new SharedArrayBuffer(4);
    const job = { flag: new Int32Array(cancel), count: { jobId: request.jobId, running: true, done: 0, total } };
    this.jobs.set(request.jobId, job);
    try {
      return await this.rpc.call({ ...request, cancel }, (done) => {
        job.count = { ...job.count, done };
      });
    } finally {
      this.jobs.delete(request.jobId);
    }
  }

  /** Done so far (running: false once the job has ended, or for an unknown id). */
  progress(jobId: string): JobCount {
    return this.jobs.get(jobId)?.count ?? { jobId, running: false, done: 0, total: 0 };
  }

  /** Whether the job was running (it then stops at its next count and writes nothing). */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (job) Atomics.store(job.flag, 0, 1);
    return job !== undefined;
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

/** The worker side: reports `done` (at most every 100 ms, and the last), throwing `cancelled()` once cancel is raised. */
export function countedProgress(
  cancel: SharedArrayBuffer,
  report: (done: number) => void,
  cancelled: () => AppError,
): (done: number) => void {
  const flag = new Int32Array(cancel);
  let last = 0;
  return (done) => {
    if (Atomics.load(flag, 0) === 1) throw cancelled();
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    report(done);
  };
}
