import type { DbConnection } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { createAuditService } from './audit-service';
import type { ServiceContext } from './context';
import { createSettingsService } from './settings-service';
import { PRODUCT_NAME, VERSION } from './product';

/**
 * Every service over one open database. No `electron` import anywhere below this folder: the desktop
 * app, the CLI and the browser e2e harness all build exactly this object.
 */
export function createServices(conn: DbConnection, ctx: ServiceContext) {
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
  };
}

export type Services = ReturnType<typeof createServices>;
