/** `publish TASK_NO|--year Y --out DIR`: the 公示包 of a sealed task or a year, into an empty folder. */
import { AppError } from '@shared/errors';
import { defaultContext } from '../app/context';
import { resourcesDir } from '../documents/fonts';
import { ANNOUNCEMENT_WRITERS, writePackage, type PackageOutcome } from '../publish/package';
import { auditPackage } from '../publish/service';
import type { PublishScope } from '../publish/site-data';
import {
  cliActor,
  cliWriter,
  OUT_OPTION,
  requiredPath,
  withDatabase,
  type CliCommand,
  type CliContext,
} from './command';

function scopeOf(ctx: CliContext): PublishScope {
  const [taskNo] = ctx.positionals;
  const year = ctx.options.year;
  if (taskNo !== undefined && year !== undefined)
    throw new AppError('cli.missingArgument', '请只指定一个任务编号或一个 --year，不要同时指定');
  if (taskNo !== undefined) return { taskNo };
  if (typeof year !== 'string') throw new AppError('cli.missingArgument', '请指定任务编号，或用 --year 指定年度');
  if (!/^\d{4}$/.test(year)) throw new AppError('cli.badKind', `--year 应是四位年份，而不是“${year}”`);
  return { year: Number(year) };
}

/** Writes the package of `scope` into `out` with its audit row; used by `publish` and by `demo --out`. */
export async function publishPackage(
  dbPath: string,
  scope: PublishScope,
  out: string,
  actor = cliActor(),
): Promise<PackageOutcome> {
  return withDatabase(dbPath, async (conn) => {
    const ctx = defaultContext(actor);
    const options = { resourcesDir: resourcesDir(), now: ctx.now(), writers: ANNOUNCEMENT_WRITERS };
    const outcome = await writePackage(conn.raw, scope, out, options);
    auditPackage(conn, ctx, scope, out, outcome);
    return outcome;
  });
}

export const publishCommand: CliCommand = {
  name: 'publish',
  summary: '生成公示包（可放到机关网站上的文件夹：查询页、抽取记录、离线验证页、名单），写入一个空文件夹',
  usage: 'publish TASK_NO|--year Y --out DIR [--db PATH] [--json]',
  options: { ...OUT_OPTION, year: { type: 'string' } },
  async run(ctx) {
    const scope = scopeOf(ctx);
    const out = requiredPath(ctx, 'out', '请用 --out 指定输出文件夹');
    const actor = await cliWriter(ctx, ['管理员', '操作员']);
    const outcome = await publishPackage(ctx.dbPath, scope, out, actor);
    if (ctx.json) ctx.out(JSON.stringify({ out, ...outcome }));
    else
      ctx.out(
        `已生成公示包 ${out}：抽查任务 ${outcome.tasks} 个，候选市场主体 ${outcome.entities} 户次，文件 ${outcome.files.length} 个。用浏览器打开其中的 index.html 即可查询和验证。`,
      );
    return 0;
  },
};
