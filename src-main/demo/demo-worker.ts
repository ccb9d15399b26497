/** Worker-thread side of demo-job.ts: loads the demo county, reporting entities written. */
import { AppError } from '@shared/errors';
import { serveCountedJobs } from '../workers/counted-worker';
import { loadDemoData } from './demo-data';
import type { DemoJobRequest } from './demo-job';

serveCountedJobs({
  run: (raw, { entities, actor, nowIso }: DemoJobRequest, onProgress) =>
    loadDemoData(raw, { entities, actor, now: new Date(nowIso), onProgress }),
  cancelled: () => new AppError('demo.cancelled', '已取消，数据库未作任何修改。'),
  failed: (message) => new AppError('demo.failed', `加载示例数据时出错，数据库未作任何修改：${message}`),
});
