/**
 * The rosters (检查对象名录库, 执法检查人员名录库, 专家库): queries with Chinese substring search, edits and bulk
 * actions (change-log and audit rows in their transaction), import in the job's worker, exports and templates.
 */
import type { QueryableRoster } from '@shared/domain/roster-views';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { DbConnection } from '../db/connection';
import { bulkJobs } from './bulk-job';
import { exportView, importRejections, template } from './files';
import { filterOptions } from './filter-options';
import * as imports from './import-sessions';
import { createRecord, deleteRecord } from './manual';
import { queryRoster } from './query';
import type { RosterQuery } from './query-where';
import { updateRecord } from './update';

export { WALK_TUNING } from './query';
export { MAPPING_KEY_PREFIX } from './mappings';
export type { RosterServiceDeps } from './import-sessions';

export function createRosterService(conn: DbConnection, ctx: ServiceContext, deps: imports.RosterServiceDeps) {
  const sessions = imports.createImportSessions(conn, ctx, deps);
  const bulk = bulkJobs();
  return {
    query: (req: RosterQuery) => queryRoster(conn.raw, req),
    filterOptions: (roster: QueryableRoster) => filterOptions(conn.raw, roster),
    update: (req: ParsedReq<'roster:update'>) => updateRecord(conn.db, ctx, req),
    create: (req: ParsedReq<'roster:create'>) => createRecord(conn.db, ctx, req),
    delete: (req: ParsedReq<'roster:delete'>) => deleteRecord(conn.db, ctx, req),
    /** In a worker: progress in roster:bulk-progress under the request's jobId. */
    bulkUpdate: ({ jobId = `bulk-${ctx.now().getTime()}`, ...req }: ParsedReq<'roster:bulk-update'>) => {
      const request = { jobId, dbPath: conn.path, bulk: req, actor: ctx.actor(), nowIso: ctx.now().toISOString() };
      return bulk.run(request, new Set(req.ids).size);
    },
    bulkProgress: (jobId: string) => bulk.progress(jobId),
    bulkCancel: (jobId: string) => ({ cancelled: bulk.cancel(jobId) }),
    dispose: () => bulk.close(),
    importDetect: (req: ParsedReq<'roster:import-detect'>) => imports.importDetect(sessions, req),
    importPreview: (req: ParsedReq<'roster:import-preview'>) => imports.importPreview(sessions, req),
    importConfirm: (req: ParsedReq<'roster:import-confirm'>) => imports.importConfirm(sessions, req),
    importCancel: (jobId: string) => imports.importCancel(sessions, jobId),
    importRejections: (req: ParsedReq<'roster:import-rejections'>) => importRejections(sessions, req),
    jobProgress: (jobId: string) => imports.jobProgress(sessions, jobId),
    exportView: (req: ParsedReq<'roster:export'>) => exportView(conn, ctx, deps.files, req),
    template: (req: ParsedReq<'roster:template'>) => template(deps.files, req),
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
