/**
 * The announcements as xlsx (exceljs, as the plan and the sheets write them): title and publication line merged
 * across, the task block as label/value rows, the lists with a repeated header row; results' 检查事项 on a 2nd sheet.
 */
import ExcelJS from 'exceljs';
import type { Announcement, ResultAnnouncement, TaskAnnouncement } from '@shared/domain/disclosure';
import { detailColumns, publishedLine, resultColumns, TASK_LIST, taskBlock, type Column } from './columns';

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function sheet(wb: ExcelJS.Workbook, name: string, landscape: boolean): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
}

function heading(ws: ExcelJS.Worksheet, span: number, title: string, line: string): void {
  const t = ws.addRow([title]);
  ws.mergeCells(t.number, 1, t.number, span);
  t.height = 30;
  t.getCell(1).font = { name: FONT, size: 16, bold: true };
  t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  const s = ws.addRow([line]);
  ws.mergeCells(s.number, 1, s.number, span);
  s.getCell(1).font = { name: FONT, size: 10 };
  s.getCell(1).alignment = { horizontal: 'center' };
}

function list<R>(ws: ExcelJS.Worksheet, columns: Column<R>[], rows: R[]): void {
  const head = ws.addRow(columns.map((c) => c.header));
  head.eachCell((cell) => {
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => c.value(r)));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
  }
}

function taskSheet(wb: ExcelJS.Workbook, a: TaskAnnouncement): void {
  const ws = sheet(wb, '抽查任务公告', false);
  ws.columns = TASK_LIST.map((c) => ({ width: c.width }));
  heading(ws, TASK_LIST.length, a.title, publishedLine(a));
  for (const [label, value] of taskBlock(a.task)) {
    const row = ws.addRow([label, value]);
    ws.mergeCells(row.number, 2, row.number, TASK_LIST.length);
    row.getCell(1).font = { name: FONT, size: 10, bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'middle' };
    row.getCell(2).font = { name: FONT, size: 10 };
    row.height = Math.max(18, value.split('\n').length * 14);
  }
  ws.addRow([]);
  list(ws, TASK_LIST, a.rows);
  ws.addRow([]);
  for (const [label, value] of [
    ['输入摘要', a.draw.inputDigest],
    ['种子', a.draw.seed],
    ['验证方法', a.draw.howToVerify],
  ]) {
    const row = ws.addRow([label, value]);
    ws.mergeCells(row.number, 2, row.number, TASK_LIST.length);
    row.getCell(1).font = { name: FONT, size: 10, bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = label === '验证方法' ? 48 : 18;
  }
}

function resultSheets(wb: ExcelJS.Workbook, a: ResultAnnouncement): void {
  const columns = resultColumns(a);
  const ws = sheet(wb, '抽查结果公告', true);
  ws.columns = columns.map((c) => ({ width: c.width }));
  heading(ws, columns.length, a.title, publishedLine(a));
  list(ws, columns, a.rows);
  const details = detailColumns(a);
  const dws = sheet(wb, '检查事项明细', false);
  const all: Column<{ seq: number; name: string; d: (typeof a.rows)[number]['details'][number] }>[] = [
    { header: '公告序号', width: 8, value: (r) => r.seq },
    { header: '抽查市场主体名称', width: 30, value: (r) => r.name },
    ...details.map((c) => ({ ...c, value: (r: { d: Parameters<typeof c.value>[0] }) => c.value(r.d) })),
  ];
  dws.columns = all.map((c) => ({ width: c.width }));
  list(
    dws,
    all,
    a.rows.flatMap((r) => r.details.map((d) => ({ seq: r.seq, name: r.name, d }))),
  );
}

/** The announcement's xlsx bytes. */
export async function renderAnnouncementXlsx(a: Announcement): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ssj-desk';
  if (a.kind === '抽查任务公告') taskSheet(wb, a);
  else resultSheets(wb, a);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
