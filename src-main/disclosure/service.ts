/**
 * 信息公示: preview and publish the 抽查任务公告 and 抽查结果公告, export them as xlsx or PDF (rendered in the
 * document worker), list what was published and what is due to come down, and keep the per-field rules.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Announcement } from '@shared/domain/disclosure';
import { chinaDate } from '@shared/domain/china-time';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { DocumentExportDeps } from '../documents/export-deps';
import { resultAnnouncement, taskAnnouncement } from './announcements';
import { publishResults, publishTask } from './publish';
import { readDisclosureSettings } from './rules';
import { saveDisclosureSettings } from './settings';
import { disclosureTasks, dueResults, publications } from './views';

export interface DisclosureRenderers {
  renderAnnouncementPdf(a: Announcement): Promise<Buffer>;
  renderAnnouncementXlsx(a: Announcement): Promise<Buffer>;
}

export type DisclosureDeps = DocumentExportDeps<DisclosureRenderers>;

async function exportAnnouncement(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  deps: DisclosureDeps,
  req: ParsedReq<'disclosure:export'>,
): Promise<{ fileName: string }> {
  const today = chinaDate(ctx.now());
  const a: Announcement =
    'taskId' in req.announcement
      ? taskAnnouncement(raw, req.announcement.taskId)
      : resultAnnouncement(raw, req.announcement.scope, today);
  const renderers = await deps.renderers();
  const bytes =
    req.format === 'pdf' ? await renderers.renderAnnouncementPdf(a) : await renderers.renderAnnouncementXlsx(a);
  const path = deps.files.resolve(req.fileToken, 'save');
  await writeFile(path, bytes);
  const detail = { title: a.title, format: req.format, file: basename(path), published: a.published?.id ?? null };
  raw
    .transaction(() =>
      appendAuditRaw(raw, { actor: ctx.actor(), action: 'disclosure:export', target: a.kind, detail }, ctx.now()),
    )
    .immediate();
  return { fileName: basename(path) };
}

export function createDisclosureService(raw: BetterSqlite3.Database, ctx: ServiceContext, deps: DisclosureDeps) {
  const today = () => chinaDate(ctx.now());
  return {
    tasks: () => disclosureTasks(raw),
    taskPreview: (taskId: number) => taskAnnouncement(raw, taskId),
    resultPreview: (req: ParsedReq<'disclosure:result-preview'>) => resultAnnouncement(raw, req.scope, today()),
    publishTask: (taskId: number) => publishTask(raw, ctx, taskId),
    publishResults: (req: ParsedReq<'disclosure:publish-results'>) => publishResults(raw, ctx, req.scope),
    exportAnnouncement: (req: ParsedReq<'disclosure:export'>) => exportAnnouncement(raw, ctx, deps, req),
    publications: () => publications(raw),
    due: () => dueResults(raw, today()),
    settings: () => readDisclosureSettings(raw),
    saveSettings: (req: ParsedReq<'disclosure:save-settings'>) => saveDisclosureSettings(raw, ctx, req),
  };
}
