/**
 * The draw's long steps (准备, 揭晓, 封存, 递补) off the main thread, one at a time, in one long-lived worker per open
 * database: the snapshot 准备 froze stays in its memory to 揭晓, so nothing is read or encoded twice. It is unref'd while
 * idle so it never keeps a CLI process alive.
 */
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { StepTimings } from './worker/step-context';
import { startWorker, workerEntry } from '../workers/start';
import { WorkerRpc } from '../workers/worker-rpc';

export type DrawJobRequest =
  | { op: 'prepare'; taskId: number }
  | { op: 'reveal'; drawId: number }
  | { op: 'seal'; drawId: number }
  | { op: 'roster-dates'; drawId: number }
  | ({ op: 'amend' } & ParsedReq<'draws:amend'>);

export interface DrawJobMessage {
  request: DrawJobRequest;
  actor: string;
  nowIso: string;
}

export interface StepProgress {
  label: string;
  done: number;
  total: number;
}

export type StepResult = { drawId?: number; timings: StepTimings };

export class DrawJobs {
  private readonly rpc: WorkerRpc<DrawJobMessage, StepResult, StepProgress>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dbPath: string) {
    // No resource limits: a city-scale snapshot needs the default old-space of a worker (like the main thread's).
    this.rpc = new WorkerRpc<DrawJobMessage, StepResult, StepProgress>(
      () => startWorker(workerEntry(__dirname, 'draw-worker'), { dbPath }, undefined),
      (why) => new AppError('draw.workerFailed', `抽取计算意外中止，本步骤未保存任何内容：${why}`),
    );
  }

  /** Runs one step in the worker after the steps already queued. Rejects with the step's AppError. */
  run(
    request: DrawJobRequest,
    meta: { actor: string; now: Date },
    onProgress?: (progress: StepProgress) => void,
  ): Promise<StepResult> {
    const result = this.queue.then(() =>
      this.rpc.call({ request, actor: meta.actor, nowIso: meta.now.toISOString() }, onProgress),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every queued step has finished (successfully or not). */
  async settle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  /** Ends the worker (its connection closes with it) once the queued steps are done. */
  async close(): Promise<void> {
    await this.settle();
    await this.rpc.close();
  }
}
