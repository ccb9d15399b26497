/**
 * 检查结果: entry (by keyboard or from filled workbooks), review, end states, deadlines on the working-day calendar,
 * and the follow-ups (后续处置) of results with problems. The parts are module-level functions; this wires them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { chinaDate } from '@shared/domain/china-time';
import type { ResultSaveView } from '@shared/ipc/channels/results';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import { readScheduleFile } from './calendar-file';
import { calendarOverview, deadlinesOverview, enterYearRanges } from './calendar-views';
import { saveEntry } from './entry';
import { closeFollowUp, followUpTasks, listFollowUps, updateFollowUp } from './follow-ups';
import { createImportPreviews, type ImportPreviewDeps } from './import-preview';
import { review } from './review';
import { resultById } from './store';
import { resultEntities, resultSheet, resultTasks } from './views';

export function createResultService(raw: BetterSqlite3.Database, ctx: ServiceContext, deps: ImportPreviewDeps) {
  const imports = createImportPreviews(ctx, deps);
  const today = () => chinaDate(ctx.now());
  const followUp = (id: number) => listFollowUps(raw, { today: today(), id })[0];
  return {
    // Entry, import and review.
    tasks: () => resultTasks(raw),
    entities: (req: ParsedReq<'results:entities'>) => resultEntities(raw, req, today()),
    sheet: (req: ParsedReq<'results:sheet'>) => resultSheet(raw, req.drawId, req.entityId),
    save(req: ParsedReq<'results:save'>): ResultSaveView {
      const { draft, ...sheet } = req;
      const saved = saveEntry(raw, ctx, sheet, { draft });
      const row = saved.resultIds.length ? resultById(raw, saved.resultIds[0]) : undefined;
      const state = row?.state ?? '未录入';
      return {
        outcome: saved.outcome,
        state,
        problems: saved.problems,
        savedAt: row?.saved_at ?? ctx.now().toISOString(),
      };
    },
    review: (req: ParsedReq<'results:review'>) => review(raw, ctx, req.resultIds, req.action, req.reason),
    chooseFiles: imports.choose,
    importPreview: (req: ParsedReq<'results:import-preview'>) => imports.preview(req.files, req.jobId),
    importConfirm: (req: ParsedReq<'results:import'>) => imports.confirm(req.previewId, req.jobId),
    importProgress: imports.progress,
    importCancel: imports.cancel,
    dispose: imports.dispose,
    // Follow-ups, calendar and deadlines.
    followUps: ({ taskId, status, overdueOnly }: ParsedReq<'follow-ups:list'>) => {
      const open = status === 'all' ? undefined : status === 'open';
      const items = listFollowUps(raw, { today: today(), taskId, open, overdueOnly });
      return { today: today(), items, tasks: followUpTasks(raw) };
    },
    updateFollowUp: ({ id, ...change }: ParsedReq<'follow-ups:update'>) => {
      updateFollowUp(raw, ctx, id, change);
      return followUp(id);
    },
    closeFollowUp: ({ id, ...closing }: ParsedReq<'follow-ups:close'>) => {
      closeFollowUp(raw, ctx, id, closing);
      return followUp(id);
    },
    calendarYears: () => calendarOverview(raw),
    enterYear: (req: ParsedReq<'calendar:enter'>) => enterYearRanges(raw, ctx, req),
    readYearFile: (req: ParsedReq<'calendar:read-file'>) => readScheduleFile(deps.files.resolve(req.fileToken, 'open')),
    deadlines: () => deadlinesOverview(raw, today()),
  };
}
