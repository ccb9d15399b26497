/**
 * The draw's long steps (准备, 揭晓, 封存, 递补) off the main thread: one long-lived worker per open database, started
 * on first use, running src-main/services/draw-steps.ts over its own connection. It stays alive between steps on
 * purpose: the snapshot 准备 froze (at city scale ~1,000,000 candidate objects and their encoded bytes) is still in
 * its memory at 揭晓, so nothing is read or encoded twice. Steps run one at a time, in call order.
 *
 * The worker is loaded like the import job's (import-job.ts: a tiny CommonJS bootstrap that requires the built
 * draw-worker.js next to the main bundle, or the TypeScript source through tsx under tests, the CLI and benchmarks).
 * It is unref'd while idle so an idle worker never keeps a CLI process alive, and ref'd while a step runs.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import type { StepTimings } from '../services/draw-steps';
import { startWorker, workerEntry } from './import-job';

export type DrawJobRequest =
  | { op: 'prepare'; taskId: number }
  | { op: 'reveal'; drawId: number }
  | { op: 'seal'; drawId: number }
  | { op: 'roster-dates'; drawId: number }
  | { op: 'amend'; drawId: number; packageNo: number; out: string; reason: string };

export interface DrawJobMessage {
  id: number;
  request: DrawJobRequest;
  actor: string;
  nowIso: string;
}

export type DrawWorkerReply =
  | { id: number; type: 'progress'; label: string; done: number; total: number }
  | { id: number; type: 'done'; value: { drawId?: number; timings: StepTimings } }
  | { id: number; type: 'error'; code: string; message: string; details?: unknown };

export interface StepProgress {
  label: string;
  done: number;
  total: number;
}

interface Pending {
  resolve(value: { drawId?: number; timings: StepTimings }): void;
  reject(error: Error): void;
  onProgress?: (progress: StepProgress) => void;
}

export class DrawJobs {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dbPath: string) {}

  /** Runs one step in the worker after the steps already queued. Rejects with the step's AppError. */
  run(request: DrawJobRequest, meta: { actor: string; now: Date }, onProgress?: (progress: StepProgress) => void) {
    const result = this.queue.then(() => this.send(request, meta, onProgress));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private send(request: DrawJobRequest, meta: { actor: string; now: Date }, onProgress?: (progress: StepProgress) => void) {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<{ drawId?: number; timings: StepTimings }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      worker.ref();
      const message: DrawJobMessage = { id, request, actor: meta.actor, nowIso: meta.now.toISOString() };
      worker.postMessage(message);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // No resource limits: a city-scale snapshot needs the default old-space of a worker (like the main thread's).
    const worker = startWorker(workerEntry(__dirname, 'draw-worker'), { dbPath: this.dbPath }, undefined);
    worker.unref();
    worker.on('message', (reply: DrawWorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if (reply.type === 'progress') {
        pending.onProgress?.({ label: reply.label, done: reply.done, total: reply.total });
        return;
      }
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.type === 'done') pending.resolve(reply.value);
      else pending.reject(new AppError(reply.code, reply.message, reply.details));
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(new AppError('draw.workerFailed', `抽取计算意外中止,本步骤未保存任何内容:${why}`));
      }
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`线程退出(代码 ${code})`));
    this.worker = worker;
    return worker;
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
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
