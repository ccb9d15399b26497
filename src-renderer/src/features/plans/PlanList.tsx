import { Button, Card, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PlanSummary } from '@shared/domain/plans';
import { PlanStatusTag } from './PlanHeaderCard';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 年度计划: the plans by year, the chosen one highlighted. */
export function PlanList({
  plans,
  error,
  planId,
  onSelect,
  onNew,
}: {
  plans: PlanSummary[] | undefined;
  error: string | undefined;
  planId: number | null;
  onSelect: (id: number) => void;
  onNew: () => void;
}) {
  return (
    <Card
      title="年度计划"
      size="small"
      extra={
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={onNew} data-testid="plan-new">
          新建
        </Button>
      }
    >
      <ErrorAlert title="无法读取计划" error={error} />
      <List<PlanSummary>
        dataSource={plans ?? []}
        locale={{ emptyText: '还没有年度计划' }}
        data-testid="plan-list"
        renderItem={(p) => (
          <List.Item
            onClick={() => onSelect(p.id)}
            style={{ cursor: 'pointer', background: p.id === planId ? '#e6f0fa' : undefined, paddingInline: 8 }}
            data-testid={`plan-item-${p.id}`}
          >
            <Space orientation="vertical" size={2}>
              <Typography.Text strong>{p.year} 年</Typography.Text>
              <Typography.Text>{p.title}</Typography.Text>
              <Space size={4}>
                <PlanStatusTag plan={p} />
                <Typography.Text type="secondary">任务 {p.taskCount} 个</Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
