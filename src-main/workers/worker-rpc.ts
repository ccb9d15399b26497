/**
 * A long-lived worker thread that answers numbered requests, with progress. Started on the first call and unref'd while
 * idle, so it never holds the process open; when it dies, waiting calls are refused with the caller's Chinese message
 * and the next call starts a new one.
 */
import { parentPort, type TransferListItem, type Worker } from 'node:worker_threads';
import { AppError, isAppError, type ErrorCode } from '@shared/errors';

interface RpcRequest<Request> {
  id: number;
  request: Request;
}

type RpcReply<Value, Progress> =
  | { id: number; value: Value }
  | { id: number; progress: Progress }
  | { id: number; code: ErrorCode; message: string; details?: unknown };

interface Pending<Value, Progress> {
  resolve(value: Value): void;
  reject(error: Error): void;
  onProgress?: (progress: Progress) => void;
}

export class WorkerRpc<Request, Value, Progress = never> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Value, Progress>>();

  /** `died(why)`: the refusal for calls waiting when the thread failed or exited. */
  constructor(
    private readonly start: () => Worker,
    private readonly died: (why: string) => AppError,
  ) {}

  /** Starts the worker now rather than on the first call (when a call must not wait for it). */
  warm(): this {
    this.ensureWorker();
    return this;
  }

  call(request: Request, onProgress?: (progress: Progress) => void): Promise<Value> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      worker.ref();
      try {
        worker.postMessage({ id, request } satisfies RpcRequest<Request>);
      } catch (error) {
        // Not sent (e.g. a value that cannot be cloned): nothing waits for a reply, and the thread may idle again.
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
        reject(error as Error);
      }
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.unref();
    worker.on('message', (reply: RpcReply<Value, Progress>) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if ('progress' in reply) {
        pending.onProgress?.(reply.progress);
        return;
      }
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('value' in reply) pending.resolve(reply.value);
      else pending.reject(new AppError(reply.code, reply.message, reply.details));
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(this.died(why));
      }
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`线程退出（代码 ${code}）`));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/**
 * The worker side: answers each request with `handle`'s value (and the buffers to transfer with it), or with the
 * AppError it threw — any other error becomes `internal(error)`. `progress` reports to the caller's onProgress.
 */
export function serveRequests<Request, Value, Progress = never>(
  handle: (
    request: Request,
    progress: (progress: Progress) => void,
  ) => Promise<{ value: Value; transfer?: TransferListItem[] }>,
  internal: (error: unknown) => AppError,
): void {
  const port = parentPort!;
  port.on('message', ({ id, request }: RpcRequest<Request>) => {
    const progress = (report: Progress) =>
      port.postMessage({ id, progress: report } satisfies RpcReply<Value, Progress>);
    // Promise.resolve().then: a handler that throws before its first await is refused like one that rejects.
    Promise.resolve()
      .then(() => handle(request, progress))
      .then(
        ({ value, transfer }) => port.postMessage({ id, value } satisfies RpcReply<Value, Progress>, transfer),
        (error: unknown) => {
          const refusal = isAppError(error) ? error : internal(error);
          port.postMessage({
            id,
            code: refusal.code,
            message: refusal.message,
            details: refusal.details,
          } satisfies RpcReply<Value, Progress>);
        },
      );
  });
}
