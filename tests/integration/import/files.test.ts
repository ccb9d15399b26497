/**
 * Real files written here, the way county systems and clerks produce them, read back through the public entry
 * points. Each file is generated in a temp dir by a different writer than the reader under test where possible
 * (exceljs non-streaming for .xlsx, SheetJS for .xls, iconv-lite for GBK).
 */
import { mkdtemp, rm, writeFile, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import {
  collectRejections,
  detectMapping,
  openImportFile,
  readImportFile,
  type ImportRowResult,
} from '../../../src-main/rosters/readers/index';
import { buildImportTemplate, writeImportTemplate } from '../../../src-main/rosters/readers/templates';
import { refusal } from '../../fixtures/refusal';
import type { EntityRecord, InspectorRecord, RosterKind } from '@shared/domain/rosters';
import type { ImportProblem } from '@shared/import/problems';
import { FIELDS_BY_KIND } from '@shared/import/fields';
import { syntheticUscc, writeEntityXlsx, ENTITY_HEADER } from '../../fixtures/roster-files';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssj-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll<K extends RosterKind>(path: string, kind: K, options = {}) {
  const reading = await openImportFile(path, kind, options);
  const results: ImportRowResult<unknown>[] = [];
  for await (const batch of reading) results.push(...batch);
  return { reading, results };
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<string> {
  const { code: refused, message } = await refusal(() => promise);
  expect(refused).toBe(code);
  expect(message).toMatch(/[\u4e00-\u9fff]/); // a Chinese sentence for the clerk
  return message;
}

const U1 = syntheticUscc(1);
const U2 = syntheticUscc(2, '2');
const U3 = syntheticUscc(3);
const BAD_CHECK = U3.slice(0, 17) + (U3[17] === '0' ? '1' : '0');

describe('a messy county .xlsx export', () => {
  let path: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '某县市场主体名录（导出时间：2025-06-30）';
    ws.mergeCells('A1:J1');
    // Two-row header: a group label over 代码 columns, pinyin initials as the export's column names.
    ws.getRow(2).values = ['代码信息', null, 'QYMC', 'ZTLX', 'JYCS', 'GXDW', 'FDDBR', 'LXDH', '信用风险等级', 'ZT'];
    ws.mergeCells('A2:B2');
    ws.getRow(3).values = ['TYXYDM', 'ZCH', null, null, null, null, null, null, null, null];
    for (const col of ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']) ws.mergeCells(`${col}2:${col}3`);
    const rows: unknown[][] = [
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
      [
        914690067674692000,
        469006600187440 + 0,
        '重复注册号的店',
        '个体工商户',
        '东关',
        null,
        '张三',
        null,
        'B',
        '存续',
      ],
      [914690067674692000, null, '只有坏代码的公司', '企业', '西城', '西城市场监管所', '赵四', null, 'C', '存续'],
      [
        BAD_CHECK,
        null,
        '校验位不符的公司',
        '企业',
        '南湖',
        '南湖市场监管所',
        '钱五',
        '0898-66668888',
        'D',
        '吊销，未注销',
      ],
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
      [
        syntheticUscc(10).toLowerCase(),
        null,
        '小写代码的公司',
        null,
        '新区',
        '新区市场监管所',
        '冯十',
        null,
        null,
        null,
      ],
    ];
    rows.forEach((values, i) => {
      ws.getRow(4 + i).values = values as ExcelJS.CellValue[];
    });
    ws.mergeCells('F4:F5'); // 管辖单位 merged over two data rows
    path = join(dir, 'messy.xlsx');
    await wb.xlsx.writeFile(path);
  });

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

  it('reads each row as the rules say, naming row, column and reason', async () => {
    const { results, reading } = await readAll(path, 'entities');
    const byRow = new Map<number, ImportRowResult<EntityRecord>[]>();
    for (const r of results as ImportRowResult<EntityRecord>[]) byRow.set(r.rowNo, [...(byRow.get(r.rowNo) ?? []), r]);
    const codes = (row: number) => byRow.get(row)!.flatMap((r) => r.problems.map((p) => `${p.severity}:${p.code}`));

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

    // Row 5: 注册号 stored as a number (exact, 15 digits) is kept; office from the merge; landline lost its 0.
    const row5 = byRow.get(5)!;
    expect(row5[0].record).toMatchObject({ uscc: null, regNo: '469006600187440', office: '城关市场监管所' });
    expect(codes(5)).toContain('flag:phone.suspect');

    // Row 6: float-damaged USCC refused, row kept under its 注册号 — but that 注册号 repeats row 5's,
    // so row 6 is rejected and row 5, already delivered, is retracted.
    expect(codes(6)).toEqual(expect.arrayContaining(['flag:uscc.refused', 'error:duplicate.inFile']));
    expect(row5[1]).toMatchObject({ retracts: true, record: null });
    expect(row5[1].problems[0]).toMatchObject({ row: 5, column: 'B 代码信息/ZCH', code: 'duplicate.inFile' });
    // Row 7: float-damaged USCC and no other id: rejected, named.
    expect(byRow.get(7)![0].record).toBeNull();
    expect(byRow.get(7)![0].problems[0]).toMatchObject({
      row: 7,
      column: 'A 代码信息/TYXYDM',
      severity: 'error',
      code: 'uscc.refused',
    });
    expect(byRow.get(7)![0].problems[0].reason).toContain('9146900676746920');

    // Row 8: check digit fails → flagged, kept with the code as written; 吊销，未注销 is 吊销.
    expect(byRow.get(8)![0].record).toMatchObject({
      uscc: BAD_CHECK,
      regStatus: '吊销',
      creditGrade: 'D',
      phone: '0898-66668888',
    });
    expect(codes(8)).toEqual(['flag:uscc.checkDigit']);
    // Row 9: grade E is a row error.
    expect(byRow.get(9)![0].record).toBeNull();
    expect(byRow.get(9)![0].problems[0]).toMatchObject({ column: 'I 信用风险等级', code: 'creditGrade.invalid' });
    // Row 11: full-width code refused (not converted), no other id → rejected.
    expect(byRow.get(11)![0].problems[0]).toMatchObject({ code: 'uscc.refused', severity: 'error' });
    expect(byRow.get(11)![0].problems[0].reason).toContain('全角');
    // Row 12: a 1 MB name is refused by length, not stored.
    expect(byRow.get(12)![0].record).toBeNull();
    expect(byRow.get(12)![0].problems[0]).toMatchObject({ code: 'value.tooLong', field: 'name', column: 'C QYMC' });
    // Row 13: lower-case code upper-cased; type inferred from the code; grade empty = not graded; status default.
    expect(byRow.get(13)![0].record).toMatchObject({
      uscc: syntheticUscc(10),
      entityType: '企业',
      creditGrade: null,
      regStatus: '存续',
    });

    // valid: row 13; flagged: row 8; rejected: 4 and 5 (retracted), 6, 7, 9, 10, 11, 12.
    expect(reading.counts).toEqual({ valid: 1, flagged: 1, rejected: 8 });
  });

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

describe('.xls (BIFF8) and HTML-as-.xls', () => {
  it('reads a BIFF8 workbook with a title row and merged cells', async () => {
    const aoa = [
      ['执法检查人员名录'],
      ['姓名', '执法证号', '所属单位', '业务专长', '状态', '联系电话'],
      ['王伟', 46010012345, '城关市场监管所', '食品、特种设备', '在岗', 13800138000],
      ['李娜', 'ZF-0002', null, '广告；计量', '休假', null],
      ['张强', 'ZF-0003', '东关市场监管所', '药品', '离职', null],
    ];
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 5 } },
      { s: { r: 2, c: 2 }, e: { r: 3, c: 2 } },
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '人员');
    const path = join(dir, 'inspectors.xls');
    await writeFile(path, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }));
    const { results, reading } = await readAll(path, 'inspectors');
    expect(reading.format).toBe('xls');
    const records = results.map((r) => r.record as InspectorRecord);
    expect(records).toEqual([
      {
        name: '王伟',
        badgeNo: '46010012345',
        office: '城关市场监管所',
        tags: ['食品', '特种设备'],
        status: '在岗',
        phone: '13800138000',
      },
      { name: '李娜', badgeNo: 'ZF-0002', office: '城关市场监管所', tags: ['广告', '计量'], status: '请假', phone: '' },
      { name: '张强', badgeNo: 'ZF-0003', office: '东关市场监管所', tags: ['药品'], status: '调离', phone: '' },
    ]);
  });

  it('reads an HTML table saved with an .xls name (common county-system export)', async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><table>
      <tr><td colspan="3">专家库</td></tr>
      <tr><td>姓名</td><td>证书编号</td><td>工作单位</td></tr>
      <tr><td>陈静</td><td>KJ2019-001</td><td>某会计师事务所</td></tr></table></body></html>`;
    const path = join(dir, 'experts.xls');
    await writeFile(path, html);
    const { results, reading } = await readAll(path, 'experts');
    expect(reading.format).toBe('html');
    expect(results.map((r) => r.record)).toEqual([
      { name: '陈静', idOrCertNo: 'KJ2019-001', organisation: '某会计师事务所', tags: [], phone: '', status: '在库' },
    ]);
  });
});

describe('.csv', () => {
  const header = '统一社会信用代码,注册号,企业名称,类型,住所,管辖单位,联系电话,风险等级,状态\r\n';
  const body = [
    `${U1},,"城关鑫源餐饮有限公司",企业,"城关镇椰风路1号\r\n（二楼）",城关市场监管所,13800138000,A,存续\r\n`,
    `,469006600187440.0,李记小吃店,个体工商户,和顺路,城关市场监管所,13900000000.0,B,在营\r\n`,
    `9.14690067674692e+17,,坏代码公司,企业,西城,西城市场监管所,,C,存续\r\n`,
  ].join('');

  it('GBK (as Excel on Chinese Windows saves it), quoted fields with line breaks, float-rendered numbers', async () => {
    const path = join(dir, 'gbk.csv');
    await writeFile(path, iconv.encode(header + body, 'gbk'));
    const { results } = await readAll(path, 'entities');
    const records = results.map((r) => r.record);
    expect(records[0]).toMatchObject({ uscc: U1, name: '城关鑫源餐饮有限公司', address: '城关镇椰风路1号 （二楼）' });
    expect(records[1]).toMatchObject({
      uscc: null,
      regNo: '469006600187440',
      phone: '13900000000',
      entityType: '个体工商户',
    });
    expect(results[2]).toMatchObject({ rowNo: 4, record: null });
    expect(results[2].problems[0]).toMatchObject({ code: 'uscc.refused', column: 'A 统一社会信用代码' });
  });

  it('UTF-8 with BOM, UTF-8 without BOM, and UTF-16LE tab-separated give the same records', async () => {
    const variants: [string, Buffer][] = [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(header + body, 'utf8')])],
      ['plain.csv', Buffer.from(header + body, 'utf8')],
      [
        'unicode.txt',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from((header + body).replace(/,/g, '\t'), 'utf16le')]),
      ],
    ];
    const outputs = [];
    for (const [name, bytes] of variants) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      const { results } = await readAll(path, 'entities');
      outputs.push(results.map((r) => [r.rowNo, r.record]));
    }
    expect(outputs[0]).toHaveLength(3);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  it('a GBK character split across read chunks survives (256 KiB chunks, 3-byte… GBK 2-byte boundary)', async () => {
    const path = join(dir, 'gbk-big.csv');
    const lines = [header];
    for (let i = 1; i <= 6000; i++)
      lines.push(
        `${syntheticUscc(i)},,测试商店第${i}号分店名称较长以跨越缓冲区边界,企业,某镇某路,城关市场监管所,,B,存续\r\n`,
      );
    await writeFile(path, iconv.encode(lines.join(''), 'gbk'));
    const { results, reading } = await readAll(path, 'entities');
    expect(results).toHaveLength(6000);
    expect(reading.counts.valid).toBe(6000);
    expect(
      results.every((r, i) => (r.record as EntityRecord).name === `测试商店第${i + 1}号分店名称较长以跨越缓冲区边界`),
    ).toBe(true);
  });

  it('10,000 bad rows among good ones are each listed with row, column and reason', async () => {
    const path = join(dir, 'many-bad.csv');
    const lines = [header];
    for (let i = 1; i <= 20000; i++) {
      const bad = i % 2 === 0;
      lines.push(`${syntheticUscc(i)},,商店${i},企业,某路,城关市场监管所,,${bad ? 'E' : 'B'},存续\n`);
    }
    await writeFile(path, lines.join(''));
    const progress: number[] = [];
    const { results, reading } = await readAll(path, 'entities', { onProgress: (n: number) => progress.push(n) });
    expect(reading.counts).toEqual({ valid: 10000, flagged: 0, rejected: 10000 });
    const rejected = results.filter((r) => !r.record);
    expect(rejected).toHaveLength(10000);
    expect(rejected[0].problems[0]).toEqual({
      row: 3,
      column: 'H 风险等级',
      field: 'creditGrade',
      severity: 'error',
      code: 'creditGrade.invalid',
      reason: '信用风险等级“E”无法识别，应为 A / B / C / D',
    });
    expect(rejected.every((r) => r.problems[0].row === r.rowNo)).toBe(true);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress[progress.length - 1]).toBe(20001);
  });
});

describe('bad files', () => {
  it('wrong type (PNG bytes, PDF)', async () => {
    const png = join(dir, 'photo.xlsx');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
    await expectAppError(detectMapping(png, 'entities'), 'import.unsupportedFile');
    const pdf = join(dir, 'report.csv');
    await writeFile(pdf, '%PDF-1.4\n1 0 obj\n');
    await expectAppError(detectMapping(pdf, 'entities'), 'import.unsupportedFile');
  });

  it('a zip that is not a workbook, and a truncated workbook', async () => {
    const good = join(dir, 'good.xlsx');
    await writeEntityXlsx(good, 50);
    const bytes = await readFile(good);
    const truncated = join(dir, 'truncated.xlsx');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectAppError(detectMapping(truncated, 'entities'), 'import.corruptFile');
    const corrupted = join(dir, 'corrupted.xlsx');
    const damaged = Buffer.from(bytes);
    for (let i = 200; i < damaged.length - 2000; i += 97) damaged[i] ^= 0x5a; // flip bytes inside the deflate data
    await writeFile(corrupted, damaged);
    await expectAppError(readAllOrThrow(corrupted), 'import.corruptFile');
    const docx = join(dir, 'not-a-workbook.xlsx');
    await writeFile(docx, storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    await expectAppError(detectMapping(docx, 'entities'), 'import.unsupportedFile');
  });

  it('an encrypted workbook (OLE container with EncryptionInfo, as Office writes it)', async () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 7));
    const path = join(dir, 'secret.xlsx');
    await writeFile(path, XLSX.CFB.write(container, { type: 'buffer' }) as Buffer);
    await expectAppError(detectMapping(path, 'entities'), 'import.encrypted');
  });

  it('an empty file, an empty sheet, a header that matches nothing, a missing required column', async () => {
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    await expectAppError(detectMapping(empty, 'entities'), 'import.emptyFile');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const emptySheet = join(dir, 'empty-sheet.xlsx');
    await wb.xlsx.writeFile(emptySheet);
    await expectAppError(detectMapping(emptySheet, 'entities'), 'import.emptySheet');
    const nothing = join(dir, 'nothing.csv');
    await writeFile(nothing, '甲,乙,丙\n1,2,3\n');
    const message = await expectAppError(detectMapping(nothing, 'entities'), 'import.headerNotFound');
    expect(message).toContain('统一社会信用代码');
    const noName = join(dir, 'no-name.csv');
    await writeFile(noName, '统一社会信用代码,住所,联系电话\n' + `${U1},某路,123\n`);
    const missing = await expectAppError(openImportFile(noName, 'entities'), 'import.missingColumns');
    expect(missing).toContain('名称');
  });

  it('cancel: an aborted signal stops the read with import.cancelled', async () => {
    const path = join(dir, 'cancel.xlsx');
    await writeEntityXlsx(path, 5000);
    const controller = new AbortController();
    let seen = 0;
    const run = (async () => {
      for await (const batch of readImportFile(path, 'entities', { signal: controller.signal, batchSize: 500 })) {
        seen += batch.length;
        if (seen >= 1000) controller.abort();
      }
    })();
    await expectAppError(run, 'import.cancelled');
    expect(seen).toBeLessThan(5000);
  });
});

/** A zip with uncompressed entries (enough to look like a .docx to a format sniffer). */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function readAllOrThrow(path: string): Promise<void> {
  for await (const batch of readImportFile(path, 'entities')) void batch;
}

describe('templates', () => {
  it.each(['entities', 'inspectors', 'experts', 'items'] as const)(
    'the %s template maps every field and explains each column',
    async (kind) => {
      const path = join(dir, `template-${kind}.xlsx`);
      await writeImportTemplate(kind, path);
      const { detection } = await detectMapping(path, kind).catch(async (e) => {
        throw e;
      });
      const fields = FIELDS_BY_KIND[kind];
      expect(Object.keys(detection.mapping).sort()).toEqual(fields.map((f) => f.key).sort());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const header = wb.worksheets[0].getRow(1);
      fields.forEach((f, i) => {
        const note = header.getCell(i + 1).note as { texts: { text: string }[] } | string;
        const text = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
        expect(text).toContain(f.hint);
      });
      expect(wb.worksheets[1].name).toBe('填写说明');
      expect(buildImportTemplate(kind).worksheets[0].getColumn(1).values.length).toBeLessThanOrEqual(2);
    },
  );

  it('an entity template filled like a clerk would (codes as text) imports clean', async () => {
    const wb = buildImportTemplate('entities');
    const ws = wb.worksheets[0];
    ws.addRow({
      uscc: U1,
      name: '城关鑫源餐饮有限公司',
      entityType: '企业',
      creditGrade: 'B',
      regStatus: '存续',
      tags: '冷链、学校周边',
      lastInspectedOn: new Date(Date.UTC(2024, 4, 20)),
    });
    const path = join(dir, 'filled-template.xlsx');
    await wb.xlsx.writeFile(path);
    const { results } = await readAll(path, 'entities');
    expect(results).toHaveLength(1);
    expect(results[0].problems).toEqual([]);
    expect(results[0].record).toMatchObject({ uscc: U1, tags: ['冷链', '学校周边'], lastInspectedOn: '2024-05-20' });
  });
});

describe('fixture generator and streaming read', () => {
  it('a workbook with a shared-string table (as Excel saves) reads the same as one with inline strings', async () => {
    const shared = join(dir, 'shared-strings.xlsx');
    const inline = join(dir, 'inline-strings.xlsx');
    await writeEntityXlsx(shared, 3000, { sharedStrings: true, seed: 5 });
    await writeEntityXlsx(inline, 3000, { sharedStrings: false, seed: 5 });
    const a = await readAll(shared, 'entities');
    const b = await readAll(inline, 'entities');
    expect(a.results).toHaveLength(3000);
    expect(a.results).toEqual(b.results);
  });

  it('writes an N-row entity xlsx that reads back with every row valid, within a sane time', async () => {
    const path = join(dir, 'fixture-20k.xlsx');
    const started = performance.now();
    await writeEntityXlsx(path, 20000);
    const written = performance.now();
    const { results, reading } = await readAll(path, 'entities');
    const read = performance.now();
    expect(reading.detection.mapping).toMatchObject({ uscc: 0, regNo: 1, name: 2 });
    expect(ENTITY_HEADER.length).toBe(Object.keys(reading.detection.mapping).length);
    expect(results).toHaveLength(20000);
    expect(reading.counts).toEqual({ valid: 20000, flagged: 0, rejected: 0 });
    expect(new Set(results.map((r) => (r.record as EntityRecord).uscc)).size).toBe(20000);
    const grades = new Set(results.map((r) => (r.record as EntityRecord).creditGrade));
    expect(grades).toEqual(new Set(['A', 'B', 'C', 'D']));
    console.log(
      `fixture 20k rows: write ${Math.round(written - started)} ms, read ${Math.round(read - written)} ms, ${(await stat(path)).size} bytes`,
    );
  });
});
