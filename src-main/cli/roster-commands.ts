/**
 * CLI commands of 一单两库: import a roster or item-list file (through the same import job the desktop app
 * runs, in a worker thread) and load the demo county.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROSTER_KINDS, ROSTER_LABELS, type RosterKind } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import { describeProblem } from '@shared/import/problems';
import { openDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { startImportJob } from '../rosters/import-job';
import { loadDemoData } from '../demo/demo-data';
import {
  cliActor,
  cliWriter,
  databaseState,
  DRY_RUN_OPTION,
  isDryRun,
  type CliCommand,
  type CliContext,
} from './command';
import { runDemoOut } from './demo-commands';

/** Problems printed (JSON and text); the full list is in the desktop app's rejected-rows report. */
const PROBLEMS_SHOWN = 50;

/**
 * The database an import compares against. A dry run writes nothing — not even a new database file or a
 * migration — so it compares an empty, temporary one when the file does not exist yet.
 */
async function prepareDatabase(ctx: CliContext, dryRun: boolean): Promise<{ dbPath: string; cleanup: () => void }> {
  if (dryRun && !existsSync(ctx.dbPath)) {
    const dir = mkdtempSync(join(tmpdir(), 'ssj-dry-run-'));
    const dbPath = join(dir, 'empty.sqlite');
    await databaseState(dbPath, true);
    return { dbPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const version = (await databaseState(ctx.dbPath, !dryRun)).schemaVersion;
  if (version < LATEST_SCHEMA_VERSION) {
    throw new AppError('cli.schemaOutdated', `数据库结构版本 ${version} 过旧，试运行不升级数据库。请先运行 migrate。`);
  }
  return { dbPath: ctx.dbPath, cleanup: () => {} };
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '从 Excel/CSV 文件导入事项清单或名录（自动识别列），--dry-run 只预览不写入',
  usage: 'import <items|entities|inspectors|experts> FILE [--db PATH] [--dry-run] [--json]',
  options: DRY_RUN_OPTION,
  async run(ctx) {
    const [kindArg, file] = ctx.positionals;
    if (!kindArg || !(ROSTER_KINDS as readonly string[]).includes(kindArg)) {
      throw new AppError(
        'cli.badKind',
        `请指定导入的名录：items（事项清单）、entities（检查对象）、inspectors（执法人员）或 experts（专家）。`,
      );
    }
    if (!file) throw new AppError('cli.missingArgument', '请指定要导入的文件');
    const kind = kindArg as RosterKind;
    const dryRun = isDryRun(ctx);
    const actor = await cliWriter(ctx, ['管理员', '操作员']);
    const { dbPath, cleanup } = await prepareDatabase(ctx, dryRun);
    try {
      const base = {
        dbPath,
        kind,
        path: file,
        actor,
        nowIso: new Date().toISOString(),
        fileLabel: basename(file),
      };
      const onProgress = ctx.json ? undefined : (p: { rowsRead: number }) => ctx.err(`已读取 ${p.rowsRead} 行…`);
      const preview = await startImportJob({ ...base, mode: 'preview' }, onProgress).result;
      const report = dryRun
        ? preview.report
        : (await startImportJob({ ...base, mode: 'confirm', rejectRows: [...preview.rejectRows] }, onProgress).result)
            .report;
      const { counts } = report;
      if (ctx.json) {
        ctx.out(
          JSON.stringify({
            kind,
            dryRun,
            ...counts,
            ...(report.subItems ? { subItems: report.subItems } : {}),
            rowsRead: report.rowsRead,
            format: report.format,
            valueMappings: report.valueMappings,
            problemCount: report.problems.length,
            problems: report.problems.slice(0, PROBLEMS_SHOWN),
          }),
        );
      } else {
        ctx.out(`${ROSTER_LABELS[kind]}：${dryRun ? '试运行（未写入）' : '已导入'} ${file}`);
        ctx.out(
          `新增 ${counts.new}，更新 ${counts.updated}，未变 ${counts.unchanged}，拒绝 ${counts.rejected}，带提示 ${counts.flagged}`,
        );
        if (report.subItems)
          ctx.out(
            `检查子项：新增 ${report.subItems.new}，更新 ${report.subItems.updated}，未变 ${report.subItems.unchanged}，删除 ${report.subItems.removed}`,
          );
        for (const m of report.valueMappings)
          ctx.out(`  按近义词 ${m.column}「${m.source}」→「${m.applied}」：${m.rows} 行`);
        for (const p of report.problems.slice(0, PROBLEMS_SHOWN))
          ctx.out(`  ${p.severity === 'error' ? '拒绝' : '提示'} ${describeProblem(p)}`);
        if (report.problems.length > PROBLEMS_SHOWN) ctx.out(`  ……共 ${report.problems.length} 条问题`);
      }
      return 0;
    } finally {
      cleanup();
    }
  },
};

export const demoCommand: CliCommand = {
  name: 'demo',
  summary:
    '在空数据库中生成示例县（单位、检查对象、执法人员、专家、事项清单）；加 --out DIR 则再完成一次完整的见证抽取并验证',
  usage: 'demo --entities N [--db PATH] [--json]  |  demo --out DIR [--entities N] [--db PATH] [--json]',
  // --out: the whole chain headless — plan, task, draw, proof, records — see cli/demo-commands.ts.
  options: { entities: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const entities = Number(ctx.options.entities ?? 30000);
    const seed = ctx.options.seed === undefined ? undefined : Number(ctx.options.seed);
    if (typeof ctx.options.out === 'string') return runDemoOut(ctx, cliActor(), entities, seed);
    const actor = await cliWriter(ctx, ['管理员']);
    const conn = await openDatabase(ctx.dbPath, { migrate: true });
    const started = performance.now();
    try {
      const summary = loadDemoData(conn.raw, {
        entities,
        seed,
        actor,
        now: new Date(),
        onProgress: ctx.json ? undefined : (n) => n % 100000 === 0 && ctx.err(`已生成 ${n} 户…`),
      });
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      if (ctx.json) ctx.out(JSON.stringify({ dbPath: conn.path, ...summary, seconds }));
      else {
        ctx.out(`示例数据已写入 ${conn.path}（${seconds} 秒）`);
        ctx.out(
          `单位 ${summary.offices}，检查对象 ${summary.entities}，执法人员 ${summary.inspectors}，专家 ${summary.experts}，抽查事项 ${summary.items}（检查子项 ${summary.subItems}）`,
        );
      }
      return 0;
    } finally {
      await conn.close();
    }
  },
};

export const ROSTER_COMMANDS: CliCommand[] = [importCommand, demoCommand];
