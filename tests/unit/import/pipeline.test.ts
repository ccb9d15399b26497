import { describe, expect, it } from 'vitest';
import { detectHeader, shapeSignature, withMapping } from '@shared/import/header';
import { MergeFiller, parseRange, type CellValue, type GridRow } from '@shared/import/grid';
import { RecordPipeline, type ImportRowResult } from '@shared/import/pipeline';
import { FIELDS_BY_KIND } from '@shared/import/fields';
import { refusalSync } from '../../fixtures/refusal';
import { usccCheckChar } from '@shared/domain/uscc';
import type { EntityRecord, ItemRecord, RosterKind } from '@shared/domain/rosters';

function grid(rows: CellValue[][], merges: string[] = [], firstRow = 1): GridRow[] {
  const filler = new MergeFiller(merges.map(parseRange));
  return rows.map((cells, i) => filler.fill({ rowNo: firstRow + i, cells: [...cells], inherited: [] }));
}

function run<K extends RosterKind>(kind: K, rows: GridRow[]) {
  const pipeline = new RecordPipeline(kind, detectHeader(kind, rows));
  const results: ImportRowResult<unknown>[] = [];
  for (const row of rows) results.push(...pipeline.push(row));
  results.push(...pipeline.finish());
  return { results, counts: pipeline.counts, detection: pipeline.detection };
}

/** `run` over plain rows numbered from 1, without merged cells. */
const runCells = <K extends RosterKind>(kind: K, cells: CellValue[][]) => run(kind, grid(cells));

const uscc = (body: string) => body + usccCheckChar(body);
const A = uscc('91469006MA5T00001');
const B = uscc('92469006MA5T00002');

describe('header detection', () => {
  it('skips a title row and finds a one-row header, Chinese and pinyin', () => {
    const rows = grid(
      [
        ['某县市场主体名录', null, null, null],
        ['导出时间：2025-06-30', null, null, null],
        ['TYSHXYDM', 'QYMC', '住所', 'LXDH'],
        [A, '甲公司', '某路', '123'],
      ],
      ['A1:D1'],
    );
    const d = detectHeader('entities', rows);
    expect(d.headerRowNos).toEqual([3]);
    expect(d.dataStartRowNo).toBe(4);
    expect(d.mapping).toEqual({ uscc: 0, name: 1, address: 2, phone: 3 });
    expect(d.missingRequired).toEqual([]);
  });

  it('containment matches a decorated header, pinyin only as a whole header', () => {
    const rows = grid([['统一社会信用代码（18位）', '企业名称/字号', 'xx电话yy', 'ZTX']]);
    const d = detectHeader('entities', rows);
    expect(d.mapping).toEqual({ uscc: 0, name: 1, phone: 2 });
    expect(d.unmapped.map((c) => c.text)).toEqual(['ZTX']);
  });

  it('a data row under a one-row header is not taken for a second header row', () => {
    const rows = grid([
      ['统一社会信用代码', '名称', '登记状态'],
      [A, '存续', '存续'],
    ]);
    expect(detectHeader('entities', rows).headerRowNos).toEqual([1]);
  });

  it('throws a Chinese AppError when nothing looks like a header', () => {
    const e = refusalSync(() =>
      detectHeader(
        'inspectors',
        grid([
          ['甲', '乙'],
          ['1', '2'],
        ]),
      ),
    );
    expect(e.code).toBe('import.headerNotFound');
    expect(e.message).toContain('执法证号');
  });
});

describe('header detection: signatures, user mappings, synonyms', () => {
  it('the shape signature follows the header texts, not the data', () => {
    const one = detectHeader(
      'entities',
      grid([
        ['统一社会信用代码', '名称'],
        [A, '甲'],
      ]),
    );
    const two = detectHeader(
      'entities',
      grid([
        ['统一社会信用代码', '名称'],
        [B, '乙'],
      ]),
    );
    const three = detectHeader(
      'entities',
      grid([
        ['名称', '统一社会信用代码'],
        ['甲', A],
      ]),
    );
    expect(one.signature).toBe(two.signature);
    expect(one.signature).not.toBe(three.signature);
    expect(shapeSignature('inspectors', one.columns)).not.toBe(one.signature);
  });

  it('a user mapping replaces the detected one; bad keys and reused columns are dropped', () => {
    const d = detectHeader(
      'entities',
      grid([
        ['统一社会信用代码', '名称', '备用列'],
        [A, '甲', '乙'],
      ]),
    );
    const mapped = withMapping(d, { uscc: 0, name: 2, address: 2, bogus: 1 });
    expect(mapped.mapping).toEqual({ uscc: 0, name: 2 });
    expect(mapped.unmapped.map((c) => c.letter)).toEqual(['B']);
    expect(withMapping(d, { uscc: 0 }).missingRequired).toEqual(['name']);
  });

  it('no two fields of a roster share a synonym', () => {
    for (const fields of Object.values(FIELDS_BY_KIND)) {
      const seen = new Map<string, string>();
      for (const f of fields) {
        for (const s of f.synonyms) {
          const owner = seen.get(s.toLowerCase());
          expect(owner === undefined || owner === f.key, `${s}: ${owner} and ${f.key}`).toBe(true);
          seen.set(s.toLowerCase(), f.key);
        }
      }
    }
  });
});

