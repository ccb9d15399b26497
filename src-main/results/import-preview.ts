/**
 * Importing filled workbooks from the page: the preview reads the chosen files and reports what entering them would
 * do, writing nothing; the confirmation enters exactly the sheets that preview read, without reading the files again.
 * Both run in the import worker under the page's job id, for progress and cancel.
 */
import { randomUUID } from 'node:crypto';
import type { ResultImportProgress } from '@shared/ipc/channels/results';
import { AppError } from '@shared/errors';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { JobProgress } from '../workers/jobs';
import type { FileImportReport } from './import-files';
import { ResultImportJobs, type ImportJobRequest, type ImportStep, type PackedRead } from './import-job';

/** Previews kept for confirmation: the clerk's latest few (each holds the read sheets, packed, not the files). */
const KEPT_PREVIEWS = 4;

export interface ImportPreviewDeps {
  files: FileTokens;
  /** The database file the worker opens its own connection to. */
  dbPath: string;
}

type JobRequest<K> = K extends ImportJobRequest['kind']
  ? Omit<Extract<ImportJobRequest, { kind: K }>, 'jobId' | 'dbPath' | 'actor' | 'nowIso'>
  : never;

export function createImportPreviews(ctx: ServiceContext, deps: ImportPreviewDeps) {
  const jobs = new ResultImportJobs();
  const previews = new Map<string, { read: PackedRead; sheets: number }>();
  const progress = new JobProgress<ImportStep>({ step: 'read', done: 0, total: 0 });

  function run(jobId: string | undefined, request: JobRequest<'preview'> | JobRequest<'confirm'>, first: ImportStep) {
    const id = jobId ?? randomUUID();
    const base = { jobId: id, dbPath: deps.dbPath, actor: ctx.actor(), nowIso: ctx.now().toISOString() };
    return progress.follow(id, first, (report) => jobs.run({ ...base, ...request }, report));
  }

  function choose() {
    return deps.files.chooseMany({
      title: '选择填好的一户一表（可多选）',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
  }

  async function preview(tokens: readonly string[], jobId?: string) {
    const paths = tokens.map((t) => deps.files.resolve(t, 'open'));
    const first = { step: 'read', done: 0, total: paths.length } as const;
    const { read, sheets, report } = await run(jobId, { kind: 'preview', paths }, first);
    const previewId = randomUUID();
    previews.set(previewId, { read: read!, sheets });
    for (const id of [...previews.keys()].slice(0, -KEPT_PREVIEWS)) previews.delete(id);
    return { previewId, report };
  }

  /** The preview is taken while it is entered (a second confirm finds it gone) and kept again if that fails. */
  async function confirm(previewId: string, jobId?: string): Promise<FileImportReport> {
    const kept = previews.get(previewId);
    if (!kept) throw new AppError('result.previewExpired', '导入预览已失效，请重新选择文件并预览。');
    previews.delete(previewId);
    try {
      const first = { step: 'write', done: 0, total: kept.sheets } as const;
      return (await run(jobId, { kind: 'confirm', read: kept.read }, first)).report;
    } catch (e) {
      previews.set(previewId, kept);
      throw e;
    }
  }

  return {
    choose,
    preview,
    confirm,
    progress: (jobId: string): ResultImportProgress => progress.get(jobId),
    cancel: (jobId: string) => ({ cancelled: jobs.cancel(jobId) }),
    dispose: () => jobs.close(),
  };
}
