import { existsSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { verifyAuditChain } from '../audit/chain';
import { openDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { CliCommand } from './command';

/** `audit verify`: recomputes the operation log's hash chain; exit 1 names the first broken link. Changes nothing. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: '校验操作日志的哈希链是否完整（不修改数据库），不完整时指出第一处断开的记录',
  usage: 'audit verify [--db PATH] [--json]',
  async run(ctx) {
    if (ctx.positionals[0] !== 'verify' || ctx.positionals.length > 1) {
      throw new AppError('cli.missingArgument', '用法：audit verify [--db PATH]；目前只有 verify 一个子命令。');
    }
    if (!existsSync(ctx.dbPath)) throw new AppError('cli.fileUnreadable', `数据库文件 ${ctx.dbPath} 不存在。`);
    const conn = await openDatabase(ctx.dbPath, { migrate: false });
    try {
      if (conn.schemaVersion < LATEST_SCHEMA_VERSION) {
        throw new AppError('cli.schemaOutdated', `数据库结构版本 ${conn.schemaVersion} 过旧，请先运行 migrate。`);
      }
      const check = verifyAuditChain(conn.raw);
      if (ctx.json) ctx.out(JSON.stringify(check));
      else if (check.ok) ctx.out(`操作日志完整：共 ${check.rows} 条记录，链头 ${check.head}。`);
      else ctx.err(`操作日志不完整：${check.reason}`);
      return check.ok ? 0 : 1;
    } finally {
      await conn.close();
    }
  },
};
