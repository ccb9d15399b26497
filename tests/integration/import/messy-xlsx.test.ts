/**
 * A county system's .xlsx export as it comes: a title row, a two-row header in pinyin initials, merged cells, codes
 * stored as numbers, full-width and lower-case codes, duplicates, and a 1 MB cell. Written with exceljs
 * (non-streaming), read back through the import's public entry points.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { collectRejections, detectMapping, type ImportRowResult } from '../../../src-main/rosters/readers/index';
import type { EntityRecord } from '@shared/domain/rosters';
import type { ImportProblem } from '@shared/import/problems';
import { syntheticUscc } from '../../fixtures/roster-files';
import { BAD_CHECK, readAll, U1, U2, useTempDir } from './read-files';

const tmp = useTempDir();

let path: string;
let reading: Awaited<ReturnType<typeof readAll>>['reading'];
/** The rows read, by row number (a retracted row appears twice: delivered, then retracted). */
const byRow = new Map<number, ImportRowResult<EntityRecord>[]>();
const codes = (row: number) => byRow.get(row)!.flatMap((r) => r.problems.map((p) => `${p.severity}:${p.code}`));
beforeAll(async () => {
  path = join(tmp.path, 'messy.xlsx');
  await writeMessyExport(path);
  const read = await readAll(path, 'entities');
  reading = read.reading;
  for (const r of read.results as ImportRowResult<EntityRecord>[])
    byRow.set(r.rowNo, [...(byRow.get(r.rowNo) ?? []), r]);
});

/** The data rows, from row 4: each breaks a rule the reader must name (see the tests below). */
const ROWS: unknown[][] = [
  [
    U1,
    null,
    '城关鑫源餐饮有限公司',
    '有限责任公司（自然人独资）',
    '城关镇椰风路1号',
    '城关市场监管所',
    '王伟',
    13800138000,
    'A',
    '存续（在营、开业、在册）',
  ],
  [null, 469006600187440, '李记小吃店', '个体工商户', '城关镇和顺路2号', null, '李娜', 89812345678, 'B', '在营'],
  [914690067674692000, 469006600187440 + 0, '重复注册号的店', '个体工商户', '东关', null, '张三', null, 'B', '存续'],
  [914690067674692000, null, '只有坏代码的公司', '企业', '西城', '西城市场监管所', '赵四', null, 'C', '存续'],
  [BAD_CHECK, null, '校验位不符的公司', '企业', '南湖', '南湖市场监管所', '钱五', '0898-66668888', 'D', '吊销，未注销'],
  [U2, null, '等级写成E的店', '个体工商户', '北山', '北山市场监管所', '孙六', null, 'E', '存续'],
  [U1, null, '与第4行代码重复', '企业', '河口', '河口市场监管所', '周七', null, 'A', '存续'],
  [
    '９１４６９００６ＭＡ５ＲＸＸＸＸＸＸ',
    null,
    '全角代码的公司',
    '企业',
    '新区',
    '新区市场监管所',
    '吴八',
    null,
    'B',
    '存续',
  ],
  [syntheticUscc(9), null, 'x'.repeat(1_000_000), '企业', '新区', '新区市场监管所', '郑九', null, 'B', '存续'],
  [syntheticUscc(10).toLowerCase(), null, '小写代码的公司', null, '新区', '新区市场监管所', '冯十', null, null, null],
];

