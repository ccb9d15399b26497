import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { rmSync } from 'node:fs';
import { AppError } from '@shared/errors';
import type { BackupOverview } from '@shared/ipc/channels/backups';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { DbConnection } from '../db/connection';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { makeBackup } from './copy';
import { dailyBackup, readKeepDays, writeKeepDays } from './daily';
import { backupFolder, listBackups } from './names';
import { stageAndCheck } from './check';
import { packageActions } from './package-actions';
import { restoreFrom, type RestoreDeps } from './restore';
import type { Reopen } from './swap';

/** The automatic backup is looked at every hour: one a day, also in an app left running for weeks. */
const DAILY_CHECK_MS = 60 * 60 * 1000;

const SQLITE_FILTER = [{ name: '备份文件', extensions: ['sqlite'] }];

export function createBackupService(
  conn: DbConnection,
  ctx: ServiceContext,
  deps: { files: FileTokens; reopen?: Reopen },
) {
  const folder = backupFolder(conn.path);
  let timer: NodeJS.Timeout | undefined;

  const overview = (): BackupOverview => ({
    folder,
    keepDays: readKeepDays(conn.raw),
    backups: listBackups(folder).map(({ fileName, kind, at, bytes }) => ({ fileName, kind, at, bytes })),
  });

  const restoreDeps = (): RestoreDeps => {
    if (!deps.reopen)
      throw new AppError(
        'backups.reopenUnavailable',
        '此环境不能在运行中恢复数据库，请使用命令行 restore。当前数据库未作任何修改。',
      );
    return { dbPath: conn.path, raw: conn.raw, actor: ctx.actor(), at: ctx.now(), reopen: deps.reopen };
  };

  /** Checks a chosen file on a throw-away copy, so a refusal shows before the clerk confirms anything. */
  const preview = (path: string) => {
    const probe = join(tmpdir(), `ssj-restore-check-${process.pid}-${Date.now()}.sqlite`);
    try {
      return stageAndCheck(path, probe);
    } finally {
      rmSync(probe, { force: true });
    }
  };

  return {
    overview,
    setKeepDays(req: ParsedReq<'backups:set-keep-days'>): BackupOverview {
      writeKeepDays(conn.raw, req.keepDays, ctx.actor(), ctx.now());
      return overview();
    },
    /** The automatic backup now if none exists for today, then every hour; errors go to the log, never stop the app. */
    startDaily(log: (e: unknown) => void = console.error): void {
      const tick = () => void dailyBackup(conn.raw, conn.path, ctx.now()).catch(log);
      tick();
      timer = setInterval(tick, DAILY_CHECK_MS);
      timer.unref();
    },
    dispose(): void {
      if (timer) clearInterval(timer);
    },
    async create(): Promise<{ path: string } | null> {
      const chosen = await deps.files.choose({ mode: 'folder', title: '选择保存备份的文件夹', filters: [] });
      if (!chosen) return null;
      const target = deps.files.resolve(chosen.token, 'folder');
      return { path: await makeBackup(conn.raw, conn.path, 'manual', ctx.now(), target) };
    },
    async chooseRestore() {
      const chosen = await deps.files.choose({ mode: 'open', title: '选择要恢复的备份', filters: SQLITE_FILTER });
      if (!chosen) return null;
      return { ...chosen, facts: preview(deps.files.resolve(chosen.token, 'open')) };
    },
    restore: (req: ParsedReq<'backups:restore'>) =>
      restoreFrom(deps.files.resolve(req.fileToken, 'open'), restoreDeps()),
    ...packageActions(conn, ctx, deps.files, restoreDeps),
  };
}
