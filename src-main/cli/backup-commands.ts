/** CLI commands of 备份与恢复: a backup, a restore, and the data package that moves a bureau's data to another PC. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { BackupFacts, RestoreOutcome } from '@shared/ipc/channels/backups';
import { translateSqliteError } from '../db/connection';
import { checkDatabaseFile } from '../backups/check';
import { makeBackup } from '../backups/copy';
import { backupFolder } from '../backups/names';
import { exportPackage } from '../backups/package';
import { importPackageFrom } from '../backups/package-actions';
import { restoreFrom, type RestoreDeps } from '../backups/restore';
import { reopenClosed } from '../backups/swap';
import { cliWriter, OUT_OPTION, requiredPath, type CliCommand, type CliContext } from './command';

/** Reads the existing database without changing it (not even the journal mode) while `work` copies it. */
async function withExisting<T>(ctx: CliContext, work: (raw: BetterSqlite3.Database) => Promise<T>): Promise<T> {
  const dbPath = resolve(ctx.dbPath);
  if (!existsSync(dbPath) || !statSync(dbPath).isFile())
    throw new AppError('backups.notFound', `找不到数据库文件（${dbPath}）。请用 --db 指定数据库文件。`);
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw translateSqliteError(e, dbPath);
  }
  try {
    return await work(raw);
  } finally {
    raw.close();
  }
}

/** What was written, and what it holds: one JSON object, or Chinese lines. */
function reportWritten(ctx: CliContext, what: string, path: string, facts: BackupFacts): number {
  if (ctx.json) {
    ctx.out(JSON.stringify({ path, ...facts }));
    return 0;
  }
  ctx.out(`${what}：${path}`);
  ctx.out(`机关名称：${facts.bureauName ?? '（尚未填写）'}；结构版本：${facts.schemaVersion}`);
  ctx.out(
    Object.entries(facts.counts)
      .map(([label, n]) => `${label} ${n}`)
      .join('，'),
  );
  return 0;
}

/** What a command that replaces the database names: 备份 or 数据包, and the refusal when none is given. */
interface Replacement {
  what: string;
  missing: string;
  restore: (source: string, deps: RestoreDeps) => Promise<RestoreOutcome>;
}

/** A command that replaces the database with the file named first on the command line, and reports the outcome. */
function replacingCommand(command: Omit<CliCommand, 'run'>, { what, missing, restore }: Replacement): CliCommand {
  return {
    ...command,
    async run(ctx) {
      const source = ctx.positionals[0];
      if (!source) throw new AppError('cli.missingArgument', missing);
      const dbPath = resolve(ctx.dbPath);
      // Restoring replaces the database: once it has users, only a 管理员 of it may.
      const actor = await cliWriter(ctx, ['管理员']);
      const deps = { dbPath, raw: null, actor, at: new Date(), reopen: reopenClosed(dbPath) };
      const outcome = await restore(resolve(source), deps);
      if (ctx.json) ctx.out(JSON.stringify(outcome));
      else {
        ctx.out(`已从${what}恢复数据库：${dbPath}（结构版本 ${outcome.schemaVersion}）`);
        if (outcome.safetyCopy) ctx.out(`恢复前的数据库已备份到：${outcome.safetyCopy}`);
      }
      return 0;
    },
  };
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '备份数据库（SQLite 在线备份；默认放在数据库旁的「备份」文件夹）',
  usage: 'backup [--db PATH] [--out DIR] [--json]',
  options: OUT_OPTION,
  async run(ctx) {
    const out = typeof ctx.options.out === 'string' ? resolve(ctx.options.out) : undefined;
    const dbPath = resolve(ctx.dbPath);
    await cliWriter(ctx, ['管理员']);
    const path = await withExisting(ctx, (raw) =>
      makeBackup(raw, dbPath, 'manual', new Date(), out ?? backupFolder(dbPath)),
    );
    return reportWritten(ctx, '已备份到', path, checkDatabaseFile(path));
  },
};

export const restoreCommand = replacingCommand(
  {
    name: 'restore',
    summary: '从备份恢复数据库（先检查备份的完整性与操作日志，恢复前自动备份当前数据库）',
    usage: 'restore BACKUP [--db PATH] [--json]',
  },
  { what: '备份', missing: '请指定要恢复的备份文件。用法：restore BACKUP --db PATH', restore: restoreFrom },
);

export const packageExportCommand: CliCommand = {
  name: 'package-export',
  summary: '导出数据包（整个数据库和清单，用于把本局数据迁移到另一台电脑）',
  usage: 'package-export --out FILE [--db PATH] [--json]',
  options: OUT_OPTION,
  async run(ctx) {
    const target = requiredPath(ctx, 'out', '请用 --out 指定数据包文件。用法：package-export --out FILE --db PATH');
    if (existsSync(target)) throw new AppError('backups.failed', `文件已存在（${target}），未覆盖。请另选文件名。`);
    await cliWriter(ctx, ['管理员']);
    const facts = await withExisting(ctx, (raw) => exportPackage(raw, target, new Date()));
    return reportWritten(ctx, '已导出数据包', target, facts);
  },
};

export const packageImportCommand = replacingCommand(
  {
    name: 'package-import',
    summary: '导入数据包（先核对清单、SHA-256、完整性与操作日志，导入前自动备份当前数据库）',
    usage: 'package-import PACKAGE [--db PATH] [--json]',
  },
  {
    what: '数据包',
    missing: '请指定要导入的数据包。用法：package-import PACKAGE --db PATH',
    restore: importPackageFrom,
  },
);

export const BACKUP_COMMANDS = [backupCommand, restoreCommand, packageExportCommand, packageImportCommand];
