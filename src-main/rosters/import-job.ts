/**
 * The import job: one worker thread per import (preview or confirm), progress events {rowsRead, rowsWritten},
 * cancel. Usable from the CLI, the IPC services and tests under plain Node.
 *
 * Memory: the streaming xlsx reader of a 1,000,000-row file peaks far higher with V8's default young
 * generation (GC churn, see src-main/rosters/readers/index.ts); the worker gets the equivalent of
 * `--max-semi-space-size=64 --max-old-space-size=400` through resourceLimits (a young generation is three
 * semi-spaces in V8: two plus the new large-object space, hence 192).
 *
 * How the worker's TypeScript runs: the Worker is started from a tiny CommonJS bootstrap (`eval: true`, no file
 * to locate) that loads the worker entry. Next to a built bundle the entry is `import-worker.js`; from sources
 * (tsx CLI, vitest, benchmarks) it is `import-worker.ts`, loaded through tsx's CommonJS register API — tsx also
 * honours tsconfig's `@shared/*` path. The desktop build must emit `import-worker.js` beside the main bundle
 * (an extra electron-vite main entry).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RosterKind } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import type { ColumnMapping } from '@shared/import/header';
import type { ImportProblem } from '@shared/import/problems';
import type { ImportProgress, ImportReport } from './import';

export const IMPORT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 192, maxOldGenerationSizeMb: 400 } as const;

export interface ImportJobRequest {
  dbPath: string;
  kind: RosterKind;
  path: string;
  mode: 'preview' | 'confirm';
  mapping?: ColumnMapping;
  /** From the preview, for the confirm pass. */
  rejectRows?: [number, ImportProblem[]][];
  actor: string;
  nowIso: string;
  fileLabel?: string;
}

export type WorkerMessage =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; report: ImportReport; rejectRows: [number, ImportProblem[]][] }
  | { type: 'error'; code: string; message: string; details?: unknown };

export interface ImportJobResult {
  report: ImportReport;
  rejectRows: Map<number, ImportProblem[]>;
}

export interface ImportJob {
  readonly result: Promise<ImportJobResult>;
  /** Latest progress (for polling callers such as the e2e harness). */
  readonly progress: ImportProgress;
  cancel(): void;
  /** The worker's thread id, e.g. to read its resource usage in a benchmark. */
  readonly worker: Worker;
}

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) require('tsx/cjs/api').register();
require(workerData.entry);
`;

/** The built `<name>.js` in `dir` when present, else its TypeScript source (tsx, vitest, benchmarks). */
export function workerEntry(dir: string, name: string): string {
  const built = join(dir, `${name}.js`);
  return existsSync(built) ? built : join(dir, `${name}.ts`);
}

/** A worker running `entry` (a .js file, or a .ts file through tsx), with `workerData.request` = data. */
export function startWorker(
  entry: string,
  request: unknown,
  resourceLimits: NonNullable<ConstructorParameters<typeof Worker>[1]>['resourceLimits'],
): Worker {
  return new Worker(BOOTSTRAP, { eval: true, workerData: { entry, request }, resourceLimits });
}

export function startImportJob(request: ImportJobRequest, onProgress?: (p: ImportProgress) => void): ImportJob {
  const worker = startWorker(workerEntry(__dirname, 'import-worker'), request, IMPORT_WORKER_LIMITS);
  let progress: ImportProgress = { rowsRead: 0, rowsWritten: 0 };
  let cancelled = false;
  const result = new Promise<ImportJobResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        progress = { rowsRead: message.rowsRead, rowsWritten: message.rowsWritten };
        onProgress?.(progress);
      } else if (message.type === 'done') {
        settled = true;
        progress = { rowsRead: message.report.rowsRead, rowsWritten: progress.rowsWritten };
        resolve({ report: message.report, rejectRows: new Map(message.rejectRows) });
        void worker.terminate();
      } else {
        settled = true;
        reject(new AppError(message.code, message.message, message.details));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (settled) return;
      settled = true;
      const outOfMemory = /ERR_WORKER_OUT_OF_MEMORY/.test(String((e as NodeJS.ErrnoException).code ?? e.message));
      reject(
        new AppError(
          outOfMemory ? 'import.outOfMemory' : 'import.crashed',
          outOfMemory ? '导入时内存不足,已中止,数据库未作任何修改。' : `导入意外中止,数据库未作任何修改:${e.message}`,
        ),
      );
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(
        cancelled
          ? new AppError('import.cancelled', '导入已取消。')
          : new AppError('import.crashed', `导入意外中止(代码 ${code}),数据库未作任何修改。`),
      );
    });
  });
  return {
    result,
    get progress() {
      return progress;
    },
    cancel() {
      cancelled = true;
      worker.postMessage({ type: 'cancel' });
    },
    worker,
  };
}