describe('entity rows', () => {
  const header = [
    '统一社会信用代码',
    '注册号',
    '名称',
    '主体类型',
    '信用风险等级',
    '登记状态',
    '最近被抽查日期',
    '标签',
  ];

  it('valid, flagged and rejected rows, each problem naming row and column', () => {
    const badCheck = A.slice(0, 17) + (A[17] === '1' ? '2' : '1');
    const { results, counts } = runCells('entities', [
      header,
      [A, null, ' 甲公司 ', '有限责任公司', 'b类', '在营', '2024/5/20', '冷链、学校周边'],
      [badCheck, null, '乙公司', '企业', 'C', '吊销未注销', '明年', null],
      [null, null, '丙店', '个体工商户', 'E', '存续', null, null],
      [null, '469006600187440', '丁店', '个体', 'A', '迁出', null, null],
      [null, null, null, null, null, null, null, null],
    ]);
    expect(results).toHaveLength(4); // the blank row is skipped
    expect(results[0].record).toEqual<EntityRecord>({
      uscc: A,
      regNo: null,
      name: '甲公司',
      nameFromOperator: false,
      entityType: '企业',
      industry: '',
      address: '',
      area: '',
      office: '',
      legalRep: '',
      phone: '',
      creditGrade: 'B',
      regStatus: '存续',
      tags: ['冷链', '学校周边'],
      lastInspectedOn: '2024-05-20',
    });
    expect(results[1].record).toMatchObject({ uscc: badCheck, regStatus: '吊销', lastInspectedOn: null });
    expect(results[1].problems.map((p) => [p.severity, p.code, p.column])).toEqual([
      ['flag', 'uscc.checkDigit', 'A 统一社会信用代码'],
      ['flag', 'date.invalid', 'G 最近被抽查日期'],
    ]);
    expect(results[2].record).toBeNull();
    expect(results[2].problems.map((p) => p.code)).toEqual(['entity.noId', 'creditGrade.invalid']);
    expect(results[2].problems[1]).toMatchObject({ row: 4, column: 'E 信用风险等级', field: 'creditGrade' });
    expect(results[3].problems.map((p) => p.code)).toEqual(['regStatus.invalid']);
    expect(counts).toEqual({ valid: 1, flagged: 1, rejected: 2 });
  });

  it('a 15-digit value in the USCC column is the 注册号 (combined 统一社会信用代码/注册号 columns)', () => {
    const { results } = runCells('entities', [
      ['统一社会信用代码/注册号', '名称', '主体类型'],
      ['469006600187440', '丁店', '个体工商户'],
    ]);
    expect(results[0].record).toMatchObject({ uscc: null, regNo: '469006600187440' });
  });

  it('a type that cannot be read or inferred is a row error', () => {
    const { results } = runCells('entities', [
      ['注册号', '名称'],
      ['469006600187440', '丁店'],
    ]);
    expect(results[0].problems.map((p) => p.code)).toEqual(['entityType.missing']);
  });
});

describe('entity rows: duplicates, rejected rows, long cells', () => {
  it('duplicates reject both rows: the later one at once, the earlier one by retraction', () => {
    const { results, counts } = runCells('entities', [
      ['统一社会信用代码', '名称'],
      [A, '甲'],
      [B, '乙'],
      [A, '甲二'],
      [A, '甲三'],
    ]);
    expect(results.map((r) => [r.rowNo, r.record ? 'ok' : 'rejected', r.retracts ?? false])).toEqual([
      [2, 'ok', false],
      [3, 'ok', false],
      [4, 'rejected', false],
      [2, 'rejected', true],
      [5, 'rejected', false],
    ]);
    expect(results[2].problems[0].reason).toContain('第 2 行');
    expect(results[3].problems[0].reason).toContain('第 4 行');
    expect(counts).toEqual({ valid: 1, flagged: 0, rejected: 3 });
  });

  it('rejectRows rejects rows in place', () => {
    const rows = grid([
      ['统一社会信用代码', '名称'],
      [A, '甲'],
      [B, '乙'],
    ]);
    const pipeline = new RecordPipeline('entities', detectHeader('entities', rows), {
      rejectRows: new Map([
        [
          2,
          [{ row: 2, column: null, field: null, severity: 'error' as const, code: 'duplicate.inFile', reason: '重复' }],
        ],
      ]),
    });
    const results = rows.flatMap((r) => pipeline.push(r));
    expect(results.map((r) => r.record === null)).toEqual([true, false]);
  });

  it('over-long cells are refused before anything else', () => {
    const { results } = runCells('entities', [
      ['统一社会信用代码', '名称', '住所'],
      [A, '甲', '路'.repeat(501)],
    ]);
    expect(results[0].record).toBeNull();
    expect(results[0].problems[0]).toMatchObject({ code: 'value.tooLong', column: 'C 住所', field: 'address' });
  });
});

