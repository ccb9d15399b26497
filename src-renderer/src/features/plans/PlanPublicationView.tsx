import { Descriptions, Typography } from 'antd';
import { ListTable } from '../../components/ListTable';
import type { PlanPublication, PlanPublicationRow } from '@shared/domain/documents';
import { formatCount } from '@shared/domain/counts';
import { dateTimeText } from '../../components/dateTime';

/** One published version of the plan exactly as it was published (the 公示 table). */
export function PlanPublicationView({ publication }: { publication: PlanPublication }) {
  return (
    <div data-testid={`publication-v${publication.version}`}>
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
        {publication.bureauName}
        <br />
        {publication.title}
      </Typography.Title>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="版本">第 {publication.version} 版</Descriptions.Item>
        <Descriptions.Item label="公示时间">{dateTimeText(publication.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label="修改理由">{publication.changeReason ?? '（首次公示）'}</Descriptions.Item>
      </Descriptions>
      <ListTable<PlanPublicationRow & { no: number }>
        bordered
        rowKey="no"
        dataSource={publication.rows.map((row, i) => ({ ...row, no: i + 1 }))}
        columns={[
          { title: '序号', dataIndex: 'no', width: 56, align: 'center' },
          { title: '检查主体', dataIndex: 'inspectingBody', width: 160 },
          { title: '任务名称', dataIndex: 'taskName', width: 180 },
          {
            title: '检查事项',
            dataIndex: 'items',
            render: (items: string[]) => items.map((item) => <div key={item}>{item}</div>),
          },
          { title: '检查对象范围', dataIndex: 'scope', width: 220 },
          { title: '计划开展时间', dataIndex: 'period', width: 150 },
          { title: '抽查比例', dataIndex: 'ratio', width: 150 },
          { title: '抽查频次', dataIndex: 'frequency', width: 90 },
          {
            title: '预计抽查数量',
            dataIndex: 'expectedCount',
            width: 100,
            align: 'right',
            render: (n: number) => `${formatCount(n)} 户`,
          },
        ]}
      />
    </div>
  );
}
