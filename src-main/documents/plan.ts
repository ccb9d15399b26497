import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PlanPublication, PlanPublicationRow } from '@shared/domain/documents';
import { wrapText } from './fonts';
import { formatCount, formatDate, numberedLines, printedListSheet, XLSX_FONT } from './format';
import { DocText, labelCell, LIST_LAYOUT, listEndRow, pageFooter, renderPdf, SANS, titleBlock } from './pdf';
import { neutralRow } from '@shared/domain/cell-text';

/**
 * The 年度抽查工作计划 as published (公示, seed 004 §六): one wide table, so landscape, in PDF and in xlsx.
 * Both files carry the same title, version line and columns.
 */

const COLUMNS: {
  header: string;
  pdfWidth: number | string;
  xlsxWidth: number;
  value: (r: PlanPublicationRow, i: number) => string | number;
}[] = [
  { header: '序号', pdfWidth: 26, xlsxWidth: 6, value: (_r, i) => i + 1 },
  { header: '检查主体', pdfWidth: 84, xlsxWidth: 18, value: (r) => r.inspectingBody },
  { header: '计划名称', pdfWidth: 92, xlsxWidth: 22, value: (r) => r.taskName },
  { header: '检查事项', pdfWidth: '*', xlsxWidth: 34, value: (r) => numberedLines(r.items) },
  { header: '检查对象范围', pdfWidth: 110, xlsxWidth: 28, value: (r) => r.scope },
  { header: '计划开展时间', pdfWidth: 78, xlsxWidth: 18, value: (r) => r.period },
  { header: '抽查比例', pdfWidth: 84, xlsxWidth: 16, value: (r) => r.ratio },
  { header: '抽查频次', pdfWidth: 44, xlsxWidth: 10, value: (r) => r.frequency },
  { header: '预计抽查数量', pdfWidth: 56, xlsxWidth: 12, value: (r) => r.expectedCount },
];

function fullTitle(p: PlanPublication): string {
  return p.title.startsWith(p.bureauName) ? p.title : `${p.bureauName}${p.title}`;
}

/** "第 2 版 公示日期:2026年3月20日". */
function versionLine(p: PlanPublication): string {
  return `第 ${p.version} 版  公示日期：${formatDate(p.publishedAt)}`;
}

function changeLine(p: PlanPublication): string | null {
  return p.changeReason ? `本版调整说明：${p.changeReason}` : null;
}

/** Landscape A4 less the margins below. */
const PLAN_CONTENT_WIDTH = 841.89 - 72;
const PLAN_FONT_SIZE = 9;
/** Lines of 9 pt text a landscape page holds under the title and the header row, with room to spare. */
const PLAN_PAGE_LINES = 26;

/**
 * Rows are kept whole on a page (dontBreakRows) unless one is taller than a page: pdfmake 0.3 silently drops such a
 * row, so then rows may break. Each row's height is estimated from its cells broken at their column widths.
 */
function rowsFitPage(p: PlanPublication): boolean {
  const fixed = COLUMNS.reduce((s, c) => s + (typeof c.pdfWidth === 'number' ? c.pdfWidth : 0), 0);
  const star = PLAN_CONTENT_WIDTH - fixed - COLUMNS.length * 7;
  return p.rows.every((r, i) =>
    COLUMNS.every((c) => {
      const width = (typeof c.pdfWidth === 'number' ? c.pdfWidth : star) - 2;
      return wrapText(String(c.value(r, i)), 'regular', PLAN_FONT_SIZE, width).length <= PLAN_PAGE_LINES;
    }),
  );
}

function total(p: PlanPublication): number {
  return p.rows.reduce((s, r) => s + r.expectedCount, 0);
}

