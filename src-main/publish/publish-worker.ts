/**
 * Worker-thread side of job.ts: per request, opens the database read-only in spirit (no writes) and writes the package
 * (package.ts). A cancel request marks its job; the package sees the mark before its next task.
 */
import { AppError } from '@shared/errors';
import { openDatabase } from '../db/connection';
import { serveRequests } from '../workers/worker-rpc';
import type { PackageRequest, PublishWorkerReply, PublishWorkerRequest, WorkerProgress } from './job';
import { ANNOUNCEMENT_WRITERS, writePackage } from './package';

const running = new Set<string>();
const cancelled = new Set<string>();

async function makePackage(
  request: PackageRequest,
  progress: (p: WorkerProgress) => void,
): Promise<PublishWorkerReply> {
  running.add(request.jobId);
  const conn = await openDatabase(request.dbPath, { migrate: false });
  try {
    const outcome = await writePackage(conn.raw, request.scope, request.out, {
      resourcesDir: request.resourcesDir,
      writers: ANNOUNCEMENT_WRITERS,
      now: new Date(),
      onProgress: progress,
      cancelled: () => cancelled.has(request.jobId),
    });
    return { kind: 'package', ...outcome };
  } finally {
    await conn.close();
    running.delete(request.jobId);
    cancelled.delete(request.jobId);
  }
}

serveRequests<PublishWorkerRequest, PublishWorkerReply, WorkerProgress>(
  async (request, progress) => {
    if (request.kind === 'cancel') {
      const known = running.has(request.jobId);
      if (known) cancelled.add(request.jobId);
      return { value: { kind: 'cancel', cancelled: known } };
    }
    return { value: await makePackage(request, progress) };
  },
  (error) =>
    new AppError(
      'publish.writeFailed',
      `生成公示包时出错，未写入任何文件：${(error as Error)?.message ?? String(error)}`,
    ),
);
