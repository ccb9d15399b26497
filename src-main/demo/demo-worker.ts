/** Worker-thread side of demo-job.ts: opens the database and loads the demo county, reporting entities written. */
import { AppError } from '@shared/errors';
import type { DemoSummary } from '@shared/ipc/channels/demo';
import { openDatabase } from '../db/connection';
import { serveRequests } from '../workers/worker-rpc';
import { loadDemoData } from './demo-data';
import type { DemoWorkerRequest } from './demo-job';

serveRequests<DemoWorkerRequest, DemoSummary, number>(
  async (request, progress) => {
    const flag = new Int32Array(request.cancel);
    const conn = await openDatabase(request.dbPath, { migrate: false });
    try {
      const value = loadDemoData(conn.raw, {
        entities: request.entities,
        actor: request.actor,
        now: new Date(request.nowIso),
        onProgress: (written) => {
          if (Atomics.load(flag, 0) === 1) throw new AppError('demo.cancelled', '已取消，数据库未作任何修改。');
          progress(written);
        },
      });
      return { value };
    } finally {
      await conn.close();
    }
  },
  (error) =>
    new AppError(
      'demo.failed',
      `加载示例数据时出错，数据库未作任何修改：${(error as Error)?.message ?? String(error)}`,
    ),
);
