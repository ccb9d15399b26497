import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { ListTable } from '../../components/ListTable';
import type { DrawView, StratumResultView } from '@shared/domain/draws';
import { gradeLabel, percentText } from '@shared/domain/tasks';
import { HashText } from './HashText';
import { formatCount } from '@shared/domain/counts';

const n = formatCount;

/** What 准备 froze: the candidate and inspector counts per stratum, the feasibility finding, and the input digest. */
export function PreparationView({ draw }: { draw: DrawView }) {
  const p = draw.preparation;
  const ratioOf = new Map(p.strata.map((s) => [s.name, s.ratioBp]));
  const revealed = draw.reveal !== null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="draw-preparation">
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label="检查对象范围" span={3}>
          {p.scope}
        </Descriptions.Item>
        <Descriptions.Item label="执法人员范围" span={3}>
          {p.inspectorScope}
        </Descriptions.Item>
        <Descriptions.Item label="范围内检查对象">
          <span data-testid="prep-candidates">{n(p.candidates)}</span> 户
          {p.excludedRecent > 0 && `（已排除近期抽查过的 ${n(p.excludedRecent)} 户）`}
        </Descriptions.Item>
        <Descriptions.Item label="应抽">
          <span data-testid="prep-quota">{n(p.quota)}</span> 户，约 {n(p.packagesEstimate)} 个名单包
        </Descriptions.Item>
        <Descriptions.Item label="可选派执法人员">
          <span data-testid="prep-inspectors">{n(p.inspectors)}</span> 人{p.experts > 0 && `（含专家 ${p.experts} 人）`}
          ，来自 {p.offices} 个单位
        </Descriptions.Item>
        <Descriptions.Item label="可行性检查" span={3}>
          {p.feasibility.feasible ? <Tag color="green">通过</Tag> : <Tag color="red">不通过</Tag>}
          {p.feasibility.method === 'bound'
            ? '按最坏情况计算，任何种子都能为每个名单包组成检查组。'
            : `用 ${p.feasibility.trials} 个试验种子试抽检查组，失败 ${p.feasibility.failedTrials} 次。`}
          {p.feasibility.advice && <div>{p.feasibility.advice}</div>}
        </Descriptions.Item>
        <Descriptions.Item label="输入摘要 inputDigest" span={3}>
          <HashText value={draw.inputDigest} testId="hash-inputDigest" />
        </Descriptions.Item>
      </Descriptions>
      <ListTable<StratumResultView>
        rowKey="name"
        dataSource={draw.strata}
        data-testid="draw-strata"
        columns={[
          { title: '层（信用等级）', dataIndex: 'name', render: gradeLabel },
          { title: '范围内', dataIndex: 'candidates', align: 'right', render: (v: number) => `${n(v)} 户` },
          {
            title: '比例',
            key: 'ratio',
            align: 'right',
            render: (_: unknown, s) => (ratioOf.get(s.name) == null ? '固定户数' : percentText(ratioOf.get(s.name)!)),
          },
          { title: '应抽', dataIndex: 'quota', align: 'right', render: (v: number) => `${n(v)} 户` },
          ...(revealed
            ? [
                { title: '实抽', dataIndex: 'selected', align: 'right' as const, render: (v: number) => `${n(v)} 户` },
                {
                  title: '末位抽取号（截止值）',
                  dataIndex: 'cutoffKey',
                  render: (k: string | null) => (k ? <Typography.Text code>{k.slice(0, 16)}…</Typography.Text> : '—'),
                },
              ]
            : []),
        ]}
      />
      {p.notices.map((notice) => (
        <Alert key={notice} type="warning" showIcon title={notice} />
      ))}
    </Space>
  );
}
