/**
 * CLI commands of the second half of the year: print a sealed draw's record sheets (一户一表) for the teams, and
 * take the filled workbooks back as results.
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SheetFormat } from '@shared/ipc/channels/sheets';
import { AppError } from '@shared/errors';
import { ROLES } from '@shared/domain/users';
import { first, qb } from '../db/sql';
import { importResultFiles, type FileImportReport } from '../results/import-files';
import { SECOND_READER_FROM, WorkbookReader } from '../results/workbook-reader';
import { drawOutline } from '../sheets/draw-list';
import type { SheetOutline } from '../sheets/export';
import { SheetExportJobs } from '../sheets/export-job';
import {
  cliWriter,
  DRY_RUN_OPTION,
  isDryRun,
  OUT_OPTION,
  requiredPath,
  withDatabase,
  type CliCommand,
} from './command';

const FORMATS: readonly string[] = ['pdf', 'xlsx', 'both'] satisfies SheetFormat[];

/** Through the page's export job (its worker, its refusal of existing files); returns the paths written. */
async function exportInWorker(
  dbPath: string,
  found: { drawId: number; outline: SheetOutline },
  dir: string,
  format: SheetFormat,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const jobs = new SheetExportJobs();
  try {
    const request = { jobId: randomUUID(), dbPath, drawId: found.drawId, dir, format };
    const outcome = await jobs.run(request, found.outline, () => {});
    return outcome.files.map((name) => join(dir, name));
  } finally {
    await jobs.close();
  }
}

export const sheetsCommand: CliCommand = {
  name: 'sheets',
  summary: '导出已封存抽取的一户一表和随机抽查通知书（每个名单包一个 PDF 和一个 Excel，另有全部的 PDF）',
  usage: 'sheets TASK_NO --out DIR [--format pdf|xlsx|both] [--db PATH] [--json]',
  options: { ...OUT_OPTION, format: { type: 'string' } },
  async run(ctx) {
    const [taskNo] = ctx.positionals;
    if (!taskNo) throw new AppError('cli.missingArgument', '请指定任务编号');
    const out = requiredPath(ctx, 'out', '请用 --out 指定输出文件夹');
    const formatName = typeof ctx.options.format === 'string' ? ctx.options.format : 'both';
    if (!FORMATS.includes(formatName))
      throw new AppError('cli.badKind', `--format 只能是 pdf、xlsx 或 both，而不是“${formatName}”`);
    await cliWriter(ctx, ROLES);
    const found = await withDatabase(ctx.dbPath, ({ raw }) => {
      const task = first(raw, qb.selectFrom('tasks').select(['id', 'name']).where('number', '=', taskNo));
      if (!task) throw new AppError('cli.missingArgument', `没有编号为“${taskNo}”的任务`);
      const draw = first(
        raw,
        qb.selectFrom('draws').select('id').where('task_id', '=', task.id).where('state', '=', 'sealed'),
      );
      if (!draw) throw new AppError('sheets.notSealed', `任务“${task.name}”还没有已封存的抽取结果，不能导出一户一表`);
      return { drawId: draw.id, outline: drawOutline(raw, draw.id) };
    });
    const written = await exportInWorker(ctx.dbPath, found, out, formatName as SheetFormat);
    if (ctx.json) ctx.out(JSON.stringify({ taskNo, files: written }));
    else ctx.out([`已导出 ${written.length} 个文件到 ${out}：`, ...written.map((f) => `  ${basename(f)}`)].join('\n'));
    return 0;
  },
};

function reportText(r: FileImportReport, dryRun: boolean): string {
  const head = dryRun ? '试运行（未写入）：' : '';
  const lines = [
    `${head}${r.files} 个文件，${r.sheets} 张工作表；对应到抽取对象 ${r.matched}，录入 ${r.entered}，未变 ${r.unchanged}，拒收 ${r.rejected}`,
    ...r.problems.map((p) => `  ${[p.file, p.sheet, p.cell].filter(Boolean).join(' ')}:${p.reason}`),
  ];
  return lines.join('\n');
}

export const resultsCommand: CliCommand = {
  name: 'results',
  summary: '导入填好的一户一表 Excel(results import FILE...),--dry-run 只检查不写入',
  usage: 'results import FILE... [--dry-run] [--db PATH] [--json]',
  options: DRY_RUN_OPTION,
  async run(ctx) {
    const [verb, ...files] = ctx.positionals;
    if (verb !== 'import') throw new AppError('cli.missingArgument', '用法：results import FILE...');
    if (files.length === 0) throw new AppError('cli.missingArgument', '请指定要导入的 Excel 文件');
    const dryRun = isDryRun(ctx);
    const actor = await cliWriter(ctx, ['管理员', '操作员', '录入员']);
    const reader = files.length >= SECOND_READER_FROM ? new WorkbookReader() : null;
    const report = await withDatabase(ctx.dbPath, ({ raw }) =>
      importResultFiles(raw, { actor: () => actor, now: () => new Date() }, files, {
        dryRun,
        fileName: basename,
        secondReader: reader?.parse,
      }),
    ).finally(() => reader?.close());
    ctx.out(ctx.json ? JSON.stringify(report) : reportText(report, dryRun));
    return 0;
  },
};

export const SHEET_COMMANDS: CliCommand[] = [sheetsCommand, resultsCommand];