/** The export: a title over a two-row header (pinyin initials under a merged group label), then ROWS. */
async function writeMessyExport(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '某县市场主体名录（导出时间：2025-06-30）';
  ws.mergeCells('A1:J1');
  // Two-row header: a group label over 代码 columns, pinyin initials as the export's column names.
  ws.getRow(2).values = ['代码信息', null, 'QYMC', 'ZTLX', 'JYCS', 'GXDW', 'FDDBR', 'LXDH', '信用风险等级', 'ZT'];
  ws.mergeCells('A2:B2');
  ws.getRow(3).values = ['TYXYDM', 'ZCH', null, null, null, null, null, null, null, null];
  for (const col of ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']) ws.mergeCells(`${col}2:${col}3`);
  ROWS.forEach((values, i) => {
    ws.getRow(4 + i).values = values as ExcelJS.CellValue[];
  });
  ws.mergeCells('F4:F5'); // 管辖单位 merged over two data rows
  await wb.xlsx.writeFile(path);
}

describe('a messy county .xlsx export: the header', () => {
  it('detects the two-row header under the title, pinyin columns included', async () => {
    const { detection, format, mergeCount } = await detectMapping(path, 'entities');
    expect(format).toBe('xlsx');
    expect(mergeCount).toBe(11);
    expect(detection.headerRowNos).toEqual([2, 3]);
    expect(detection.mapping).toMatchObject({
      uscc: 0,
      regNo: 1,
      name: 2,
      entityType: 3,
      address: 4,
      office: 5,
      legalRep: 6,
      phone: 7,
      creditGrade: 8,
      regStatus: 9,
    });
    expect(detection.missingRequired).toEqual([]);
  });
});

describe('a messy county .xlsx export: ids and duplicates, named by row and column', () => {
  it('retracts a valid row when a later row repeats its USCC, naming both', () => {
    // Row 4 is valid, then retracted: row 10 repeats its USCC.
    const row4 = byRow.get(4)!;
    expect(row4[0].record).toMatchObject({
      uscc: U1,
      entityType: '企业',
      regStatus: '存续',
      creditGrade: 'A',
      phone: '13800138000',
    });
    expect(row4[1]).toMatchObject({ retracts: true, record: null });
    expect(row4[1].problems[0].reason).toContain('第 10 行');
    expect(codes(10)).toEqual(['error:duplicate.inFile']);
    expect(byRow.get(10)![0].problems[0]).toMatchObject({ row: 10, column: 'A 代码信息/TYXYDM', field: 'uscc' });
  });

  it('keeps a 注册号 stored as a number, takes the office from a merge, flags a landline that lost its 0', () => {
    // Row 5: 注册号 stored as a number (exact, 15 digits) is kept; office from the merge; landline lost its 0.
    const row5 = byRow.get(5)!;
    expect(row5[0].record).toMatchObject({ uscc: null, regNo: '469006600187440', office: '城关市场监管所' });
    expect(codes(5)).toContain('flag:phone.suspect');
  });

  it('refuses a float-damaged USCC; the row’s repeated 注册号 then rejects it and retracts the first', () => {
    // Row 6: float-damaged USCC refused, row kept under its 注册号 — but that 注册号 repeats row 5's,
    // so row 6 is rejected and row 5, already delivered, is retracted.
    expect(codes(6)).toEqual(expect.arrayContaining(['flag:uscc.refused', 'error:duplicate.inFile']));
    const row5 = byRow.get(5)!;
    expect(row5[1]).toMatchObject({ retracts: true, record: null });
    expect(row5[1].problems[0]).toMatchObject({ row: 5, column: 'B 代码信息/ZCH', code: 'duplicate.inFile' });
  });

  it('rejects a row whose only id is a float-damaged USCC, naming it', () => {
    // Row 7: float-damaged USCC and no other id: rejected, named.
    expect(byRow.get(7)![0].record).toBeNull();
    expect(byRow.get(7)![0].problems[0]).toMatchObject({
      row: 7,
      column: 'A 代码信息/TYXYDM',
      severity: 'error',
      code: 'uscc.refused',
    });
    expect(byRow.get(7)![0].problems[0].reason).toContain('9146900676746920');
  });
});

describe('a messy county .xlsx export: codes, grades and lengths', () => {
  it('flags a failed check digit and keeps the code as written', () => {
    // Row 8: check digit fails → flagged, kept with the code as written; 吊销，未注销 is 吊销.
    expect(byRow.get(8)![0].record).toMatchObject({
      uscc: BAD_CHECK,
      regStatus: '吊销',
      creditGrade: 'D',
      phone: '0898-66668888',
    });
    expect(codes(8)).toEqual(['flag:uscc.checkDigit']);
  });

  it('rejects grade E', () => {
    // Row 9: grade E is a row error.
    expect(byRow.get(9)![0].record).toBeNull();
    expect(byRow.get(9)![0].problems[0]).toMatchObject({ column: 'I 信用风险等级', code: 'creditGrade.invalid' });
  });

  it('refuses a full-width code rather than converting it', () => {
    // Row 11: full-width code refused (not converted), no other id → rejected.
    expect(byRow.get(11)![0].problems[0]).toMatchObject({ code: 'uscc.refused', severity: 'error' });
    expect(byRow.get(11)![0].problems[0].reason).toContain('全角');
  });

  it('refuses a 1 MB name by its length', () => {
    // Row 12: a 1 MB name is refused by length, not stored.
    expect(byRow.get(12)![0].record).toBeNull();
    expect(byRow.get(12)![0].problems[0]).toMatchObject({ code: 'value.tooLong', field: 'name', column: 'C QYMC' });
  });

  it('upper-cases a lower-case code, infers the type, leaves the grade empty, defaults the status', () => {
    // Row 13: lower-case code upper-cased; type inferred from the code; grade empty = not graded; status default.
    expect(byRow.get(13)![0].record).toMatchObject({
      uscc: syntheticUscc(10),
      entityType: '企业',
      creditGrade: null,
      regStatus: '存续',
    });
  });

  it('counts one valid, one flagged and eight rejected rows', () => {
    // valid: row 13; flagged: row 8; rejected: 4 and 5 (retracted), 6, 7, 9, 10, 11, 12.
    expect(reading.counts).toEqual({ valid: 1, flagged: 1, rejected: 8 });
  });
});

describe('a messy county .xlsx export, confirmed', () => {
  it('the confirm pass, given the preview’s duplicates, rejects both rows in place (no retraction)', async () => {
    const preview = await readAll(path, 'entities');
    const rejectRows = new Map<number, ImportProblem[]>();
    collectRejections(rejectRows, preview.results);
    expect([...rejectRows.keys()].sort((a, b) => a - b)).toEqual([4, 5, 6, 10]);
    const confirm = await readAll(path, 'entities', { rejectRows });
    expect(confirm.results.some((r) => r.retracts)).toBe(false);
    expect(confirm.results.filter((r) => r.record).map((r) => r.rowNo)).toEqual([8, 13]);
    expect(confirm.reading.counts).toEqual(preview.reading.counts);
  });
});
