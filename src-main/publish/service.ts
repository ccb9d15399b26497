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
import { PublishJobs } from './job';
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
  const progress = new Map<string, PublishProgress>();
  let running: string | null = null;

  function track(jobId: string, p: Omit<PublishProgress, 'jobId' | 'running'>, isRunning: boolean) {
    progress.set(jobId, { ...p, jobId, running: isRunning });
    while (progress.size > 20) progress.delete(progress.keys().next().value!);
  }

  async function run(req: ParsedReq<'publish:run'>): Promise<PublishResult> {
    if (running) throw new AppError('publish.busy', '正在生成另一个公示包，请等它完成或取消后再生成。');
    const out = deps.files.resolve(req.folderToken, 'folder');
    sealedDrawsOf(conn.raw, req.scope);
    checkOutFolder(out);
    running = req.jobId;
    track(req.jobId, IDLE, true);
    try {
      const request = { jobId: req.jobId, dbPath: conn.path, scope: req.scope, out, resourcesDir: resourcesDir() };
      const outcome = await jobs.run(request, (p) => track(req.jobId, p, true));
      if (outcome.outcome === 'done') auditPackage(conn, ctx, req.scope, out, outcome);
      const { files, ...counts } = outcome;
      return { ...counts, files: files.length, folderName: basename(out) };
    } finally {
      track(req.jobId, progress.get(req.jobId) ?? IDLE, false);
      running = null;
    }
  }

  return {
    choices: () => publishChoices(conn),
    chooseFolder: () => deps.files.choose({ mode: 'folder', title: '选择保存公示包的空文件夹', filters: [] }),
    run,
    progress: (jobId: string): PublishProgress => progress.get(jobId) ?? { jobId, running: false, ...IDLE },
    async cancel(jobId: string): Promise<{ cancelled: boolean }> {
      if (running !== jobId) return { cancelled: false };
      return { cancelled: await jobs.cancel(jobId) };
    },
    dispose: () => jobs.close(),
  };
}

export type PublishService = ReturnType<typeof createPublishService>;
