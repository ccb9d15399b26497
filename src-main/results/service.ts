/**
 * 检查结果: entry (by keyboard or from filled workbooks), review, end states, deadlines on the working-day calendar,
 * and the follow-ups (后续处置) of results with problems. The parts are module-level functions; this wires them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { chinaDate } from '@shared/domain/china-time';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { readScheduleFile } from './calendar-file';
import { calendarOverview, deadlinesOverview, enterYearRanges } from './calendar-views';
import { closeFollowUp, followUpTasks, listFollowUps, updateFollowUp } from './follow-ups';

export function createResultService(raw: BetterSqlite3.Database, ctx: ServiceContext, deps: { files: FileTokens }) {
  const today = () => chinaDate(ctx.now());
  const followUp = (id: number) => listFollowUps(raw, { today: today(), id })[0];
  return {
    // Entry, import and review.
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
