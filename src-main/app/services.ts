import type { DbConnection } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { createAuditService } from '../audit/service';
import type { ServiceContext } from './context';
import { createSettingsService } from '../settings/service';
import { loadDemoData } from '../demo/demo-data';
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
import { createPublishService } from '../publish/service';
import { createCeremonyService, type OpenCeremonyWindow } from '../draws/ceremony-window';

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
}
import { PRODUCT_NAME, VERSION } from './product';
import { DocumentJobs } from '../documents/job';

/**
 * Every service over one open database. No `electron` import anywhere below this folder: the desktop
 * app, the CLI and the browser e2e harness all build exactly this object.
 */
export function createServices(conn: DbConnection, ctx: ServiceContext, deps: ServiceDeps = {}) {
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
  const publish = createPublishService(conn, ctx, { files });
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
    },
    settings: createSettingsService(conn.db, ctx),
    audit: createAuditService(conn.db),
    files,
    rosters: createRosterService(conn, ctx, { files, onJobProgress: deps.onJobProgress }),
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
        await publish.dispose();
      },
    },
    visits: createVisitService(conn.raw, ctx),
    results,
    disclosure: createDisclosureService(conn.raw, ctx, { files, renderers }),
    sheets,
    publish,
    ceremony: createCeremonyService(conn.raw, deps.openCeremonyWindow),
    demo: {
      /** 加载示例数据 on an empty database (refuses one that holds rosters). */
      load(entities: number) {
        return loadDemoData(conn.raw, { entities, actor: ctx.actor(), now: ctx.now() });
      },
    },
  };
}

export type Services = ReturnType<typeof createServices>;
