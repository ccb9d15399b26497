/**
 * A 公示包 is written in a worker thread (publish-worker.ts) with its own connection: a year of 50,000 candidates means
 * hashing and writing tens of MB, which must not stall the main process. Started on the first run and kept; a cancel
 * is a second request to the same thread, seen between tasks.
 */
import type { PublishProgress } from '@shared/ipc/channels/publish';
import { AppError } from '@shared/errors';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';
import type { PackageOutcome } from './package';
import type { PublishScope } from './site-data';

export interface PackageRequest {
  kind: 'package';
  jobId: string;
  dbPath: string;
  scope: PublishScope;
  out: string;
  resourcesDir: string;
}

export type PublishWorkerRequest = PackageRequest | { kind: 'cancel'; jobId: string };
export type PublishWorkerReply = ({ kind: 'package' } & PackageOutcome) | { kind: 'cancel'; cancelled: boolean };
export type WorkerProgress = Omit<PublishProgress, 'jobId' | 'running'>;

export class PublishJobs {
  private readonly rpc = new WorkerRpc<PublishWorkerRequest, PublishWorkerReply, WorkerProgress>(
    () => startWorker(workerEntry(__dirname, 'publish-worker'), {}, { maxOldGenerationSizeMb: 1024 }),
    (why) => new AppError('publish.writeFailed', `生成公示包的线程意外中止（${why}），未写入任何文件。`),
  );

  async run(request: Omit<PackageRequest, 'kind'>, onProgress: (p: WorkerProgress) => void): Promise<PackageOutcome> {
    const reply = await this.rpc.call({ kind: 'package', ...request }, onProgress);
    if (reply.kind !== 'package') throw new AppError('app.internal', '公示包线程的回复不正确。');
    const { kind: _kind, ...outcome } = reply;
    return outcome;
  }

  async cancel(jobId: string): Promise<boolean> {
    const reply = await this.rpc.call({ kind: 'cancel', jobId });
    return reply.kind === 'cancel' && reply.cancelled;
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
