/**
 * The year's figures as files: an xlsx of every figure with its counts and formula, and a PDF report of the figures
 * and the tables behind the charts, rendered with the bundled fonts as the other printed documents are.
 */
import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { rateText, type StatsScopeRow, type StatsView } from '@shared/domain/stats';
import { DocText, labelCell, LIST_LAYOUT, pageFooter, renderPdf, SANS, titleBlock } from '../documents/pdf';

export function reportTitle(v: StatsView): string {
  return `${v.bureauName}${v.year}年度双随机抽查统计分析`;
}

export function filterText(v: StatsView): string {
  const parts = [
    v.filter.department ? `部门：${v.filter.department}` : null,
    v.filter.office ? `管辖单位：${v.filter.office}` : null,
  ].filter((p) => p !== null);
  return `统计日期：${v.today}；范围：${parts.length > 0 ? parts.join('，') : '全部部门和管辖单位'}`;
}

const MONTH_HEADERS = ['月份', '封存抽取数', '抽中户次', '检查户次', '发现问题', '处置完结'];
const FIGURE_HEADERS = ['范围', '名称', '指标', '比率', '分子', '分母', '计算公式', '说明'];

function figureRows(rows: StatsScopeRow[]): (string | number)[][] {
  return rows.flatMap((r) =>
    r.figures.map((f) => [
      r.kind,
      r.name,
      f.label,
      rateText(f.rate),
      f.numerator,
      f.denominator,
      f.formula,
      f.note ?? '',
    ]),
  );
}

export async function renderStatsXlsx(v: StatsView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ssj-desk';
  const ws = wb.addWorksheet('统计指标', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } });
  ws.columns = [10, 22, 20, 10, 10, 10, 60, 30].map((width) => ({ width }));
  ws.addRow([reportTitle(v)]).getCell(1).font = { name: '宋体', size: 14, bold: true };
  ws.mergeCells(1, 1, 1, FIGURE_HEADERS.length);
  ws.addRow([filterText(v)]);
  ws.mergeCells(2, 1, 2, FIGURE_HEADERS.length);
  const head = ws.addRow(FIGURE_HEADERS);
  head.font = { name: '宋体', bold: true };
  for (const values of figureRows(v.rows)) ws.addRow(values).font = { name: '宋体' };
  const months = wb.addWorksheet('按月统计');
  months.addRow(MONTH_HEADERS).font = { bold: true };
  for (const m of v.charts.months)
    months.addRow([`${m.month}月`, m.draws, m.drawn, m.inspections, m.problemsFound, m.problemsClosed]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function table(dt: DocText, headers: string[], rows: (string | number)[][], widths: (number | string)[]): Content {
  const body: TableCell[][] = [
    headers.map((h) => labelCell(dt, h)),
    ...rows.map((r) => r.map((c) => ({ text: dt.t(String(c)) }) as TableCell)),
  ];
  return { table: { headerRows: 1, widths, body }, layout: LIST_LAYOUT, margin: [0, 4, 0, 10] };
}

function heading(dt: DocText, text: string): Content {
  return { text: dt.t(text, true), bold: true, fontSize: 12, margin: [0, 8, 0, 2] };
}

type Section = [title: string, headers: string[], rows: (string | number)[][], widths: (number | string)[]];

/** The tables behind the charts, each under its heading. */
function chartTables(dt: DocText, v: StatsView): Content[] {
  const c = v.charts;
  const sections: Section[] = [
    [
      '按月统计',
      MONTH_HEADERS,
      c.months.map((m) => [`${m.month}月`, m.draws, m.drawn, m.inspections, m.problemsFound, m.problemsClosed]),
      [60, '*', '*', '*', '*', '*'],
    ],
    ['检查结果分类', ['检查结果', '户次'], c.categories.map((x) => [x.name, x.count]), ['*', 80]],
    [
      '按信用风险等级的抽查覆盖',
      ['信用风险等级', '名录库户数', '抽中户数'],
      c.grades.map((g) => [g.grade, g.roster, g.drawn]),
      ['*', 120, 120],
    ],
    ['联合抽查与单部门抽查', ['联合抽查任务数', '单部门抽查任务数'], [[c.tasks.joint, c.tasks.single]], ['*', '*']],
    ['各单位检查工作量', ['检查人员所属单位', '检查户次'], c.offices.map((o) => [o.name, o.inspections]), ['*', 120]],
    [
      '检查人员工作量（前 30 名）',
      ['检查人员', '所属单位', '检查户次'],
      c.inspectors.slice(0, 30).map((i) => [i.name, i.office, i.inspections]),
      ['*', '*', 120],
    ],
  ];
  return sections.flatMap(([title, headers, rows, widths]) => [heading(dt, title), table(dt, headers, rows, widths)]);
}

export async function renderStatsPdf(v: StatsView): Promise<Buffer> {
  const dt = new DocText();
  const content: Content[] = [
    ...titleBlock(dt, reportTitle(v)),
    { text: dt.t(filterText(v)), alignment: 'center', fontSize: 10, margin: [0, 4, 0, 8] },
    heading(dt, '统计指标'),
    table(dt, FIGURE_HEADERS, figureRows(v.rows), [44, 70, 70, 40, 40, 40, '*', 90]),
    ...chartTables(dt, v),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 48],
    info: { title: reportTitle(v), creator: 'ssj-desk', producer: 'ssj-desk' },
    defaultStyle: { font: SANS, fontSize: 9, lineHeight: 1.2 },
    footer: pageFooter,
    content: [...content, ...dt.glyphNote()],
  });
}
