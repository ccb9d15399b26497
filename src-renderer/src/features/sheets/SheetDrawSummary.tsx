import { Card, Descriptions, Table, Tag } from 'antd';
import type { SheetDrawView, SheetPackageView } from '@shared/ipc/channels/sheets';
import { dateTimeText } from '../../components/dateTime';

/** The draw's task and its 名单包: entities per package and each package's 检查组. */
export function SheetDrawSummary({ draw }: { draw: SheetDrawView }) {
  return (
    <Card size="small" title={`抽取结果（${draw.packages.length} 个名单包）`} data-testid="sheets-summary">
      <Descriptions
        size="small"
        column={4}
        style={{ marginBottom: 12 }}
        items={[
          { label: '任务编号', children: <span data-testid="sheets-task-number">{draw.taskNumber}</span> },
          { label: '检查对象', children: <span data-testid="sheets-entities">{draw.entities} 户</span> },
          { label: '联合检查', children: draw.jointVisits ? `${draw.jointVisits} 户（合并后一户一表）` : '无' },
          { label: '封存时间', children: dateTimeText(draw.sealedAt, '—') },
        ]}
      />
      <Table<SheetPackageView>
        size="small"
        rowKey="no"
        dataSource={draw.packages}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="sheets-packages"
        columns={[
          { title: '名单包', width: 100, render: (_: unknown, p) => `第 ${p.no} 包` },
          { title: '区域', width: 160, render: (_: unknown, p) => p.area ?? '—' },
          { title: '检查对象', width: 110, align: 'right', render: (_: unknown, p) => `${p.entities} 户` },
          {
            title: '检查组',
            render: (_: unknown, p) =>
              p.team.map((m) => (
                <Tag key={m.id} color={m.isExpert ? 'purple' : undefined}>
                  {m.name}
                  {m.isExpert ? '（专家）' : ''}
                </Tag>
              )),
          },
        ]}
      />
    </Card>
  );
}
