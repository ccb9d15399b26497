import { useMemo } from 'react';
import { Card, Col, Row } from 'antd';
import type { StatsCharts as Charts } from '@shared/domain/stats';
import { useEChart, type ChartOption } from './useEChart';
import { formatCount } from '@shared/domain/counts';

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const GRID = { left: 48, right: 16, top: 36, bottom: 28, containLabel: true };
const LEGEND = { top: 0, itemWidth: 14, itemHeight: 10 };

function Chart({ title, option, testId }: { title: string; option: ChartOption; testId: string }) {
  const ref = useEChart(option);
  return (
    <Card size="small" title={title} data-testid={testId}>
      <div ref={ref} style={{ height: 240 }} />
    </Card>
  );
}

function bars(names: string[], series: { name: string; data: number[] }[], horizontal = false): ChartOption {
  const category = {
    type: 'category' as const,
    data: names,
    axisLabel: { width: 200, overflow: 'truncate' as const, interval: 0, fontSize: 11 },
  };
  return {
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? LEGEND : undefined,
    grid: GRID,
    xAxis: horizontal ? { type: 'value', minInterval: 1 } : category,
    yAxis: horizontal ? { ...category, inverse: true } : { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 28 })),
  };
}

const percent = (x: number) => Math.round(x * 1000) / 10;

function options(c: Charts): Record<string, ChartOption> {
  const categories = c.categories.filter((x) => x.count > 0);
  const inspectors = c.inspectors.slice(0, 15);
  return {
    months: bars(MONTHS, [
      { name: '封存抽取', data: c.months.map((m) => m.draws) },
      { name: '抽中户次', data: c.months.map((m) => m.drawn) },
      { name: '检查户次', data: c.months.map((m) => m.inspections) },
    ]),
    categories: bars(
      categories.map((x) => x.name),
      [{ name: '户次', data: categories.map((x) => x.count) }],
      true,
    ),
    problems: bars(MONTHS, [
      { name: '发现问题', data: c.months.map((m) => m.problemsFound) },
      { name: '处置完结', data: c.months.map((m) => m.problemsClosed) },
    ]),
    grades: {
      ...bars(
        c.grades.map((g) => g.grade),
        [{ name: '抽查覆盖率（%）', data: c.grades.map((g) => (g.roster > 0 ? percent(g.drawn / g.roster) : 0)) }],
      ),
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const i = (params as { dataIndex: number }[])[0].dataIndex;
          const g = c.grades[i];
          const rate = g.roster > 0 ? `${((g.drawn / g.roster) * 100).toFixed(1)}%` : '—';
          return `${g.grade}：抽中 ${formatCount(g.drawn)} 户 ÷ 名录库 ${formatCount(g.roster)} 户 = ${rate}`;
        },
      },
    },
    tasks: {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
      legend: LEGEND,
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          top: 24,
          label: { formatter: '{b}\n{c} 个' },
          data: [
            { name: '部门联合抽查', value: c.tasks.joint },
            { name: '单部门抽查', value: c.tasks.single },
          ].filter((x) => x.value > 0),
        },
      ],
    },
    offices: bars(
      c.offices.map((o) => o.name),
      [{ name: '检查户次', data: c.offices.map((o) => o.inspections) }],
      true,
    ),
    inspectors: bars(
      inspectors.map((i) => `${i.name}（${i.office}）`),
      [{ name: '检查户次', data: inspectors.map((i) => i.inspections) }],
      true,
    ),
  };
}

const CHARTS: [key: string, title: string][] = [
  ['months', '抽取与检查（按月）'],
  ['categories', '检查结果分类'],
  ['problems', '发现问题与处置完结（按月）'],
  ['grades', '按信用风险等级的抽查覆盖'],
  ['tasks', '联合抽查与单部门抽查任务'],
  ['offices', '各单位检查工作量'],
  ['inspectors', '检查人员工作量（前 15 名）'],
];

/** The charts of the filtered year, two to a row. */
export function StatsCharts({ charts }: { charts: Charts }) {
  const all = useMemo(() => options(charts), [charts]);
  return (
    <Row gutter={[12, 12]}>
      {CHARTS.map(([key, title]) => (
        <Col key={key} xs={24} xl={12}>
          <Chart title={title} option={all[key]} testId={`stats-chart-${key}`} />
        </Col>
      ))}
    </Row>
  );
}
