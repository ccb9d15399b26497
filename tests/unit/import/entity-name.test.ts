import { describe, expect, it } from 'vitest';
import { maskPersonName, operatorEntityName, publicEntityName } from '@shared/domain/entity-names';
import { usccCheckChar } from '@shared/domain/uscc';
import { entityNameOf } from '@shared/import/entity-name';
import { detectHeader } from '@shared/import/header';
import type { CellValue } from '@shared/import/grid';
import { RecordPipeline, type ImportRowResult } from '@shared/import/pipeline';
import type { EntityRecord } from '@shared/domain/rosters';

describe('maskPersonName', () => {
  it('keeps the surname and writes 某某', () => {
    expect(maskPersonName('周建国')).toBe('周某某');
    expect(maskPersonName('李娜')).toBe('李某某');
    expect(maskPersonName(' 王 ')).toBe('王某某');
  });

  it('keeps a compound surname whole, but not a two-character name that is one', () => {
    expect(maskPersonName('欧阳明')).toBe('欧阳某某');
    expect(maskPersonName('司马相如')).toBe('司马某某');
    expect(maskPersonName('欧阳')).toBe('欧某某');
  });

  it('leaves an empty name empty and counts a character beyond the BMP as one', () => {
    expect(maskPersonName('')).toBe('');
    expect(maskPersonName('  ')).toBe('');
    expect(maskPersonName('𠀀小明')).toBe('𠀀某某');
  });
});

describe('publicEntityName', () => {
  it('masks the operator of a name built from him, and only then', () => {
    const built = { name: operatorEntityName('周建国'), legalRep: '周建国', nameFromOperator: true };
    expect(built.name).toBe('个体工商户（经营者：周建国）');
    expect(publicEntityName(built)).toBe('个体工商户（经营者：周某某）');
    expect(publicEntityName({ name: '城关鑫源餐饮店', legalRep: '周建国', nameFromOperator: false })).toBe(
      '城关鑫源餐饮店',
    );
  });
});

describe('entityNameOf: the name rule of an entity row', () => {
  it('a 个体工商户 without a name is named after its operator, flagged', () => {
    expect(entityNameOf('', '周建国', '个体工商户')).toEqual({
      ok: true,
      name: '个体工商户（经营者：周建国）',
      fromOperator: true,
      flag: '名称为空，按经营者命名为「个体工商户（经营者：周建国）」，待核实',
    });
  });

  it('a name as given is kept; one equal to the built name (an export read back) stays built from the operator', () => {
    expect(entityNameOf('鑫源餐饮店', '周建国', '个体工商户')).toEqual({
      ok: true,
      name: '鑫源餐饮店',
      fromOperator: false,
      flag: null,
    });
    expect(entityNameOf('个体工商户（经营者：周建国）', '周建国', '个体工商户')).toMatchObject({
      ok: true,
      fromOperator: true,
      flag: null,
    });
  });

  it('refuses a 个体工商户 with neither name nor operator, and any other type without a name', () => {
    expect(entityNameOf('', '', '个体工商户')).toEqual({
      ok: false,
      reason: '名称和经营者都为空，无法确定本户的名称，未导入',
    });
    expect(entityNameOf('', '张三', '企业')).toEqual({
      ok: false,
      reason: '名称为空。主体类型为企业，应有登记的名称（只有无字号的个体工商户可按经营者命名），未导入',
    });
    expect(entityNameOf('', '张三', null)).toEqual({ ok: false, reason: '名称为空' });
  });
});

describe('entity rows without a name, through the import pipeline', () => {
  const body = (prefix: string, n: number) => `${prefix}469006MA5T${String(n).padStart(5, '0')}`;
  const code = (prefix: string, n: number) => body(prefix, n) + usccCheckChar(body(prefix, n));

  function read(rows: CellValue[][]): ImportRowResult<EntityRecord>[] {
    const grid = rows.map((cells, i) => ({ rowNo: i + 1, cells, inherited: [] }));
    const pipeline = new RecordPipeline('entities', detectHeader('entities', grid));
    const results = grid.flatMap((row) => pipeline.push(row));
    return [...results, ...pipeline.finish()] as ImportRowResult<EntityRecord>[];
  }

  it('reads 经营者 as the operator and infers 个体工商户 from a USCC starting 92', () => {
    const results = read([
      ['统一社会信用代码', '名称', '主体类型', '经营者姓名'],
      [code('92', 1), null, null, '周建国'],
      [code('91', 2), null, null, '李四'],
      [code('92', 3), null, '个体工商户', null],
    ]);
    expect(results[0].record).toMatchObject({
      name: '个体工商户（经营者：周建国）',
      nameFromOperator: true,
      legalRep: '周建国',
      entityType: '个体工商户',
    });
    expect(results[0].problems.map((p) => [p.severity, p.code, p.column])).toEqual([
      ['flag', 'name.fromOperator', 'B 名称'],
    ]);
    expect(results[1].record).toBeNull();
    expect(results[1].problems.map((p) => p.reason)).toEqual([
      '名称为空。主体类型为企业，应有登记的名称（只有无字号的个体工商户可按经营者命名），未导入',
    ]);
    expect(results[2].record).toBeNull();
    expect(results[2].problems.map((p) => p.reason)).toEqual(['名称和经营者都为空，无法确定本户的名称，未导入']);
  });
});
