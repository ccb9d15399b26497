/**
 * 统计分析 leaves the program as files: the figures as xlsx and the report as PDF, read back; a year with nothing to
 * count is refused with its reason and no file. The CLI prints the same figures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { statsCommand } from '../../../src-main/cli/stats-commands';
import { readPdf } from '../documents/pdf-text';
import { statsCounty, type StatsCounty } from './setup';

let c: StatsCounty;
beforeAll(async () => {
  c = await statsCounty();
});
afterAll(async () => {
  await c.close();
});

const target = (name: string) => {
  const path = join(c.dir, name);
  return { path, fileToken: c.services.files.issue(path, 'save').token };
};

describe('exports', () => {
  it('writes the figures as xlsx, each with its counts and formula', async () => {
    const { path, fileToken } = target('统计指标.xlsx');
    expect(await c.services.stats.export({ year: 2026, format: 'xlsx', fileToken })).toEqual({
      fileName: '统计指标.xlsx',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('统计指标')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '范围',
      '名称',
      '指标',
      '比率',
      '分子',
      '分母',
      '计算公式',
      '说明',
    ]);
    const onTime = sheet.getRow(4 + 4).values as unknown[];
    expect(onTime.slice(1, 7)).toEqual(['全局', '全局', '检查结果按时公示率', '50.0%', 2, 4]);
  });

  it('writes the report as a PDF with the figures and the tables behind the charts', async () => {
    const { path, fileToken } = target('统计分析.pdf');
    await c.services.stats.export({ year: 2026, format: 'pdf', fileToken });
    const { readFileSync } = await import('node:fs');
    const pdf = await readPdf(readFileSync(path));
    expect(pdf.title).toBe('某县市场监督管理局2026年度双随机抽查统计分析');
    for (const text of ['检查结果按时公示率', '50.0%', '发现问题处置率', '按月统计', '检查人员工作量'])
      expect(pdf.compact).toContain(text);
  });

  it('refuses a year with nothing to count, writing no file', async () => {
    const { path, fileToken } = target('空年度.xlsx');
    await expect(c.services.stats.export({ year: 2031, format: 'xlsx', fileToken })).rejects.toThrow(
      '不能导出：2031年度没有抽查任务，没有可统计的数据。',
    );
    expect(existsSync(path)).toBe(false);
  });
});

describe('command line', () => {
  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['stats', ...args, '--db', c.conn.path], [statsCommand], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints the figures as JSON', async () => {
    const r = await cli('--year', '2026', '--json');
    expect(r.code).toBe(0);
    const global = JSON.parse(r.out).rows[0];
    expect(global.figures.find((f: { key: string }) => f.key === 'closureRate')).toMatchObject({
      numerator: 3,
      denominator: 3,
    });
  });

  it('refuses a year with no data in Chinese', async () => {
    const r = await cli('--year', '2031');
    expect(r.code).toBe(1);
    expect(r.err).toContain('2031年度没有抽查任务，没有可统计的数据。');
  });
});
