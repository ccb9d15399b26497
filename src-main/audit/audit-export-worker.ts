/**
 * Worker-thread side of export-job.ts: counts the matching rows for the page's total, then writes them, counting
 * them; a cancel removes the temp file.
 */
import { AppError } from '@shared/errors';
import { serveCountedJobs } from '../workers/counted-worker';
import type { AuditExportRequest } from './export-job';
import { writeAuditXlsx } from './export';
import { auditCount } from './query';

serveCountedJobs({
  run: (raw, request: AuditExportRequest, count) => {
    count(0, auditCount(raw, request.filter));
    return writeAuditXlsx(raw, request.path, request.filter, new Date(request.nowIso), count);
  },
  cancelled: () => new AppError('audit.exportCancelled', '已取消导出，未写入文件。'),
  failed: (message) => new AppError('audit.exportFailed', `导出操作日志时出错，未写入文件：${message}`),
});
