/**
 * Worker-thread side of the import job (import-job.ts), with its own connection: the main thread only relays progress.
 * A cancel aborts the reading and rolls back; a crash leaves the transaction uncommitted, which SQLite discards.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '@shared/errors';
import { openDatabase } from '../db/connection';
import { confirmImport, previewImport } from './import';
import type { ImportJobRequest, WorkerMessage } from './import-job';

const port = parentPort!;
const request = (workerData as { request: ImportJobRequest }).request;
const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

const post = (message: WorkerMessage) => port.postMessage(message);

async function main(): Promise<void> {
  const conn = await openDatabase(request.dbPath, { migrate: false, readonly: request.mode === 'preview' });
  // A bigger page cache for the one long write transaction (indexes and search tables of up to 1M rows).
  conn.raw.pragma('cache_size = -32000');
  let lastPost = 0;
  const base = {
    kind: request.kind,
    path: request.path,
    mapping: request.mapping,
    actor: request.actor,
    now: new Date(request.nowIso),
    fileLabel: request.fileLabel,
    signal: controller.signal,
    onProgress: (progress: { rowsRead: number; rowsWritten: number }) => {
      const t = Date.now();
      if (t - lastPost < 100) return; // at most 10 events a second: the UI needs no more
      lastPost = t;
      post({ type: 'progress', ...progress });
    },
  };
  try {
    if (request.mode === 'preview') {
      const { report, rejectRows } = await previewImport(conn.raw, base);
      post({ type: 'done', report, rejectRows: [...rejectRows] });
    } else {
      const report = await confirmImport(conn.raw, {
        ...base,
        rejectRows: request.rejectRows ? new Map(request.rejectRows) : undefined,
        valueChoices: request.valueChoices,
      });
      post({ type: 'done', report, rejectRows: [] });
    }
  } finally {
    await conn.close();
  }
}

main().catch((e: unknown) => {
  if (isAppError(e)) post({ type: 'error', code: e.code, message: e.message, details: e.details });
  else
    post({
      type: 'error',
      code: 'app.internal',
      message: `导入时发生程序内部错误：${(e as Error)?.stack ?? String(e)}`,
    });
});
