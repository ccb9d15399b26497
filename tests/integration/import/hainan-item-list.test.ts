/**
 * The real published list (海南省市场监管领域随机抽查事项清单 2020): title row, two-row header, 380 merged ranges.
 * The expectations are derived from an independent, non-streaming read of the same file (exceljs Workbook with
 * its merge model), not from the pipeline under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { detectMapping, openImportFile } from '../../../src-main/rosters/readers/index';
import type { ItemRecord } from '@shared/domain/rosters';
import type { ImportRowResult } from '@shared/import/pipeline';
import { normaliseMultiline } from '@shared/import/values';

const SAMPLE = new URL('../../fixtures/samples/hainan-2020-item-list.xlsx', import.meta.url).pathname;

type Sheet = ExcelJS.Worksheet;
let sheet: Sheet;
let results: ImportRowResult<ItemRecord>[];
let counts: { valid: number; flagged: number; rejected: number };

function ownText(ws: Sheet, row: number, col: number): string {
  const cell = ws.getCell(row, col);
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v && 'richText' in v) {
    return normaliseMultiline((v as { richText: { text: string }[] }).richText.map((t) => t.text).join(''));
  }
  return normaliseMultiline(String(v));
}

function masterText(ws: Sheet, row: number, col: number): string {
  const cell = ws.getCell(row, col);
  return ownText(ws, Number(cell.master.row), Number(cell.master.col));
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  sheet = wb.worksheets[0];
  const reading = await openImportFile(SAMPLE, 'items');
  results = [];
  for await (const batch of reading) results.push(...batch);
  counts = reading.counts;
});

describe('Hainan 2020 item list: header and counts', () => {
  it('finds the two-row header under the title and maps every column', async () => {
    const proposal = await detectMapping(SAMPLE, 'items');
    expect(proposal.format).toBe('xlsx');
    expect(proposal.mergeCount).toBe(380);
    const d = proposal.detection;
    expect(d.headerRowNos).toEqual([2, 3]);
    expect(d.dataStartRowNo).toBe(4);
    expect(d.mapping).toEqual({
      compiler: 0,
      seqNo: 1,
      checkType: 2,
      name: 3,
      targets: 4,
      level: 5,
      method: 6,
      authority: 7,
      basis: 8,
    });
    expect(d.unmapped).toEqual([]);
    expect(d.columns.map((c) => c.text)).toContain('抽查项目/抽查事项');
  });

  it('imports exactly 285 items, none rejected', () => {
    expect(results).toHaveLength(285);
    expect(results.every((r) => r.record !== null)).toBe(true);
    expect(counts.rejected).toBe(0);
    expect(counts.valid + counts.flagged).toBe(285);
  });
});

describe('Hainan 2020 item list: every cell lands in an item', () => {
  it('one item per own 抽查事项 cell, with 编制单位, 序号 and 抽查类别 carried down from the merges', () => {
    const starts: number[] = [];
    for (let r = 4; r <= sheet.rowCount; r++) if (ownText(sheet, r, 4)) starts.push(r);
    expect(starts).toHaveLength(285);
    expect(results.map((r) => r.rowNo)).toEqual(starts);
    for (const result of results) {
      const item = result.record!;
      expect(item.name).toBe(ownText(sheet, result.rowNo, 4).replace(/\s+/g, ' '));
      expect(item.compiler).toBe(masterText(sheet, result.rowNo, 1));
      expect(item.seqNo).toBe(masterText(sheet, result.rowNo, 2));
      expect(item.checkType).toBe(masterText(sheet, result.rowNo, 3).replace(/\s+/g, ' '));
    }
    const last = results[results.length - 1];
    expect(last.record!.seqNo).toBe('122');
    expect(last.lastRowNo).toBe(391);
  });

  it('loses nothing: every own cell of an item’s rows is in the item (检查依据 on continuation rows included)', () => {
    const fieldOf: Record<number, keyof ItemRecord> = { 5: 'targets', 7: 'method', 8: 'authority', 9: 'basis' };
    let continuationLines = 0;
    for (const result of results) {
      const item = result.record!;
      for (let r = result.rowNo; r <= result.lastRowNo; r++) {
        for (const col of [5, 7, 8, 9]) {
          const text = r === result.rowNo ? masterText(sheet, r, col) : ownText(sheet, r, col);
          if (!text) continue;
          if (r > result.rowNo) continuationLines++;
          expect((item[fieldOf[col]] as string).split('\n').join('\n'), `row ${r} col ${col}`).toContain(text);
        }
      }
    }
    // Rows 7, 9, 12–14, 16, 174, 189, 190 add basis lines; 170, 177, 180, 185 add 检查主体; 315… add targets.
    expect(continuationLines).toBeGreaterThanOrEqual(13 + 8 * 3);
  });

  it('keeps the continuation-row 检查依据 lines in order', () => {
    const item = results.find((r) => r.rowNo === 11)!.record!;
    expect(item.name).toBe('学校（民办中等职业学校）招生、办学情况检查');
    expect(item.basis.split('\n')).toEqual([
      '《中华人民共和国职业教育法》第十一条',
      '《中华人民共和国民办教育促进法》第四十条',
      '《中华人民共和国民办教育促进法》第四十一条',
      '《中华人民共和国民办教育促进法》第四十二条',
    ]);
    const seeds = results.find((r) => r.rowNo === 169)!.record!;
    expect(seeds.authority.split('\n')).toEqual(['省农业农村厅种业管理处', '省种子总站']);
  });
});

describe('Hainan 2020 item list: merges, levels and keys', () => {
  it('a basis merged across several items belongs to each of them', () => {
    const r244 = results.find((r) => r.rowNo === 244)!.record!;
    const r255 = results.find((r) => r.rowNo === 255)!.record!;
    expect(r255.name).toBe('住所（经营场所）或驻在场所的检查');
    expect(r255.basis).toBe(r244.basis);
    expect(r255.basis.length).toBeGreaterThan(20);
  });

  it('flags, and does not hide, an item whose rows disagree on 事项类别', () => {
    const mixed = results.filter((r) => r.problems.some((p) => p.code === 'level.mixed'));
    expect(mixed.map((r) => r.rowNo)).toEqual([314, 316, 318, 320, 322, 324, 326, 328]);
    const first = mixed[0];
    expect(first.record!.level).toBe('重点');
    expect(first.record!.targets.split('\n')).toEqual(['餐饮服务经营者', '学校、托幼机构、养老机构等食堂']);
    expect(first.problems[0]).toMatchObject({ row: 314, column: 'F 事项类别', severity: 'flag' });
  });

  it('levels and sub-items: 一般/重点 read from 一般检查事项/重点检查事项; one sub-item per item (its name)', () => {
    const levels = new Set(results.map((r) => r.record!.level));
    expect(levels).toEqual(new Set(['一般', '重点']));
    expect(results.find((r) => r.rowNo === 297)!.record!.level).toBe('重点');
    for (const { record } of results) {
      expect(record!.subItems).toEqual([{ content: record!.name, basis: record!.basis, method: record!.method }]);
    }
  });

  it('keys (编制单位, 抽查类别, 抽查事项, 检查对象) are unique in the list', () => {
    const keys = new Set(results.map(({ record: i }) => `${i!.compiler}|${i!.checkType}|${i!.name}|${i!.targets}`));
    expect(keys.size).toBe(285);
  });
});
