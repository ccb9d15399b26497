/**
 * 统计分析: the year's figures per department and 管辖单位 with the charts' data, and the same as a PDF report or an
 * xlsx of the figures, written where the save dialog's token points.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { StatsView } from '@shared/domain/stats';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { DocumentExportDeps } from '../documents/export-deps';
import { statsView, type StatsQuery } from './view';

function queryOf(req: ParsedReq<'stats:view'>): StatsQuery {
  return { year: req.year ?? null, department: req.department ?? null, office: req.office ?? null };
}

/** The renderers, injected: they run in the document worker (pdfmake and the CJK font load there, not here). */
export type StatsDeps = DocumentExportDeps<{
  renderStatsPdf(view: StatsView): Promise<Buffer>;
  renderStatsXlsx(view: StatsView): Promise<Buffer>;
}>;

/** The figures as a file; a year with nothing to count is refused, never written as zeros. */
export async function exportStats(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  deps: StatsDeps,
  req: ParsedReq<'stats:export'>,
): Promise<{ fileName: string }> {
  const view = statsView(raw, queryOf(req), ctx.now());
  if (view.empty) throw new AppError('stats.noData', `不能导出：${view.empty}`);
  const renderers = await deps.renderers();
  const bytes = req.format === 'pdf' ? await renderers.renderStatsPdf(view) : await renderers.renderStatsXlsx(view);
  const path = deps.files.resolve(req.fileToken, 'save');
  await writeFile(path, bytes);
  const detail = { year: view.year, format: req.format, filter: view.filter, file: basename(path) };
  raw
    .transaction(() =>
      appendAuditRaw(
        raw,
        { actor: ctx.actor(), action: 'stats:export', target: `stats:${view.year}`, detail },
        ctx.now(),
      ),
    )
    .immediate();
  return { fileName: basename(path) };
}

export function createStatsService(raw: BetterSqlite3.Database, ctx: ServiceContext, deps: StatsDeps) {
  return {
    view: (req: ParsedReq<'stats:view'>): StatsView => statsView(raw, queryOf(req), ctx.now()),
    export: (req: ParsedReq<'stats:export'>) => exportStats(raw, ctx, deps, req),
  };
}
