/**
 * The plan as published (公示): the PDF read back with pdf.js, the xlsx opened with exceljs — columns, rows, merged
 * and wrapped cells, print setup (landscape A4, header row repeated, fitted to one page wide, page numbers).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderPlanPdf, renderPlanXlsx } from '../../../src-main/documents';
import { samplePlan } from '../../fixtures/documents';
import { readPdf } from './pdf-text';

const HEADERS = [
  '序号',
  '检查主体',
  '计划名称',
  '检查事项',
  '检查对象范围',
  '计划开展时间',
  '抽查比例',
  '抽查频次',
  '预计抽查数量',
];

describe('年度抽查工作计划 (公示) — PDF', () => {
  it('prints title, version, change reason, every row under the 8 columns, the total, landscape with the header on every page', async () => {
    const p = samplePlan(40);
    const r = await readPdf(await renderPlanPdf(p));
    expect(r.pages.length).toBeGreaterThan(1);
    expect(r.compact).toContain('鄄城县市场监督管理局2026年度双随机抽查工作计划');
    expect(r.compact).toContain('第2版公示日期：2026年3月20日');
    expect(r.compact).toContain(`本版调整说明：${p.changeReason}`);
    r.pages.forEach((page, i) => {
      expect(page.width).toBeGreaterThan(page.height);
      expect(page.text.replace(/\s+/g, '')).toContain(HEADERS.join('')); // header row repeated
      expect(page.text).toContain(`第 ${i + 1} 页 共 ${r.pages.length} 页`);
    });
    p.rows.forEach((row, i) => {
      const items = row.items.length === 1 ? row.items[0] : row.items.map((it, k) => `${k + 1}.${it}`).join('');
      const cells = [
        i + 1,
        row.inspectingBody,
        row.taskName,
        items,
        row.scope,
        row.period,
        row.ratio,
        row.frequency,
        row.expectedCount.toLocaleString('en-US'),
      ];
      expect(r.compact, `row ${i + 1}`).toContain(cells.join('').replace(/\s+/g, ''));
    });
    const total = p.rows.reduce((s, x) => s + x.expectedCount, 0);
    expect(r.compact).toContain(`合计${total.toLocaleString('en-US')}（以下空白）公示单位：鄄城县市场监督管理局`);
  });

  it('lets a row taller than a page break rather than lose it', async () => {
    const p = samplePlan(3);
    p.rows[1].items = Array.from({ length: 60 }, (_, i) => `第${i + 1}项：食品经营者落实食品安全主体责任情况的检查`);
    const r = await readPdf(await renderPlanPdf(p));
    for (let i = 1; i <= 60; i++) expect(r.compact).toContain(`${i}.第${i}项：`);
    expect(r.compact).toContain(p.rows[2].taskName);
    expect(r.pages.length).toBeGreaterThan(1);
  });

  it('has no change line for the first version', async () => {
    const p = { ...samplePlan(2), version: 1, changeReason: null };
    const r = await readPdf(await renderPlanPdf(p));
    expect(r.compact).toContain('第1版公示日期');
    expect(r.all).not.toContain('调整说明');
    expect(r.pages.length).toBe(1);
  });
});

describe('年度抽查工作计划 (公示) — xlsx', () => {
  it('opens in exceljs with title, columns, rows, merged and wrapped cells and a print setup for A4 landscape', async () => {
    const p = samplePlan(40);
    const wb = new ExcelJS.Workbook();
    const bytes = await renderPlanXlsx(p);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('抽查工作计划')!;
    expect(ws).toBeDefined();

    // Title and version rows, merged across the nine columns.
    expect(ws.getCell('A1').value).toBe('鄄城县市场监督管理局2026年度双随机抽查工作计划');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(String(ws.getCell('A2').value)).toContain('第 2 版  公示日期：2026年3月20日');
    expect(String(ws.getCell('A2').value)).toContain(`本版调整说明：${p.changeReason}`);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:I1', 'A2:I2', `A${4 + p.rows.length}:H${4 + p.rows.length}`]));
    expect(ws.getCell('I1').isMerged).toBe(true);

    // Header row, then one row per task with the values as typed; items one per line in a wrapped cell.
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(HEADERS);
    p.rows.forEach((row, i) => {
      const r = ws.getRow(4 + i);
      expect(r.getCell(1).value).toBe(i + 1);
      expect(r.getCell(2).value).toBe(row.inspectingBody);
      expect(r.getCell(3).value).toBe(row.taskName);
      expect(String(r.getCell(4).value).split('\n')).toHaveLength(row.items.length);
      expect(r.getCell(5).value).toBe(row.scope);
      expect(r.getCell(6).value).toBe(row.period);
      expect(r.getCell(7).value).toBe(row.ratio);
      expect(r.getCell(8).value).toBe(row.frequency);
      expect(r.getCell(9).value).toBe(row.expectedCount);
      expect(r.getCell(4).alignment?.wrapText).toBe(true);
      expect(r.getCell(4).border?.left?.style).toBe('thin');
      // Tall enough for its longest cell (Excel does not grow rows a program wrote).
      expect(r.height).toBeGreaterThanOrEqual(row.items.length * 14);
    });
    const totalRow = ws.getRow(4 + p.rows.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(9).value).toBe(p.rows.reduce((s, x) => s + x.expectedCount, 0));
    expect(String(ws.getRow(5 + p.rows.length).getCell(1).value)).toContain('公示单位：鄄城县市场监督管理局');

    // Print setup.
    const ps = ws.pageSetup;
    expect(ps.orientation).toBe('landscape');
    expect(ps.paperSize).toBe(9); // A4
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ps.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });
});
