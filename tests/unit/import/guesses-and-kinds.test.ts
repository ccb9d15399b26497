/**
 * What an import guessed is said: status and grade values read by synonym are listed per column with their row
 * counts and the clerk's choice is applied; a file of another roster's kind is named, not imported column by column.
 */
import { describe, expect, it } from 'vitest';
import { detectHeader } from '@shared/import/header';
import { MergeFiller, parseRange, type CellValue, type GridRow } from '@shared/import/grid';
import { otherKindOf, refuseWrongKind } from '@shared/import/kind';
import { RecordPipeline, type ImportRowResult } from '@shared/import/pipeline';
import type { ValueChoice } from '@shared/import/value-guesses';
import type { InspectorRecord, RosterKind } from '@shared/domain/rosters';
import { refusalSync } from '../../fixtures/refusal';
import { syntheticUscc } from '../../fixtures/roster-files';

function grid(rows: CellValue[][], merges: string[] = []): GridRow[] {
  const filler = new MergeFiller(merges.map(parseRange));
  return rows.map((cells, i) => filler.fill({ rowNo: i + 1, cells: [...cells], inherited: [] }));
}

function run<K extends RosterKind>(kind: K, rows: GridRow[], valueChoices?: ValueChoice[]) {
  const pipeline = new RecordPipeline(kind, detectHeader(kind, rows), { valueChoices });
  const results: ImportRowResult<unknown>[] = [];
  for (const row of rows) results.push(...pipeline.push(row));
  return { results, mappings: pipeline.values.list() };
}

const INSPECTORS = grid([
  ['姓名', '执法证号', '所属单位', '人员状态'],
  ['张一', 'ZF001', '城关所', '在岗'],
  ['李二', 'ZF002', '城关所', '退休'],
  ['王三', 'ZF003', '东关所', '退休'],
  ['赵四', 'ZF004', '东关所', '病假'],
  ['钱五', 'ZF005', '东关所', '请假'],
]);

describe('values read by synonym', () => {
  it('lists each distinct synonym per column with its guess and row count; exact values are not listed', () => {
    const { mappings } = run('inspectors', INSPECTORS);
    expect(mappings).toEqual([
      { field: 'status', column: 'D 人员状态', source: '退休', guess: '调离', applied: '调离', rows: 2 },
      { field: 'status', column: 'D 人员状态', source: '病假', guess: '请假', applied: '请假', rows: 1 },
    ]);
  });

  it("applies the clerk's choice: another value, or the rows refused with the reason", () => {
    const { results, mappings } = run('inspectors', INSPECTORS, [
      { field: 'status', source: '退休', target: '在岗' },
      { field: 'status', source: '病假', target: null },
    ]);
    const status = (row: number) => (results.find((r) => r.rowNo === row)?.record as InspectorRecord | null)?.status;
    expect([2, 3, 4, 5, 6].map(status)).toEqual(['在岗', '在岗', '在岗', undefined, '请假']);
    expect(results.find((r) => r.rowNo === 5)?.problems).toEqual([
      expect.objectContaining({
        code: 'value.declined',
        severity: 'error',
        reason: '状态为“病假”的行按您的选择不导入',
      }),
    ]);
    expect(mappings.map((m) => [m.source, m.applied, m.rows])).toEqual([
      ['退休', '在岗', 2],
      ['病假', null, 1],
    ]);
  });

  it('lists credit grades and registration statuses of entities, not the 主体类型 spelled out', () => {
    const rows = grid([
      ['统一社会信用代码', '名称', '主体类型', '信用风险等级', '登记状态'],
      [syntheticUscc(1), '甲', '有限责任公司', '低风险', '在营（开业）企业'],
      [syntheticUscc(2), '乙', '企业', 'B', '存续'],
      [syntheticUscc(3), '丙', '企业', 'b类', '存续'],
    ]);
    expect(run('entities', rows).mappings.map((m) => [m.column, m.source, m.guess, m.rows])).toEqual([
      ['D 信用风险等级', 'b类', 'B', 1],
      ['D 信用风险等级', '低风险', 'A', 1],
      ['E 登记状态', '在营（开业）企业', '存续', 1],
    ]);
  });

  it('refuses a choice naming a value the field does not have', () => {
    const refused = refusalSync(() =>
      run('inspectors', INSPECTORS, [{ field: 'status', source: '退休', target: 'A' }]),
    );
    expect(refused.code).toBe('import.badValueChoice');
  });
});

/** The header of the real 海南省市场监管领域随机抽查事项清单（2020年版）, rows 1–3, as tests/fixtures/samples holds it. */
const ITEM_LIST_HEADER = grid(
  [
    Array(9).fill('海南省市场监管领域随机抽查事项清单\n（2020年版）'),
    ['编制单位名称', '序号', '抽查项目', null, '检查对象', '事项类别', '检查方式', '检查主体', '检查依据'],
    [null, null, '抽查类别', '抽查事项', null, null, null, null, null],
  ],
  ['A1:I1', 'C2:D2', 'A2:A3', 'B2:B3', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3'],
);

describe('a file of the wrong kind', () => {
  it('names the real item list chosen as an entity roster, and where to import it', () => {
    const refused = refusalSync(() => refuseWrongKind('entities', ITEM_LIST_HEADER));
    expect(refused.code).toBe('import.wrongKind');
    expect(refused.message).toBe(
      '这是随机抽查事项清单，不是检查对象名录库（表头有“抽查事项”、“编制单位名称”、“序号”等列）。请在“检查事项清单”页面导入。',
    );
    expect(otherKindOf('inspectors', ITEM_LIST_HEADER)?.kind).toBe('items');
    expect(otherKindOf('items', ITEM_LIST_HEADER)).toBeNull();
  });

  it('tells inspector, expert and entity rosters apart', () => {
    const inspectors = grid([['姓名', '执法证号', '所属单位', '状态']]);
    const experts = grid([['姓名', '专家证号', '工作单位', '专业']]);
    const entities = grid([['统一社会信用代码', '企业名称', '法定代表人', '住所']]);
    expect(otherKindOf('experts', inspectors)?.kind).toBe('inspectors');
    expect(otherKindOf('entities', inspectors)?.kind).toBe('inspectors');
    expect(otherKindOf('inspectors', experts)?.kind).toBe('experts');
    expect(otherKindOf('inspectors', entities)?.kind).toBe('entities');
    expect(otherKindOf('items', entities)?.kind).toBe('entities');
    for (const [kind, rows] of [
      ['inspectors', inspectors],
      ['experts', experts],
      ['entities', entities],
    ] as const)
      expect(otherKindOf(kind, rows)).toBeNull();
  });

  it('lets a header that fits the chosen roster through, even beside another roster’s columns', () => {
    // An entity roster that also lists the inspector who last visited: still an entity roster.
    const rows = grid([['统一社会信用代码', '名称', '姓名', '执法证号', '住所', '所属单位']]);
    expect(otherKindOf('entities', rows)).toBeNull();
  });
});
