/**
 * 加载示例数据 runs in a worker thread with its own connection (demo-worker.ts): at 30,000 entities it writes for
 * seconds in one synchronous transaction, which must not stall the main process. A cancel rolls it back.
 */
import { AppError } from '@shared/errors';
import type { DemoSummary } from '@shared/ipc/channels/demo';
import { workerEntry } from '../workers/start';
import { CountedJobs } from '../workers/counted-jobs';

export interface DemoJobRequest {
  jobId: string;
  dbPath: string;
  entities: number;
  actor: string;
  nowIso: string;
}

export const demoJobs = () =>
  new CountedJobs<DemoJobRequest, DemoSummary>(
    workerEntry(__dirname, 'demo-worker'),
    (why) => new AppError('demo.failed', `示例数据线程意外中止（${why}），数据库未作任何修改。`),
  );
