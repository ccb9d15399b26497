import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { BackupFacts } from '@shared/ipc/channels/backups';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { registerSqlFunctions } from '../db/connection';
import { qb, value } from '../db/sql';
import { auditChainProblem } from './chain-check';

/** The tables a clerk recognises, by the names the pages use. */
const COUNTED = {
  市场主体: 'entities',
  执法检查人员: 'inspectors',
  抽查计划: 'plans',
  抽查任务: 'tasks',
  抽取: 'draws',
  操作日志: 'audit_log',
} as const;

const UNCHANGED = '当前数据库未作任何修改。';

/**
 * Copies `source` to `stage` and checks the copy: a database of this program, no newer than this build, passing
 * `PRAGMA integrity_check`, with an intact operation log. The chosen file is only read; on a refusal the copy goes.
 */
export function stageAndCheck(source: string, stage: string): BackupFacts {
  if (!existsSync(source) || !statSync(source).isFile())
    throw new AppError('backups.notFound', `找不到备份文件（${source}）。${UNCHANGED}`);
  try {
    copyFileSync(source, stage);
    return checkDatabaseFile(stage, source);
  } catch (e) {
    rmSync(stage, { force: true });
    rmSync(`${stage}-journal`, { force: true });
    throw e;
  }
}

/** The checks themselves, on a file this program owns (`shownAs`: the name the message gives it). */
export function checkDatabaseFile(path: string, shownAs = path): BackupFacts {
  let raw: BetterSqlite3.Database | undefined;
  try {
    raw = new BetterSqlite3(path, { fileMustExist: true });
    registerSqlFunctions(raw);
    const version = raw.pragma('user_version', { simple: true }) as number;
    if (version === 0)
      throw new AppError('backups.notOurs', `文件（${shownAs}）不是本程序的数据库或备份。${UNCHANGED}`);
    if (version > LATEST_SCHEMA_VERSION)
      throw new AppError(
        'backups.newerVersion',
        `备份（${shownAs}）来自更新版本的本程序（结构版本 ${version}），当前程序最高支持结构版本 ${LATEST_SCHEMA_VERSION}。请升级本程序后再恢复。${UNCHANGED}`,
      );
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw corrupt(shownAs, String(integrity));
    const problem = auditChainProblem(raw);
    if (problem)
      throw new AppError(
        'backups.brokenChain',
        `备份（${shownAs}）的操作日志校验未通过：${problem}。该备份可能被改动过，不能恢复。${UNCHANGED}`,
      );
    return { schemaVersion: version, bureauName: bureauName(raw), counts: countRows(raw) };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corrupt(shownAs, (e as Error).message);
  } finally {
    raw?.close();
  }
}

function corrupt(shownAs: string, detail: string): AppError {
  return new AppError('backups.corrupt', `备份（${shownAs}）已损坏或不是数据库文件，不能恢复。${UNCHANGED}`, {
    sqlite: detail,
  });
}

function bureauName(raw: BetterSqlite3.Database): string | null {
  const stored = value(raw, qb.selectFrom('settings').select('value').where('key', '=', 'bureauName'));
  return typeof stored === 'string' ? String(JSON.parse(stored)) : null;
}

function countRows(raw: BetterSqlite3.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [label, table] of Object.entries(COUNTED)) {
    const exists = value(
      raw,
      qb.selectNoFrom(
        sql<number>`(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ${table})`.as('n'),
      ),
    );
    if (exists)
      counts[label] = Number(
        value(
          raw,
          qb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')),
        ),
      );
  }
  return counts;
}
