/**
 * Real files written here, the way county systems and clerks produce them, read back through the public entry
 * points. Each file is generated in a temp dir by a different writer than the reader under test where possible
 * (exceljs non-streaming for .xlsx, SheetJS for .xls, iconv-lite for GBK).
 */
import { writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { detectMapping } from '../../../src-main/rosters/readers/index';
import { buildImportTemplate, writeImportTemplate } from '../../../src-main/rosters/readers/templates';
import type { EntityRecord, InspectorRecord } from '@shared/domain/rosters';
import { FIELDS_BY_KIND } from '@shared/import/fields';
import { syntheticUscc, writeEntityXlsx, ENTITY_HEADER } from '../../fixtures/roster-files';
import { readAll, U1, useTempDir } from './read-files';

const tmp = useTempDir();

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
    const path = join(tmp.path, 'inspectors.xls');
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
    const path = join(tmp.path, 'experts.xls');
    await writeFile(path, html);
    const { results, reading } = await readAll(path, 'experts');
    expect(reading.format).toBe('html');
    expect(results.map((r) => r.record)).toEqual([
      { name: '陈静', idOrCertNo: 'KJ2019-001', organisation: '某会计师事务所', tags: [], phone: '', status: '在库' },
    ]);
  });
});

/** A small entity CSV: a line break inside a quoted field, numbers as Excel renders floats, a damaged code. */
const csvHeader = '统一社会信用代码,注册号,企业名称,类型,住所,管辖单位,联系电话,风险等级,状态\r\n';
const csvBody = [
  `${U1},,"城关鑫源餐饮有限公司",企业,"城关镇椰风路1号\r\n（二楼）",城关市场监管所,13800138000,A,存续\r\n`,
  `,469006600187440.0,李记小吃店,个体工商户,和顺路,城关市场监管所,13900000000.0,B,在营\r\n`,
  `9.14690067674692e+17,,坏代码公司,企业,西城,西城市场监管所,,C,存续\r\n`,
].join('');

describe('.csv: encodings', () => {
  it('GBK (as Excel on Chinese Windows saves it), quoted fields with line breaks, float-rendered numbers', async () => {
    const path = join(tmp.path, 'gbk.csv');
    await writeFile(path, iconv.encode(csvHeader + csvBody, 'gbk'));
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
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvHeader + csvBody, 'utf8')])],
      ['plain.csv', Buffer.from(csvHeader + csvBody, 'utf8')],
      [
        'unicode.txt',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from((csvHeader + csvBody).replace(/,/g, '\t'), 'utf16le')]),
      ],
    ];
    const outputs = [];
    for (const [name, bytes] of variants) {
      const path = join(tmp.path, name);
      await writeFile(path, bytes);
      const { results } = await readAll(path, 'entities');
      outputs.push(results.map((r) => [r.rowNo, r.record]));
    }
    expect(outputs[0]).toHaveLength(3);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });
});

describe('.csv: chunk boundaries and many bad rows', () => {
  it('a GBK character split across read chunks survives (256 KiB chunks, 3-byte… GBK 2-byte boundary)', async () => {
    const path = join(tmp.path, 'gbk-big.csv');
    const lines = [csvHeader];
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
    const path = join(tmp.path, 'many-bad.csv');
    const lines = [csvHeader];
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

describe('templates', () => {
  it.each(['entities', 'inspectors', 'experts', 'items'] as const)(
    'the %s template maps every field and explains each column',
    async (kind) => {
      const path = join(tmp.path, `template-${kind}.xlsx`);
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
    const path = join(tmp.path, 'filled-template.xlsx');
    await wb.xlsx.writeFile(path);
    const { results } = await readAll(path, 'entities');
    expect(results).toHaveLength(1);
    expect(results[0].problems).toEqual([]);
    expect(results[0].record).toMatchObject({ uscc: U1, tags: ['冷链', '学校周边'], lastInspectedOn: '2024-05-20' });
  });
});

describe('fixture generator and streaming read', () => {
  it('a workbook with a shared-string table (as Excel saves) reads the same as one with inline strings', async () => {
    const shared = join(tmp.path, 'shared-strings.xlsx');
    const inline = join(tmp.path, 'inline-strings.xlsx');
    await writeEntityXlsx(shared, 3000, { sharedStrings: true, seed: 5 });
    await writeEntityXlsx(inline, 3000, { sharedStrings: false, seed: 5 });
    const a = await readAll(shared, 'entities');
    const b = await readAll(inline, 'entities');
    expect(a.results).toHaveLength(3000);
    expect(a.results).toEqual(b.results);
  });

  it('writes an N-row entity xlsx that reads back with every row valid, within a sane time', async () => {
    const path = join(tmp.path, 'fixture-20k.xlsx');
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