describe('inspectors and experts', () => {
  it('the badge number is the key: missing or float-damaged rejects the row', () => {
    const { results } = runCells('inspectors', [
      ['姓名', '执法证号', '状态'],
      ['王伟', 'ZF001', null],
      ['李娜', null, '在岗'],
      ['张强', Number('1.2345678901234567e17'), '在岗'], // a float-damaged badge number
      ['赵', 'ZF001', '调离'],
    ]);
    expect(results[0].record).toMatchObject({ status: '在岗', badgeNo: 'ZF001' });
    expect(results[1].problems[0].code).toBe('badgeNo.missing');
    expect(results[2].problems[0].code).toBe('code.floatDamaged');
    expect(results.filter((r) => r.retracts)).toHaveLength(1);
  });

  it('expert status words', () => {
    const { results } = runCells('experts', [
      ['姓名', '证件号码', '状态'],
      ['陈静', 'KJ1', '正常'],
      ['刘洋', 'KJ2', '停用'],
      ['何平', 'KJ3', '解聘'],
    ]);
    expect(results.map((r) => (r.record as { status: string }).status)).toEqual(['在库', '暂停', '退出']);
  });
});

describe('item lists', () => {
  it('explicit 检查子项: one sub-item per row, each with its own basis, under a merged item', () => {
    const rows = grid(
      [
        ['序号', '抽查事项', '检查内容', '检查依据', '检查方式', '事项类别'],
        ['1', '食品销售监督检查', '经营许可', '《食品安全法》第三十五条', '现场检查', '重点检查事项'],
        [null, null, '进货查验', '《食品安全法》第五十三条', null, null],
        [null, null, null, '《食品经营许可管理办法》第二十六条', null, null],
        ['2', '广告发布登记检查', null, '《广告法》第二十九条', '书面检查', '一般检查事项'],
      ],
      ['A2:A4', 'B2:B4', 'E2:E4', 'F2:F4'],
    );
    const { results } = run('items', rows);
    expect(results).toHaveLength(2);
    const food = results[0].record as ItemRecord;
    expect(results[0]).toMatchObject({ rowNo: 2, lastRowNo: 4 });
    expect(food.basis.split('\n')).toEqual([
      '《食品安全法》第三十五条',
      '《食品安全法》第五十三条',
      '《食品经营许可管理办法》第二十六条',
    ]);
    expect(food.subItems).toEqual([
      { content: '经营许可', basis: '《食品安全法》第三十五条', method: '现场检查' },
      {
        content: '进货查验',
        basis: '《食品安全法》第五十三条\n《食品经营许可管理办法》第二十六条',
        method: '现场检查',
      },
    ]);
    expect(food.level).toBe('重点');
    expect(food.methodKinds).toEqual(['实地']);
    const ad = results[1].record as ItemRecord;
    expect(ad.subItems).toEqual([{ content: '广告发布登记检查', basis: '《广告法》第二十九条', method: '书面检查' }]);
  });

  it('an export that lost its merges: blanks carry down, blank 抽查事项 rows continue the item', () => {
    const { results } = runCells('items', [
      ['编制单位', '序号', '抽查类别', '抽查事项', '检查依据'],
      ['省市场监管局', '1', '登记事项检查', '名称规范使用情况的检查', '《企业名称登记管理规定》'],
      [null, null, null, null, '《个体工商户名称登记管理办法》'],
      [null, '2', '公示信息检查', '年度报告公示信息的检查', '《企业信息公示暂行条例》'],
      [null, '3', '价格行为检查', null, '《价格法》'],
    ]);
    expect(
      results.map((r) => [r.rowNo, (r.record as ItemRecord | null)?.compiler, (r.record as ItemRecord | null)?.seqNo]),
    ).toEqual([
      [2, '省市场监管局', '1'],
      [4, '省市场监管局', '2'],
      [5, undefined, undefined],
    ]);
    expect((results[0].record as ItemRecord).basis).toBe('《企业名称登记管理规定》\n《个体工商户名称登记管理办法》');
    expect(results[2].problems[0].code).toBe('item.noName');
  });

  it('method kinds', async () => {
    const { methodKindsOf } = await import('@shared/import/items');
    expect(methodKindsOf('现场检查、书面检查、网络检查、专业机构核查')).toEqual([
      '实地',
      '书面',
      '网络监测',
      '委托专业机构',
    ]);
    expect(methodKindsOf('非现场检查')).toEqual([]);
    expect(methodKindsOf('抽样检测')).toEqual(['委托专业机构']);
  });
});
