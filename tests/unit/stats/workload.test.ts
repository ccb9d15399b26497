/** Workload per inspector counts people, not draw ids: one inspector is a 执法证号 in older draws and 检查员N in newer. */
import { describe, expect, it } from 'vitest';
import { chartsOf } from '../../../src-main/stats/charts';
import type { Facts, ResultFact } from '../../../src-main/stats/facts';

const result = (taskId: number, inspectorIds: string[]): ResultFact => ({
  taskId,
  entityId: taskId * 10,
  office: '城关市场监管所',
  state: '已审核',
  inspectedOn: '2026-05-20',
  categories: ['未发现问题'],
  endState: null,
  inspectorIds,
  publishedOn: null,
  followUp: null,
});

describe('workload per inspector', () => {
  it('adds up one person’s inspections under both ids, and keeps two people apart', () => {
    const zhang = { name: '张敏', office: '城关市场监管所', key: '检查员0001' };
    const facts: Facts = {
      year: 2026,
      tasks: [],
      drawn: [],
      results: [result(1, ['46900000001', '46900000002']), result(2, ['检查员0001', '检查员0002'])],
      inspectors: new Map([
        ['46900000001', zhang],
        ['检查员0001', zhang],
        ['46900000002', { name: '刘强', office: '城南市场监管所', key: '检查员0002' }],
        ['检查员0002', { name: '刘强', office: '城南市场监管所', key: '检查员0002' }],
      ]),
      roster: [],
      itemsTotal: 0,
    };
    const charts = chartsOf(facts, { department: null, office: null });
    expect(charts.inspectors).toEqual([
      { name: '张敏', office: '城关市场监管所', inspections: 2 },
      { name: '刘强', office: '城南市场监管所', inspections: 2 },
    ]);
    expect(charts.offices).toEqual([
      { name: '城关市场监管所', inspections: 2 },
      { name: '城南市场监管所', inspections: 2 },
    ]);
  });
});
