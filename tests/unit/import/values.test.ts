import { describe, expect, it } from 'vitest';
import {
  normaliseLine,
  normaliseMultiline,
  readCodeCell,
  readDateCell,
  readPhoneCell,
  splitTags,
} from '@shared/import/values';
import { normaliseHeader } from '@shared/import/fields';
import { MergeFiller, columnIndex, columnLetter, parseRange, type GridRow } from '@shared/import/grid';

describe('ID-like cells', () => {
  it('keeps text codes, upper-cased', () => {
    expect(readCodeCell(' 91110108551385082q ')).toEqual({ status: 'ok', code: '91110108551385082Q' });
    expect(readCodeCell("'469006600187440")).toEqual({ status: 'ok', code: '469006600187440' });
    expect(readCodeCell('="469006600187440"')).toEqual({ status: 'ok', code: '469006600187440' });
    expect(readCodeCell(null)).toEqual({ status: 'empty' });
    expect(readCodeCell('   ')).toEqual({ status: 'empty' });
  });

  it('repairs a float-rendered integer only when exact', () => {
    expect(readCodeCell('469006600187440.0')).toEqual({
      status: 'ok',
      code: '469006600187440',
      repairedFrom: '469006600187440.0',
    });
    expect(readCodeCell(469006600187440)).toMatchObject({ status: 'ok', code: '469006600187440' });
    // 18 digits cannot survive a double: refused, whichever way it arrives.
    expect(readCodeCell('9.14690067674692e+17')).toMatchObject({ status: 'damaged', code: 'code.floatDamaged' });
    expect(readCodeCell('9.14690067674692E+17')).toMatchObject({ status: 'damaged', code: 'code.floatDamaged' });
    expect(readCodeCell(914690067674692000)).toMatchObject({ status: 'damaged', code: 'code.floatDamaged' });
    expect(readCodeCell('914690067674692000.0')).toMatchObject({ status: 'damaged', code: 'code.floatDamaged' });
    expect(readCodeCell(1234567890123456)).toMatchObject({ status: 'damaged' }); // 16 digits: beyond Excel's 15
    expect(readCodeCell('4690066001874.5')).toMatchObject({ status: 'damaged', code: 'code.decimal' });
  });

  it('a real code that merely contains E is not scientific notation', () => {
    expect(readCodeCell('9146900600000009E2')).toEqual({ status: 'ok', code: '9146900600000009E2' });
  });

  it('full-width letters and digits are refused, not converted', () => {
    const cell = readCodeCell('９１１１０１０８５５１３８５０８２Ｑ');
    expect(cell).toMatchObject({ status: 'damaged', code: 'code.fullWidth' });
  });
});

describe('phones, dates, tags, text', () => {
  it('phones', () => {
    expect(readPhoneCell(13800138000)).toEqual({ status: 'ok', phone: '13800138000' });
    expect(readPhoneCell('13800138000.0')).toEqual({ status: 'ok', phone: '13800138000' });
    expect(readPhoneCell('0898-66668888')).toEqual({ status: 'ok', phone: '0898-66668888' });
    expect(readPhoneCell(89866668888)).toMatchObject({
      status: 'ok',
      phone: '89866668888',
      warning: expect.stringContaining('0'),
    });
    expect(readPhoneCell('1.38001380001e+20')).toMatchObject({ status: 'damaged' });
    expect(readPhoneCell('１３８００１３８０００')).toMatchObject({
      status: 'ok',
      warning: expect.stringContaining('全角'),
    });
  });

  it('dates in the forms clerks type, and Excel serials', () => {
    expect(readDateCell(new Date(Date.UTC(2024, 4, 20)))).toBe('2024-05-20');
    expect(readDateCell('2024-5-20')).toBe('2024-05-20');
    expect(readDateCell('2024/05/20')).toBe('2024-05-20');
    expect(readDateCell('2024年5月20日')).toBe('2024-05-20');
    expect(readDateCell('20240520')).toBe('2024-05-20');
    expect(readDateCell(45432)).toBe('2024-05-20');
    expect(readDateCell('2024-02-30')).toBeUndefined();
    expect(readDateCell('去年')).toBeUndefined();
    expect(readDateCell(null)).toBeNull();
  });

  it('tags split on Chinese and ASCII separators, without duplicates', () => {
    expect(splitTags('冷链、学校周边,冷链；网络经营 | 进口食品')).toEqual(['冷链', '学校周边', '网络经营', '进口食品']);
    expect(splitTags('')).toEqual([]);
  });

  it('NFC and trimming; one-line fields lose Excel wrapping, multi-line keep their lines', () => {
    const decomposed = 'e\u0301'; // é as e + combining accent
    expect(normaliseLine(`  城关${decomposed}\n市场监管所\u3000`)).toBe('城关\u00e9 市场监管所');
    expect(normaliseMultiline('《法》第一条 \r\n《条例》第二条\r\n')).toBe('《法》第一条\n《条例》第二条');
  });

  it('header text normal form', () => {
    expect(normaliseHeader('*统一社会信用代码（必填）')).toBe('统一社会信用代码');
    expect(normaliseHeader(' ＴＹＸＹＤＭ ')).toBe('tyxydm');
    expect(normaliseHeader('住所（经营场所）：')).toBe('住所(经营场所)');
  });
});

describe('grid and merges', () => {
  it('column letters', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
    expect(parseRange('B2:D5')).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
  });

  it('fills merged regions row by row and marks inherited cells', () => {
    const filler = new MergeFiller([parseRange('A1:C1'), parseRange('B2:B4')]);
    const row = (rowNo: number, cells: (string | null)[]): GridRow => filler.fill({ rowNo, cells, inherited: [] });
    expect(row(1, ['标题', null, null])).toEqual({ rowNo: 1, cells: ['标题', '标题', '标题'], inherited: [1, 2] });
    expect(row(2, ['a', '合并', 'x'])).toEqual({ rowNo: 2, cells: ['a', '合并', 'x'], inherited: [] });
    // row 3 absent from the file; row 4 still inherits.
    expect(row(4, ['c'])).toEqual({ rowNo: 4, cells: ['c', '合并'], inherited: [1] });
    expect(row(5, ['d', null])).toEqual({ rowNo: 5, cells: ['d', null], inherited: [] });
  });
});
