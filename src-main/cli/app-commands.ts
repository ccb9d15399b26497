import { existsSync } from 'node:fs';
import { inspectDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { PRODUCT_NAME, VERSION } from '../app/product';
import { cliWriter, databaseState, type CliCommand } from './command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: '显示数据库文件位置与结构版本（不修改数据库）',
  usage: 'info [--db PATH] [--json]',
  async run(ctx) {
    const { exists, schemaVersion } = inspectDatabase(ctx.dbPath);
    const info = {
      productName: PRODUCT_NAME,
      version: VERSION,
      dbPath: ctx.dbPath,
      dbExists: exists,
      schemaVersion,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
    };
    if (ctx.json) ctx.out(JSON.stringify(info));
    else {
      ctx.out(`${PRODUCT_NAME} ${VERSION}`);
      ctx.out(`数据库文件：${info.dbPath}${exists ? '' : '（尚未创建）'}`);
      ctx.out(`结构版本：${schemaVersion}（本程序最新：${LATEST_SCHEMA_VERSION}）`);
      if (exists && schemaVersion < LATEST_SCHEMA_VERSION)
        ctx.out('提示：运行 migrate 升级数据库结构（升级前自动备份）。');
    }
    return 0;
  },
};

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: '创建数据库或升级到最新结构（升级前自动备份原文件）',
  usage: 'migrate [--db PATH] [--json]',
  async run(ctx) {
    const existed = existsSync(ctx.dbPath);
    await cliWriter(ctx, ['管理员']);
    const { path, schemaVersion, backupPath } = await databaseState(ctx.dbPath, true, true);
    const result = { dbPath: path, created: !existed, schemaVersion, backupPath };
    if (ctx.json) ctx.out(JSON.stringify(result));
    else {
      ctx.out(`${result.created ? '已创建数据库' : '数据库已是最新结构'}：${result.dbPath}`);
      ctx.out(`结构版本：${result.schemaVersion}`);
      if (result.backupPath) ctx.out(`升级前备份：${result.backupPath}`);
    }
    return 0;
  },
};
