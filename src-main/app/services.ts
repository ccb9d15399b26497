import type { DbConnection } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { createAuditService } from '../audit/service';
import type { ServiceContext } from './context';
import { createSettingsService } from '../settings/service';
import { demoJobs as startDemoJobs } from '../demo/demo-job';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { SwitchDatabase } from './live-database';
import { switchDatabase } from './switch-database';
import { createFileTokens, noFileDialog, type FileDialog } from './file-tokens';
import { createItemService } from '../items/service';
import { createRosterService } from '../rosters/service';
import type { JobProgressView } from '@shared/domain/roster-views';
import type { DrawProgress } from '@shared/domain/draws';
import { createDrawService } from '../draws/service';
import { createPlanService, createTaskService } from '../plans/service';
import { createVisitService } from '../visits/service';
import { createResultService } from '../results/service';
import { createDisclosureService } from '../disclosure/service';
import { createSheetService } from '../sheets/service';
import { createHomeService } from '../home/service';
import { createPublishService } from '../publish/service';
import { createCeremonyService, type OpenCeremonyWindow } from '../draws/ceremony-window';
import { createBackupService } from '../backups/service';
import type { Reopen } from '../backups/swap';

/** What the host injects: Electron's dialogs and event push in the app, test doubles in the e2e harness. */
export interface ServiceDeps {
  /** Shows an open/save dialog and returns the chosen path (null: cancelled). Default: none available. */
  fileDialog?: FileDialog;
  /** Pushes import progress to the renderer (job:progress); polling via the job:progress channel works without it. */
  onJobProgress?: (progress: JobProgressView) => void;
  /** Pushes progress of a draw's long steps (准备, 揭晓, 封存, 递补); draws:ceremony-state reports it too. */
  onDrawProgress?: (progress: DrawProgress) => void;
  /** Opens the projector window of a task's draw (Electron: src-main/window.ts); absent in the CLI. */
  openCeremonyWindow?: OpenCeremonyWindow;
  /** Closes and reopens the database around a restore (app/live-database.ts); absent: restore only from the CLI. */
  reopenDatabase?: Reopen;
  /** Opens another database file in place of this one (app/live-database.ts); absent: the CLI's --db instead. */
  switchDatabase?: SwitchDatabase;
}
import { PRODUCT_NAME, VERSION } from './product';
import { DocumentJobs } from '../documents/job';
import { createUserService, type Session } from '../users/service';
import { createStatsService } from '../stats/service';

/**
 * Every service over one open database. No `electron` import anywhere below this folder: the desktop
 * app, the CLI and the browser e2e harness all build exactly this object.
 */
export function createServices(conn: DbConnection, hostCtx: ServiceContext, deps: ServiceDeps = {}) {
  // Once users exist, the signed-in user is the actor of every write; before, the host's name as always.
  const session: Session = { user: null };
  const ctx: ServiceContext = { now: hostCtx.now, actor: () => session.user?.name ?? hostCtx.actor() };
  const files = createFileTokens(deps.fileDialog ?? noFileDialog, ctx.now);
  // The documents are rendered in a worker thread started on the first export: pdfmake and the CJK font load there,
  // and a city-scale record must not stall the main process.
  const documentJobs = new DocumentJobs();
  const renderers = async () => ({
    ...documentJobs.renderers,
    resourcesDir: (await import('../documents/fonts')).resourcesDir,
  });
  const plans = createPlanService(conn.raw, ctx, { files, renderers });
  const draws = createDrawService(conn, ctx, { files, renderers, onProgress: deps.onDrawProgress });
  const sheets = createSheetService(conn, ctx, { files });
  const results = createResultService(conn.raw, ctx, { files, dbPath: conn.path });
  const demoJobs = startDemoJobs();
  const rosters = createRosterService(conn, ctx, { files, onJobProgress: deps.onJobProgress });
  const publish = createPublishService(conn, ctx, { files });
  const audit = createAuditService(conn, ctx, files);
  return {
    app: {
      info() {
        return {
          productName: PRODUCT_NAME,
          version: VERSION,
          dbPath: conn.path,
          schemaVersion: conn.schemaVersion,
          latestSchemaVersion: LATEST_SCHEMA_VERSION,
          backupPath: conn.backupPath,
        };
      },
      switchDatabase: (req: ParsedReq<'app:switch-database'>) => switchDatabase(files, deps.switchDatabase, req),
    },
    settings: createSettingsService(conn.db, ctx),
    audit,
    files,
    rosters,
    items: createItemService(conn.db, ctx),
    plans,
    tasks: createTaskService(conn.raw, ctx, { publishChange: plans.publishChange }),
    draws: {
      ...draws,
      /** Ends the draw worker once its queue is done, and the document and sheet workers (tests, CLI, shutdown). */
      dispose: async () => {
        await draws.dispose();
        await documentJobs.close();
        await sheets.dispose();
        await results.dispose();
        await demoJobs.close();
        await rosters.dispose();
        await publish.dispose();
        await audit.dispose();
      },
    },
    visits: createVisitService(conn.raw, ctx),
    results,
    disclosure: createDisclosureService(conn.raw, ctx, { files, renderers }),
    stats: createStatsService(conn.raw, ctx, { files, renderers }),
    sheets,
    backups: createBackupService(conn, ctx, { files, reopen: deps.reopenDatabase }),
    publish,
    ceremony: createCeremonyService(conn.raw, deps.openCeremonyWindow),
    home: createHomeService(conn.raw, ctx),
    users: createUserService(conn.raw, ctx, session),
    demo: {
      /** 加载示例数据 on an empty database (refuses one that holds rosters), in a worker thread. */
      load(entities: number, jobId = `demo-${ctx.now().getTime()}`) {
        const request = { jobId, dbPath: conn.path, entities, actor: ctx.actor(), nowIso: ctx.now().toISOString() };
        return demoJobs.run(request, entities);
      },
      progress: (jobId: string) => demoJobs.progress(jobId),
      cancel: (jobId: string) => ({ cancelled: demoJobs.cancel(jobId) }),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
