/**
 * The Excel 一户一表: written by the exporter, filled as a clerk would, re-saved by LibreOffice and read back; each
 * kind of bad input is refused with its Chinese reason at its cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawSheets } from '@shared/domain/sheets';
import { loadSheets } from '../../../src-main/sheets/load';
import { packageProblems } from '../../../src-main/sheets/xlsx-check';
import { parseFilledWorkbook } from '../../../src-main/sheets/xlsx-read';
import { renderPackageWorkbook } from '../../../src-main/sheets/xlsx-write';
import { fillFirstSheet, openWorkbook, resaveWithLibreOffice, rowsByMarker, saveWorkbook } from './fill';
import { sealedDraw, type SealedDraw } from './sealed-draw';

let s: SealedDraw;
let draw: DrawSheets;
let exported: Buffer;

beforeAll(async () => {
  s = await sealedDraw();
  draw = loadSheets(s.c.conn.raw, s.drawId);
  exported = await renderPackageWorkbook(draw, draw.packages[0]);
}, 120_000);
afterAll(() => s.c.close());

describe('Excel 一户一表 — written', () => {
  it('has one protected A4 sheet per entity, unlocked cells with drop-downs, hidden identifiers', async () => {
    const wb = await openWorkbook(exported);
    const pkg = draw.packages[0];
    expect(wb.worksheets.map((w) => w.name)).toEqual(pkg.entities.map((e, i) => `${i + 1}-${e.name}`.slice(0, 31)));
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('市场监管领域随机抽查情况记录表');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printArea).toMatch(/^A1:F\d+$/);
    expect(ws.getColumn(7).hidden).toBe(true);
    const rows = rowsByMarker(ws);
    const first = [...rows].find(([m]) => m.startsWith('row:'))![1];
    expect(ws.getCell(first, 5).protection?.locked).toBe(false);
    expect(ws.getCell(first, 5).dataValidation.formulae).toEqual(['"符合,不符合,不涉及"']);
    expect(ws.getCell(rows.get('method:0')!, 5).dataValidation.formulae).toEqual(['"是,否"']);
    expect(ws.getCell(first, 2).protection?.locked).not.toBe(false);
    expect(JSON.parse(String(ws.getCell('G1').value))).toMatchObject({
      drawId: s.drawId,
      entityId: pkg.entities[0].entityId,
    });
  });
});

describe('Excel 一户一表 — read back after LibreOffice re-saved it', () => {
  it('reads every sheet, the filled one with its values', async () => {
    const wb = await openWorkbook(exported);
    const team = draw.packages[0].team.map((m) => m.id);
    fillFirstSheet(wb.worksheets[0], team);
    const resaved = resaveWithLibreOffice(await saveWorkbook(wb));
    const after = await openWorkbook(resaved);
    expect(after.worksheets[0].getColumn(7).hidden).toBe(true);
    const parsed = await parseFilledWorkbook(resaved, { file: '第1包.xlsx', expectedDrawId: s.drawId });
    expect(parsed.problems).toEqual([]);
    expect(packageProblems(parsed, s.drawId, draw.packages[0], '第1包.xlsx')).toEqual([]);
    const sheet = draw.packages[0].entities[0];
    const got = parsed.sheets[0];
    expect(got).toMatchObject({ drawId: s.drawId, entityId: sheet.entityId, taskIds: [s.taskId] });
    expect(got.entry).toMatchObject({
      inspectedOn: '2026-12-01',
      correctionDeadline: '2026-12-31',
      inspectorIds: team,
      methods: ['实地检查'],
      categories: ['发现问题,依法责令立即改正或者限期改正'],
      followUps: ['责令改正,后续跟踪由日常监管部门负责'],
      note: '当场责令整改',
      endState: null,
    });
    const rows = sheet.items.flatMap((i) => i.rows);
    expect(got.entry.rows.map((r) => r.subItemId)).toEqual(rows.map((r) => r.subItemId));
    expect(got.entry.rows[0]).toEqual({
      subItemId: rows[0].subItemId,
      outcome: '不符合',
      finding: '许可证未在显著位置悬挂',
    });
    expect(got.entry.rows.slice(1).every((r) => r.outcome === '符合')).toBe(true);
    expect(parsed.sheets).toHaveLength(draw.packages[0].entities.length);
    for (const other of parsed.sheets.slice(1)) expect(other.entry.rows.every((r) => r.outcome === null)).toBe(true);
  }, 180_000);
});

describe('Excel 一户一表 — bad input', () => {
  it('refuses a workbook of another draw', async () => {
    const parsed = await parseFilledWorkbook(exported, { file: 'x.xlsx', expectedDrawId: s.drawId + 1 });
    expect(parsed.sheets).toEqual([]);
    expect(parsed.problems[0].reason).toContain(`来自另一次抽取（抽取编号 ${s.drawId}）`);
    const all = await parseFilledWorkbook(exported);
    const other = packageProblems(all, s.drawId + 1, draw.packages[0], 'x.xlsx');
    expect(other[0].reason).toContain('另一次抽取');
  });

  it('refuses a sheet whose rows were reordered', async () => {
    const wb = await openWorkbook(exported);
    const ws = wb.worksheets[0];
    const rows = [...rowsByMarker(ws)].filter(([m]) => m.startsWith('row:')).map(([, r]) => r);
    const [a, b] = [rows[0], rows[1]];
    for (let c = 1; c <= 7; c++) {
      const v = ws.getCell(a, c).value;
      ws.getCell(a, c).value = ws.getCell(b, c).value;
      ws.getCell(b, c).value = v;
    }
    const parsed = await parseFilledWorkbook(await saveWorkbook(wb), { file: 'x.xlsx' });
    expect(parsed.sheets).toHaveLength(draw.packages[0].entities.length - 1);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ sheet: ws.name, reason: expect.stringContaining('移动、插入或重新排序') }),
    ]);
  });

  it('refuses a sheet with a deleted row', async () => {
    const wb = await openWorkbook(exported);
    const ws = wb.worksheets[0];
    const row = [...rowsByMarker(ws)].find(([m]) => m.startsWith('row:'))![1];
    ws.spliceRows(row, 1);
    const parsed = await parseFilledWorkbook(await saveWorkbook(wb), { file: 'x.xlsx' });
    expect(parsed.problems[0]).toMatchObject({ sheet: ws.name, reason: expect.stringContaining('有行被删除') });
  });

  it('reports free text typed where a choice is expected, at its cell', async () => {
    const wb = await openWorkbook(exported);
    const ws = wb.worksheets[0];
    const rows = rowsByMarker(ws);
    const row = [...rows].find(([m]) => m.startsWith('row:'))![1];
    ws.getCell(row, 5).value = '基本符合';
    ws.getCell(rows.get('method:1')!, 5).value = '对';
    ws.getCell(rows.get('inspectedOn')!, 5).value = '十二月一日';
    const parsed = await parseFilledWorkbook(await saveWorkbook(wb), { file: 'x.xlsx' });
    expect(parsed.problems).toEqual([
      {
        file: 'x.xlsx',
        sheet: ws.name,
        cell: `E${rows.get('inspectedOn')}`,
        reason: expect.stringContaining('不是日期'),
      },
      { file: 'x.xlsx', sheet: ws.name, cell: `E${row}`, reason: expect.stringContaining('表中填的是“基本符合”') },
      { file: 'x.xlsx', sheet: ws.name, cell: `E${rows.get('method:1')}`, reason: expect.stringContaining('“对”') },
    ]);
    expect(parsed.sheets[0].entry.rows[0].outcome).toBeNull();
  });

  it('names an entity of the package whose sheet is missing', async () => {
    const wb = await openWorkbook(exported);
    wb.removeWorksheet(wb.worksheets[0].id);
    const parsed = await parseFilledWorkbook(await saveWorkbook(wb), { file: 'x.xlsx' });
    const missing = draw.packages[0].entities[0].name;
    expect(packageProblems(parsed, s.drawId, draw.packages[0], 'x.xlsx')).toEqual([
      { file: 'x.xlsx', sheet: '', cell: '', reason: `缺少检查对象“${missing}”的工作表（第 1 包）` },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    const parsed = await parseFilledWorkbook(Buffer.from('这不是表格'), { file: 'notes.xlsx' });
    expect(parsed).toEqual({
      sheets: [],
      sheetNames: [],
      worksheets: 0,
      problems: [{ file: 'notes.xlsx', sheet: '', cell: '', reason: '这个文件不是 Excel 工作簿（.xlsx），无法读取' }],
    });
  });
});
