import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { PlanPublication } from '@shared/domain/documents';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { DocumentExportDeps } from '../documents/export-deps';
import { planPublication } from './plan-read';
import { writeFileSafely } from '../app/safe-write';

/** The renderers, injected: they belong to another module and load a font; tests and the CLI get the real ones. */
export interface PlanRenderers {
  renderPlanPdf(publication: PlanPublication): Promise<Buffer>;
  renderPlanXlsx(publication: PlanPublication): Promise<Buffer>;
}

export type PlanExportDeps = DocumentExportDeps<PlanRenderers>;

/** A published version as the 公示 file (xlsx or PDF), written where the save dialog's token points. */
export async function exportPlan(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  deps: PlanExportDeps,
  req: ParsedReq<'plans:export'>,
): Promise<{ fileName: string; version: number }> {
  const doc = planPublication(raw, req.planId, req.version);
  const renderers = await deps.renderers();
  const bytes = req.format === 'pdf' ? await renderers.renderPlanPdf(doc) : await renderers.renderPlanXlsx(doc);
  const path = deps.files.resolve(req.fileToken, 'save');
  await writeFileSafely(path, bytes);
  raw
    .transaction(() =>
      appendAuditRaw(
        raw,
        {
          actor: ctx.actor(),
          action: 'plans:export',
          target: `plans:${req.planId}`,
          detail: { version: doc.version, format: req.format, file: basename(path) },
        },
        ctx.now(),
      ),
    )
    .immediate();
  return { fileName: basename(path), version: doc.version };
}
