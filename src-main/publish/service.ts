/**
 * 公示包 as the page makes it: the tasks and years to choose from, an empty folder chosen through the dialog, one
 * package at a time in the worker, tracked by the page's job id for progress and cancel. Making a package changes
 * nothing in the database but its audit row.
 */
import { basename } from 'node:path';
import type { PublishChoices, PublishProgress, PublishResult } from '@shared/ipc/channels/publish';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { appendAuditRaw } from '../audit/service';
import type { DbConnection } from '../db/connection';
import { all } from '../db/sql';
import { sealedDrawsWithTask } from '../draws/sealed';
import { resourcesDir } from '../documents/fonts';
import { JobProgress } from '../workers/jobs';
import { PublishJobs, type WorkerProgress } from './job';
import { checkOutFolder, type PackageOutcome } from './package';
import { sealedDrawsOf, type PublishScope } from './site-data';

const IDLE = { done: 0, total: 0, percent: 0, current: null };

export function publishChoices(conn: DbConnection): PublishChoices {
  const tasks = all(
    conn.raw,
    sealedDrawsWithTask()
      .select(['t.number', 't.name', 't.year', 'd.sealed_at'])
      .orderBy('t.year', 'desc')
      .orderBy('t.seq'),
  ).map((t) => ({ number: t.number, name: t.name, year: t.year, sealedAt: t.sealed_at ?? '' }));
  return { tasks, years: [...new Set(tasks.map((t) => t.year))] };
}

/** The audit row of a package made (the CLI writes the same). */
export function auditPackage(
  conn: DbConnection,
  ctx: ServiceContext,
  scope: PublishScope,
  out: string,
  outcome: PackageOutcome,
) {
  const record = {
    actor: ctx.actor(),
    action: 'publish:package',
    target: 'taskNo' in scope ? `tasks:${scope.taskNo}` : `year:${scope.year}`,
    detail: { folder: basename(out), tasks: outcome.tasks, entities: outcome.entities, files: outcome.files.length },
  };
  conn.raw.transaction(() => appendAuditRaw(conn.raw, record, ctx.now())).immediate();
}

export function createPublishService(conn: DbConnection, ctx: ServiceContext, deps: { files: FileTokens }) {
  const jobs = new PublishJobs();
  const progress = new JobProgress<WorkerProgress>(IDLE);

  async function run(req: ParsedReq<'publish:run'>): Promise<PublishResult> {
    if (progress.busy()) throw new AppError('publish.busy', '正在生成另一个公示包，请等它完成或取消后再生成。');
    const out = deps.files.resolve(req.folderToken, 'folder');
    sealedDrawsOf(conn.raw, req.scope);
    checkOutFolder(out);
    const request = { jobId: req.jobId, dbPath: conn.path, scope: req.scope, out, resourcesDir: resourcesDir() };
    const outcome = await progress.follow(req.jobId, IDLE, (report) => jobs.run(request, report));
    if (outcome.outcome === 'done') auditPackage(conn, ctx, req.scope, out, outcome);
    const { files, ...counts } = outcome;
    return { ...counts, files: files.length, folderName: basename(out) };
  }

  return {
    choices: () => publishChoices(conn),
    chooseFolder: () => deps.files.choose({ mode: 'folder', title: '选择保存公示包的空文件夹', filters: [] }),
    run,
    progress: (jobId: string): PublishProgress => progress.get(jobId),
    cancel: (jobId: string) => ({ cancelled: jobs.cancel(jobId) }),
    dispose: () => jobs.close(),
  };
}

export type PublishService = ReturnType<typeof createPublishService>;
