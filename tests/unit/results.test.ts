/** The consistency rules of a 检查结果 entry: each inconsistency refused at its field, with the reason in Chinese. */
import { describe, expect, it } from 'vitest';
import { hasProblem, resultProblems, type ResultEntry } from '@shared/domain/results';
import { NOTHING_FOUND } from '../fixtures/result-entry';

const context = {
  windowStart: '2026-11-01',
  windowEnd: '2026-11-30',
  teamIds: ['11', '12'],
  teamNames: new Map([
    ['11', '王明'],
    ['12', '李华'],
    ['13', '赵强'],
  ]),
};

const clean: ResultEntry = {
  inspectedOn: '2026-11-20',
  inspectorIds: ['11', '12'],
  rows: [
    { subItemId: 1, outcome: '符合', finding: '' },
    { subItemId: 2, outcome: '不涉及', finding: '' },
  ],
  ...NOTHING_FOUND,
};

const messages = (entry: Partial<ResultEntry>) => resultProblems({ ...clean, ...entry }, context).map((p) => p.message);

describe('resultProblems', () => {
  it('accepts a consistent entry', () => {
    expect(resultProblems(clean, context)).toEqual([]);
  });

  it('refuses 未发现问题 with a 不符合 row', () => {
    const rows = [{ subItemId: 1, outcome: '不符合' as const, finding: '未公示年报' }];
    expect(messages({ rows })).toEqual(['检查结果为“未发现问题”，但有 1 项检查内容不符合']);
  });

  it('refuses 责令改正 without a deadline, and a deadline before the inspection', () => {
    const ordered = { categories: ['发现问题,依法责令立即改正或者限期改正' as const] };
    expect(messages(ordered)).toEqual(['责令改正须填写整改期限']);
    expect(messages({ ...ordered, correctionDeadline: '2026-11-19' })).toEqual(['整改期限不能早于检查日期']);
    expect(messages({ ...ordered, correctionDeadline: '2026-12-20' })).toEqual([]);
  });

  it('refuses an inspection date outside the task window', () => {
    expect(messages({ inspectedOn: '2026-12-01' })).toEqual([
      '检查日期2026-12-01不在任务的检查时间（2026-11-01至2026-11-30）内',
    ]);
  });

  it('refuses an inspector who is not in the team, by name', () => {
    const [problem] = resultProblems({ ...clean, inspectorIds: ['11', '13'] }, context);
    expect(problem).toEqual({ field: 'inspectorIds', message: '赵强不是本检查组成员' });
  });

  it('asks for the finding of a 不符合 row and for the text of 其他', () => {
    const rows = [{ subItemId: 1, outcome: '不符合' as const, finding: ' ' }];
    const entry = { rows, categories: ['其他情况' as const], followUps: ['其他' as const] };
    expect(messages(entry)).toEqual(['结果为“不符合”的检查内容须填写发现问题情况', '选择“其他”后续处置时须写明措施']);
  });

  it('takes an entity found ended at the door without findings', () => {
    expect(messages({ endState: '注销', methods: [], categories: [], followUps: [], rows: [] })).toEqual([]);
  });

  it('tells which results need a follow-up to closure', () => {
    expect(hasProblem(clean)).toBe(false);
    expect(hasProblem({ ...clean, categories: ['未按规定公示应当公示的信息'] })).toBe(true);
  });
});
