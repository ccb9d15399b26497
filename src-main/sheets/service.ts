/**
 * 一户一表 as the page runs it: the sealed draws to choose from, a folder chosen through the dialog, and one export at
 * a time in the worker, tracked by the page's job id for progress and cancel. Exporting changes nothing in the
 * database but its audit row.
 */
import { basename } from 'node:path';
import type { SheetExportProgress, SheetExportResult, SheetFormat } from '@shared/ipc/channels/sheets';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { appendAuditRaw } from '../audit/service';
import type { DbConnection } from '../db/connection';
import { JobProgress } from '../workers/jobs';
import type { BatchProgress } from './batch';
import { assertSealed, drawOutline, sealedDrawViews } from './draw-list';
import { sheetFiles, type SheetOutline } from './export';
import { SheetExportJobs } from './export-job';

export interface SheetServiceDeps {
  files: FileTokens;
}

const IDLE: BatchProgress = {
  filesDone: 0,
  filesTotal: 0,
  entitiesDone: 0,
  entitiesTotal: 0,
  percent: 0,
  current: null,
};

/** The totals known before the worker has read the draw, so the page shows them from the start. */
function startOf(outline: SheetOutline, format: SheetFormat): BatchProgress {
  const files = sheetFiles(outline, format);
  const entitiesTotal = outline.packages.reduce((n, p) => n + p.entities, 0);
  return { ...IDLE, filesTotal: files.length, entitiesTotal, current: files[0]?.name ?? null };
}

export function createSheetService(conn: DbConnection, ctx: ServiceContext, deps: SheetServiceDeps) {
  const jobs = new SheetExportJobs();
  const progress = new JobProgress<BatchProgress>(IDLE);

  async function exportDraw(
    req: ParsedReq<'sheets:export'>,
    onProgress?: (p: SheetExportProgress) => void,
  ): Promise<SheetExportResult> {
    if (progress.busy()) throw new AppError('sheets.busy', '正在导出另一批一户一表，请等它完成或取消后再导出。');
    assertSealed(conn.raw, req.drawId);
    const dir = deps.files.resolve(req.folderToken, 'folder');
    const outline = drawOutline(conn.raw, req.drawId);
    const request = { jobId: req.jobId, drawId: req.drawId, format: req.format, dbPath: conn.path, dir };
    const outcome = await progress.follow(req.jobId, startOf(outline, req.format), (report) =>
      jobs.run(request, outline, ({ heapUsed: _heap, ...p }) => {
        report(p);
        onProgress?.(progress.get(req.jobId));
      }),
    );
    if (outcome.outcome === 'done') audit(req, outcome.files, basename(dir));
    return { ...outcome, folderName: basename(dir) };
  }

  function audit(req: ParsedReq<'sheets:export'>, files: string[], folderName: string) {
    const record = {
      actor: ctx.actor(),
      action: 'sheets:export',
      target: `draws:${req.drawId}`,
      detail: { format: req.format, folder: folderName, files },
    };
    conn.raw.transaction(() => appendAuditRaw(conn.raw, record, ctx.now())).immediate();
  }

  return {
    draws: () => sealedDrawViews(conn.raw),
    chooseFolder: () => deps.files.choose({ mode: 'folder', title: '选择保存一户一表的文件夹', filters: [] }),
    export: exportDraw,
    exportProgress: (jobId: string): SheetExportProgress => progress.get(jobId),
    exportCancel: (jobId: string) => ({ cancelled: jobs.cancel(jobId) }),
    dispose: () => jobs.close(),
  };
}

export type SheetService = ReturnType<typeof createSheetService>;
