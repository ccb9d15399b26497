/**
 * Worker-thread side of import-job.ts: per request, opens the database, reads and checks the files (preview) or enters
 * the sheets a preview read (confirm), reporting progress at most ten times a second. A raised cancel flag stops it
 * at the next file or sheet; a write then rolls back.
 */
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import { openDatabase } from '../db/connection';
import { serveRequests } from '../workers/worker-rpc';
import { enterResultFiles, readResultFiles } from './import-files';
import { SECOND_READER_FROM, WorkbookReader } from './workbook-reader';
import { packRead, unpackRead, type ImportStep, type ImportWorkerReply, type ImportWorkerRequest } from './import-job';

/** Progress for one step: throws when the job was cancelled, posts at most every 100 ms and at the end. */
function stepper(request: ImportWorkerRequest, progress: (p: ImportStep) => void) {
  const flag = new Int32Array(request.cancel);
  let lastPost = 0;
  let lastStep = '';
  return (step: ImportStep['step'], total: number) => (done: number) => {
    if (Atomics.load(flag, 0) === 1) throw new AppError('result.importCancelled', '已取消，数据库未作任何修改。');
    const t = Date.now();
    if (done < total && step === lastStep && t - lastPost < 100) return;
    lastPost = t;
    lastStep = step;
    progress({ step, done, total });
  };
}

let secondReader: WorkbookReader | null = null;

function readerFor(files: number): WorkbookReader | null {
  if (files < SECOND_READER_FROM) return null;
  secondReader ??= new WorkbookReader();
  return secondReader;
}

async function run(request: ImportWorkerRequest, progress: (p: ImportStep) => void): Promise<ImportWorkerReply> {
  const step = stepper(request, progress);
  const conn = await openDatabase(request.dbPath, { migrate: false });
  const ctx = { actor: () => request.actor, now: () => new Date(request.nowIso) };
  try {
    if (request.kind === 'preview') {
      const onFile = step('read', request.paths.length);
      const secondReader = readerFor(request.paths.length)?.parse;
      const read = await readResultFiles(conn.raw, request.paths, { fileName: basename, onFile, secondReader });
      const onSheet = step('check', read.sheets.length);
      onSheet(0);
      const report = enterResultFiles(conn.raw, ctx, read, { dryRun: true, onSheet });
      return { read: packRead(read), sheets: read.sheets.length, report };
    }
    const read = unpackRead(request.read);
    const onSheet = step('write', read.sheets.length);
    onSheet(0);
    return {
      read: null,
      sheets: read.sheets.length,
      report: enterResultFiles(conn.raw, ctx, read, { dryRun: false, onSheet }),
    };
  } finally {
    await conn.close();
  }
}

serveRequests<ImportWorkerRequest, ImportWorkerReply, ImportStep>(
  async (request, progress) => {
    const value = await run(request, progress);
    return { value, transfer: value.read ? [value.read.buffer] : [] };
  },
  (error) =>
    new AppError(
      'result.importFailed',
      `导入时出错，数据库未作任何修改：${(error as Error)?.message ?? String(error)}`,
    ),
);
