import type { HTMLAttributes } from 'react';
import { Space, Statistic } from 'antd';
import { ListTable } from '../../components/ListTable';
import { gradeLabel, percentText, type StratumPreview } from '@shared/domain/tasks';
import { formatCount } from '@shared/domain/counts';

const number = formatCount;
type Figure = [title: string, value: number, suffix: string, testId: string];

/**
 * The figures of a task's scope in one shape, live (范围预览) or as 准备 froze them: entities in scope, what the draw
 * takes, the inspectors who may be sent, and per grade how many are in scope and drawn. `prefix` names the test ids.
 */
export function ScopeFigures({
  total,
  expected,
  inspectors,
  strata,
  prefix,
}: {
  total: number;
  expected: number;
  inspectors: number | null;
  /** Null: the counts alone. */
  strata: StratumPreview[] | null;
  prefix: string;
}) {
  const figures: Figure[] = [
    ['范围内检查对象', total, '户', 'total'],
    ['应抽', expected, '户', 'expected'],
    ...(inspectors === null ? [] : [['可选派执法人员', inspectors, '人', 'pool'] satisfies Figure]),
  ];
  return (
    <>
      <Space size="large">
        {figures.map(([title, value, suffix, id]) => (
          <Statistic
            key={id}
            title={title}
            value={value}
            suffix={suffix}
            data-testid={`${prefix}-${id}`}
            data-count={value}
          />
        ))}
      </Space>
      {strata && (
        <ListTable<StratumPreview>
          rowKey="name"
          dataSource={strata}
          data-testid={`${prefix}-strata`}
          onRow={(s) => ({ 'data-testid': `${prefix}-stratum-${s.name}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '信用等级', dataIndex: 'name', render: (name: string) => gradeLabel(name) },
            { title: '范围内', dataIndex: 'candidates', align: 'right', render: (n: number) => `${number(n)} 户` },
            {
              title: '比例',
              dataIndex: 'ratioBp',
              align: 'right',
              render: (bp: number | null) => (bp === null ? '固定户数' : percentText(bp)),
            },
            { title: '应抽', dataIndex: 'quota', align: 'right', render: (n: number) => <b>{number(n)} 户</b> },
          ]}
        />
      )}
    </>
  );
}
