/**
 * A long job in a worker thread with its own connection, so the main process never waits on it: the 公示包, a draw's
 * 一户一表, the results import, the 操作日志 export, the counted writes. A cancel sets a flag shared with the thread,
 * seen even inside a synchronous transaction (where no message could arrive); the job then stops and writes nothing.
 */
import { AppError } from '@shared/errors';
import { startWorker } from './start';
import { WorkerRpc } from './worker-rpc';

/** What the thread receives: the request, and the cancel flag it reads. */
export type Cancellable<Request> = Request & { jobId: string; cancel: SharedArrayBuffer };

export class WorkerJobs<Request extends { jobId: string }, Value, Progress> {
  private readonly rpc: WorkerRpc<Cancellable<Request>, Value, Progress>;
  private readonly flags = new Map<string, Int32Array>();

  /** `entry`: the worker file (workerEntry); `died(why)`: the refusal when the thread fails; `heapMb`: its cap. */
  constructor(entry: string, died: (why: string) => AppError, heapMb?: number) {
    const limits = heapMb === undefined ? undefined : { maxOldGenerationSizeMb: heapMb };
    this.rpc = new WorkerRpc(() => startWorker(entry, {}, limits), died);
  }

  async run(request: Request, onProgress?: (progress: Progress) => void): Promise<Value> {
    const cancel = new SharedArrayBuffer(4);
    this.flags.set(request.jobId, new Int32Array(cancel));
    try {
      return await this.rpc.call({ ...request, cancel }, onProgress);
    } finally {
      this.flags.delete(request.jobId);
    }
  }

  /** Whether the job was running (it then stops at its next check). */
  cancel(jobId: string): boolean {
    const flag = this.flags.get(jobId);
    if (flag) Atomics.store(flag, 0, 1);
    return flag !== undefined;
  }

  /** Ends the thread, a job under way included (its transaction is never committed). */
  close(): Promise<void> {
    return this.rpc.close();
  }
}

export type Tracked<Progress> = Progress & { jobId: string; running: boolean };

/** The latest progress of the last few jobs, by job id, for the page that polls it. */
export class JobProgress<Progress extends object> {
  private readonly seen = new Map<string, Tracked<Progress>>();

  /** `idle`: what an unknown job id reads. */
  constructor(private readonly idle: Progress) {}

  get(jobId: string): Tracked<Progress> {
    return this.seen.get(jobId) ?? { ...this.idle, jobId, running: false };
  }

  /** Whether a job is running now (for workflows that run one at a time). */
  busy(): boolean {
    return [...this.seen.values()].some((p) => p.running);
  }

  /** Runs `job`, showing `first` until it reports, then its latest progress; not running once it has ended. */
  async follow<Value>(jobId: string, first: Progress, job: (report: (p: Progress) => void) => Promise<Value>) {
    this.set(jobId, first, true);
    try {
      return await job((p) => this.set(jobId, p, true));
    } finally {
      this.set(jobId, this.seen.get(jobId) ?? first, false);
    }
  }

  private set(jobId: string, p: Progress, running: boolean) {
    this.seen.delete(jobId);
    this.seen.set(jobId, { ...p, jobId, running });
    while (this.seen.size > 20) this.seen.delete(this.seen.keys().next().value!);
  }
}
