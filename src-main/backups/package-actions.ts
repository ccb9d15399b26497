import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { RestoreOutcome } from '@shared/ipc/channels/backups';
import type { DbConnection } from '../db/connection';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { bureauStamp } from './names';
import { exportPackage, stagePackage } from './package';
import { replaceWithStaged, stagePath, type RestoreDeps } from './restore';

const PACKAGE_FILTER = [{ name: '数据包', extensions: ['ssjpkg'] }];

/** Checks the package on a staged copy, then replaces the database as a restore does. */
export async function importPackageFrom(path: string, deps: RestoreDeps): Promise<RestoreOutcome> {
  const stage = stagePath(deps.dbPath);
  const { manifest, facts } = await stagePackage(path, stage);
  const detail = { from: basename(path), programVersion: manifest.programVersion, ...facts };
  return replaceWithStaged(stage, detail, deps, 'backups:import-package');
}

/** The data package's three steps as the settings page takes them: export, choose (and check), import. */
export function packageActions(
  conn: DbConnection,
  ctx: ServiceContext,
  files: FileTokens,
  restoreDeps: () => RestoreDeps,
) {
  return {
    async exportPackage() {
      const { day } = bureauStamp(ctx.now());
      const chosen = await files.choose({
        mode: 'save',
        title: '导出数据包',
        defaultName: `ssj-desk-数据包-${day}.ssjpkg`,
        filters: PACKAGE_FILTER,
      });
      if (!chosen) return null;
      const path = files.resolve(chosen.token, 'save');
      return { path, facts: await exportPackage(conn.raw, path, ctx.now()) };
    },
    async choosePackage() {
      const chosen = await files.choose({ mode: 'open', title: '选择要导入的数据包', filters: PACKAGE_FILTER });
      if (!chosen) return null;
      const probe = join(tmpdir(), `ssj-package-check-${process.pid}-${Date.now()}.sqlite`);
      try {
        const { manifest, facts } = await stagePackage(files.resolve(chosen.token, 'open'), probe);
        return { ...chosen, facts, programVersion: manifest.programVersion };
      } finally {
        rmSync(probe, { force: true });
      }
    },
    importPackage: (req: ParsedReq<'backups:import-package'>) =>
      importPackageFrom(files.resolve(req.fileToken, 'open'), restoreDeps()),
  };
}
