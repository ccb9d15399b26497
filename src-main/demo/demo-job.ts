/**
 * 加载示例数据 runs in a worker thread with its own connection (demo-worker.ts): at 30,000 entities it writes for
 * seconds in one synchronous transaction, which must not stall the main process. A cancel rolls it back.
 */
import { AppError } from '@shared/errors';
import type { DemoSummary } from '@shared/ipc/channels/demo';
import { workerEntry } from '../workers/start';
import { CountedJobs, type CountedRequest } from '../workers/counted-jobs';

export type DemoJobRequest = CountedRequest & { entities: number; actor: string };

export const demoJobs = () =>
  new CountedJobs<DemoJobRequest, DemoSummary>(
    workerEntry(__dirname, 'demo-worker'),
    (why) => new AppError('demo.failed', `示例数据线程意外中止（${why}），数据库未作任何修改。`),
  );
