/**
 * 加载示例数据 runs in a worker thread with its own connection (demo-worker.ts): at 30,000 entities it writes for
 * seconds in one synchronous transaction, which must not stall the main process. A cancel sets a flag shared with
 * the thread, seen between entities; the transaction then rolls back and the database stays empty.
 */
import { AppError } from '@shared/errors';
import type { DemoProgress, DemoSummary } from '@shared/ipc/channels/demo';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';

export interface DemoJobRequest {
  jobId: string;
  dbPath: string;
  entities: number;
  actor: string;
  nowIso: string;
}

export type DemoWorkerRequest = DemoJobRequest & { cancel: SharedArrayBuffer };

export class DemoJobs {
  private readonly rpc = new WorkerRpc<DemoWorkerRequest, DemoSummary, number>(
    () => startWorker(workerEntry(__dirname, 'demo-worker'), {}, undefined),
    (why) => new AppError('demo.failed', `示例数据线程意外中止（${why}），数据库未作任何修改。`),
  );
  private readonly jobs = new Map<string, { flag: Int32Array; progress: DemoProgress }>();

  async run(request: DemoJobRequest): Promise<DemoSummary> {
    const cancel = new SharedArrayBuffer(4);
    const job = { flag: new Int32Array(cancel), progress: idle(request.jobId, request.entities) };
    job.progress.running = true;
    this.jobs.set(request.jobId, job);
    try {
      return await this.rpc.call({ ...request, cancel }, (written) => {
        job.progress = { ...job.progress, written };
      });
    } finally {
      this.jobs.delete(request.jobId);
    }
  }

  /** Entities written so far by the job (running: false once it has ended or for an unknown id). */
  progress(jobId: string): DemoProgress {
    return this.jobs.get(jobId)?.progress ?? idle(jobId, 0);
  }

  /** Whether the job was running (it then stops at its next entity and writes nothing). */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (job) Atomics.store(job.flag, 0, 1);
    return job !== undefined;
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

const idle = (jobId: string, total: number): DemoProgress => ({ jobId, running: false, written: 0, total });
