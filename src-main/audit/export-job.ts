/**
 * The 操作日志 export runs in a worker thread (audit-export-worker.ts) with its own connection: counting and writing a
 * long log must not stall the main process. It reports the total it counted and the rows written; a cancel leaves no
 * file.
 */
import { AppError } from '@shared/errors';
import { CountedJobs, type CountedRequest } from '../workers/counted-jobs';
import { workerEntry } from '../workers/start';
import type { AuditFilter } from './query';

export type AuditExportRequest = CountedRequest & { path: string; filter: AuditFilter };

export const auditExportJobs = () =>
  new CountedJobs<AuditExportRequest, number>(
    workerEntry(__dirname, 'audit-export-worker'),
    (why) => new AppError('audit.exportFailed', `导出操作日志的线程意外中止（${why}），未写入文件。`),
  );
