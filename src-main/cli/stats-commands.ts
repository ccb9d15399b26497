/** `stats --year Y`: the year's figures per department and 管辖单位, as the 统计分析 page computes them. */
import { rateText, type StatsView } from '@shared/domain/stats';
import { AppError } from '@shared/errors';
import { ROLES } from '@shared/domain/users';
import { statsView } from '../stats/view';
import { cliWriter, withDatabase, type CliCommand } from './command';

function viewText(v: StatsView): string {
  const lines = [`${v.bureauName}${v.year}年度统计分析（统计日期：${v.today}）`];
  for (const row of v.rows) {
    lines.push('', row.kind === '全局' ? '【全局】' : `【${row.kind}：${row.name}】`);
    for (const f of row.figures) {
      const note = f.note ? `；${f.note}` : '';
      lines.push(`  ${f.label}：${rateText(f.rate)}（${f.numerator} ÷ ${f.denominator}：${f.formula}${note}）`);
    }
  }
  return lines.join('\n');
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: '统计一个年度的抽查经营主体比例、抽查事项覆盖率等指标（全局、各部门、各管辖单位）',
  usage: 'stats --year Y [--db PATH] [--json]',
  options: { year: { type: 'string' } },
  async run(ctx) {
    const text = ctx.options.year;
    if (typeof text !== 'string') throw new AppError('cli.missingArgument', '请用 --year 指定年度');
    const year = Number(text);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new AppError('cli.missingArgument', `年度“${text}”无效，应为 2000 至 2100 之间的年份`);
    // Any account: opening brings an older structure up to date, a write.
    await cliWriter(ctx, ROLES);
    const view = await withDatabase(ctx.dbPath, (conn) =>
      statsView(conn.raw, { year, department: null, office: null }, new Date()),
    );
    if (view.empty) throw new AppError('stats.noData', view.empty);
    ctx.out(ctx.json ? JSON.stringify({ year, today: view.today, rows: view.rows }) : viewText(view));
    return 0;
  },
};