export async function renderPlanPdf(p: PlanPublication): Promise<Buffer> {
  const dt = new DocText();
  const header: TableCell[] = COLUMNS.map((c) => labelCell(dt, c.header, { fontSize: 9 }));
  const body: TableCell[][] = [header];
  p.rows.forEach((r, i) => {
    body.push(
      COLUMNS.map((c) => {
        const v = c.value(r, i);
        return typeof v === 'number'
          ? ({ text: formatCount(v), alignment: 'center' } as TableCell)
          : (dt.t(v) as TableCell);
      }),
    );
  });
  body.push([
    { text: dt.t('合计', true), bold: true, colSpan: COLUMNS.length - 1, alignment: 'right' } as TableCell,
    ...Array.from({ length: COLUMNS.length - 2 }, () => ({}) as TableCell),
    { text: formatCount(total(p)), bold: true, alignment: 'center' } as TableCell,
  ]);
  body.push(listEndRow(dt, COLUMNS.length));
  const change = changeLine(p);
  const content: Content[] = [
    ...titleBlock(dt, fullTitle(p)),
    { text: dt.t(versionLine(p)), alignment: 'center', fontSize: 10, margin: [0, 4, 0, 0] },
    ...(change ? [{ text: dt.t(change), fontSize: 10, margin: [0, 6, 0, 0] } as Content] : []),
    {
      table: { widths: COLUMNS.map((c) => c.pdfWidth), headerRows: 1, dontBreakRows: rowsFitPage(p), body },
      layout: { ...LIST_LAYOUT, paddingTop: () => 3, paddingBottom: () => 3 },
      fontSize: PLAN_FONT_SIZE,
      margin: [0, 10, 0, 0],
    },
    {
      text: dt.t(`公示单位：${p.bureauName}    公示日期：${formatDate(p.publishedAt)}`),
      alignment: 'right',
      fontSize: 10,
      margin: [0, 12, 0, 0],
    },
  ];
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 48], // PLAN_CONTENT_WIDTH
    info: { title: fullTitle(p), subject: versionLine(p), creator: 'ssj-desk', producer: 'ssj-desk' },
    defaultStyle: { font: SANS, fontSize: PLAN_FONT_SIZE, lineHeight: 1.2 },
    footer: pageFooter,
    content: [...content, ...dt.glyphNote()],
  });
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Display width in Excel's character units: a CJK or full-width character takes two. */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

/**
 * Excel does not grow a row for wrapped text that a program wrote, so the row height is estimated here: the most
 * lines any cell wraps to (at the column's width, 10 pt font) × 14 pt.
 */
function rowHeight(values: string[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    const width = COLUMNS[i].xlsxWidth - 1;
    const n = v.split('\n').reduce((s, line) => s + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
    lines = Math.max(lines, n);
  });
  return Math.max(20, lines * 14 + 4);
}

/**
 * The same table as xlsx, ready to print: title and version rows merged across, header row repeated on every page,
 * landscape A4 fitted to one page wide, "第 &P 页 共 &N 页" in the footer, wrapped text, thin borders.
 */
export async function renderPlanXlsx(p: PlanPublication): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ssj-desk';
  wb.created = new Date(p.publishedAt);
  const n = COLUMNS.length;
  const ws = wb.addWorksheet('抽查工作计划', printedListSheet(0.5));
  ws.columns = COLUMNS.map((c) => ({ width: c.xlsxWidth }));

  const title = ws.addRow(neutralRow([fullTitle(p)]));
  ws.mergeCells(1, 1, 1, n);
  title.height = 30;
  title.getCell(1).font = { name: XLSX_FONT, size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const change = changeLine(p);
  const sub = ws.addRow(neutralRow([change ? `${versionLine(p)}    ${change}` : versionLine(p)]));
  ws.mergeCells(2, 1, 2, n);
  sub.getCell(1).font = { name: XLSX_FONT, size: 10 };
  sub.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sub.height = change ? 32 : 18;

  const head = ws.addRow(COLUMNS.map((c) => c.header));
  head.height = 22;
  head.eachCell((cell) => {
    cell.font = { name: XLSX_FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });

  p.rows.forEach((r, i) => {
    const row = ws.addRow(neutralRow(COLUMNS.map((c) => c.value(r, i))));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = { name: XLSX_FONT, size: 10 };
      const centred = col === 1 || col >= n - 1;
      cell.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    row.getCell(n).numFmt = '#,##0';
    row.height = rowHeight(COLUMNS.map((c) => String(c.value(r, i))));
  });

  const last = ws.addRow(['合计', ...Array.from({ length: n - 2 }, () => null), total(p)]);
  ws.mergeCells(last.number, 1, last.number, n - 1);
  last.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { name: XLSX_FONT, size: 10, bold: true };
    cell.border = BORDER;
  });
  last.getCell(1).alignment = { horizontal: 'right', vertical: 'middle' };
  last.getCell(n).alignment = { horizontal: 'center', vertical: 'middle' };
  last.getCell(n).numFmt = '#,##0';

  const sign = ws.addRow([`公示单位：${p.bureauName}    公示日期：${formatDate(p.publishedAt)}`]);
  ws.mergeCells(sign.number, 1, sign.number, n);
  sign.getCell(1).alignment = { horizontal: 'right', vertical: 'middle' };
  sign.getCell(1).font = { name: XLSX_FONT, size: 10 };
  sign.height = 24;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
