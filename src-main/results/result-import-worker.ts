/**
 * Worker-thread side of import-job.ts: per request, opens the database, reads and checks the files (preview) or enters
 * the sheets a preview read (confirm), reporting progress at most ten times a second. A raised cancel flag stops it
 * at the next file or sheet; a write then rolls back.
 */
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import type { Cancellable } from '../workers/jobs';
import { serveJobs, withConnection, type JobControl } from '../workers/job-worker';
import { enterResultFiles, readResultFiles } from './import-files';
import { SECOND_READER_FROM, WorkbookReader } from './workbook-reader';
import { packRead, unpackRead, type ImportJobRequest, type ImportStep, type ImportWorkerReply } from './import-job';

/** Progress for one step: throws when the job was cancelled, posts at most every 100 ms and at the end. */
function stepper(job: JobControl<ImportStep>) {
  let lastPost = 0;
  let lastStep = '';
  return (step: ImportStep['step'], total: number) => (done: number) => {
    if (job.cancelled()) throw new AppError('result.importCancelled', '已取消，数据库未作任何修改。');
    const t = Date.now();
    if (done < total && step === lastStep && t - lastPost < 100) return;
    lastPost = t;
    lastStep = step;
    job.progress({ step, done, total });
  };
}

let secondReader: WorkbookReader | null = null;

function readerFor(files: number): WorkbookReader | null {
  if (files < SECOND_READER_FROM) return null;
  secondReader ??= new WorkbookReader();
  return secondReader;
}

function run(request: Cancellable<ImportJobRequest>, job: JobControl<ImportStep>): Promise<ImportWorkerReply> {
  const step = stepper(job);
  const ctx = { actor: () => request.actor, now: () => new Date(request.nowIso) };
  return withConnection(request.dbPath, async (raw) => {
    if (request.kind === 'preview') {
      const onFile = step('read', request.paths.length);
      const secondReader = readerFor(request.paths.length)?.parse;
      const read = await readResultFiles(raw, request.paths, { fileName: basename, onFile, secondReader });
      const onSheet = step('check', read.sheets.length);
      onSheet(0);
      const report = enterResultFiles(raw, ctx, read, { dryRun: true, onSheet });
      return { read: packRead(read), sheets: read.sheets.length, report };
    }
    const read = unpackRead(request.read);
    const onSheet = step('write', read.sheets.length);
    onSheet(0);
    return {
      read: null,
      sheets: read.sheets.length,
      report: enterResultFiles(raw, ctx, read, { dryRun: false, onSheet }),
    };
  });
}

serveJobs<ImportJobRequest, ImportWorkerReply, ImportStep>({
  run,
  failed: (message) => new AppError('result.importFailed', `导入时出错，数据库未作任何修改：${message}`),
  transfer: (value) => (value.read ? [value.read.buffer] : []),
});
