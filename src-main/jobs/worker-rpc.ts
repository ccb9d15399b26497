/**
 * A long-lived worker thread that answers requests by number, for the workers that need no progress or queue of
 * their own (the snapshot reader, the document renderer; the draw job has both and keeps its own protocol).
 * The worker is started on the first call and kept, unref'd while idle so it never holds the process open; when it
 * dies, every waiting call is refused with the caller's Chinese message and the next call starts a new one.
 */
import { parentPort, type TransferListItem, type Worker } from 'node:worker_threads';
import { AppError, isAppError } from '@shared/errors';

interface RpcRequest<Request> {
  id: number;
  request: Request;
}

type RpcReply<Value> = { id: number; value: Value } | { id: number; code: string; message: string; details?: unknown };

export class WorkerRpc<Request, Value> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: Value): void; reject(error: Error): void }>();

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

  call(request: Request): Promise<Value> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
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
    worker.on('message', (reply: RpcReply<Value>) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
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
    worker.on('exit', (code) => fail(`线程退出(代码 ${code})`));
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
 * AppError it threw — any other error becomes `internal(error)`.
 */
export function serveRequests<Request, Value>(
  handle: (request: Request) => Promise<{ value: Value; transfer?: TransferListItem[] }>,
  internal: (error: unknown) => AppError,
): void {
  const port = parentPort!;
  port.on('message', ({ id, request }: RpcRequest<Request>) => {
    handle(request).then(
      ({ value, transfer }) => port.postMessage({ id, value } satisfies RpcReply<Value>, transfer),
      (error: unknown) => {
        const refusal = isAppError(error) ? error : internal(error);
        port.postMessage({ id, code: refusal.code, message: refusal.message, details: refusal.details } satisfies RpcReply<Value>);
      },
    );
  });
}
