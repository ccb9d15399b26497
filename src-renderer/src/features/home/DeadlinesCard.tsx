import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { DeadlineItem, TaskDeadlines } from '@shared/domain/follow-ups';
import { DEADLINE_LISTS, deadlineLine, useDeadlines } from '../follow-ups/DeadlineTags';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 检查结果期限: per task, results due within 5 working days, results past their deadline, entities 逾期未检查, and
 * deadlines in a year without a 放假安排 (shown as 待确认, never as a computed date). Each task links to its plan.
 */
export function DeadlinesCard() {
  const navigate = useNavigate();
  const { data, error } = useDeadlines();
  return (
    <Card
      title="检查结果期限"
      extra={data && <Typography.Text type="secondary">按工作日计算，今天 {data.today}</Typography.Text>}
      data-testid="deadlines-card"
    >
      <ErrorAlert title="无法读取检查结果期限" error={error} />
      {data && data.tasks.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有即将到期或已逾期的检查结果" />
      )}
      {data && data.tasks.length > 0 && (
        <Table<TaskDeadlines>
          rowKey="taskId"
          size="small"
          pagination={false}
          dataSource={data.tasks}
          expandable={{ expandedRowRender: (t) => <TaskItems task={t} /> }}
          onRow={(t) => ({ 'data-testid': `deadlines-task-${t.taskId}` }) as never}
          columns={[
            {
              title: '抽查任务',
              render: (_: unknown, t) => (
                <Button type="link" size="small" onClick={() => navigate(`/plans?plan=${t.planId}`)}>
                  {t.taskNumber} {t.taskName}
                </Button>
              ),
            },
            ...DEADLINE_LISTS.map((l) => ({
              title: l.key === 'dueSoon' ? `${l.label}（${data.dueSoonWorkdays} 个工作日内）` : l.label,
              width: l.key === 'dueSoon' ? 190 : 110,
              render: (_: unknown, t: TaskDeadlines) =>
                t[l.key].length > 0 ? <Tag color={l.color}>{t[l.key].length} 户</Tag> : '—',
            })),
          ]}
        />
      )}
    </Card>
  );
}

/** The entities behind a task's counts, with their deadlines. */
function TaskItems({ task }: { task: TaskDeadlines }) {
  const rows = DEADLINE_LISTS.flatMap((l) => task[l.key].map((item) => ({ list: l, item })));
  return (
    <Table
      rowKey={(r) => `${r.list.key}-${r.item.entityId}`}
      size="small"
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      dataSource={rows}
      columns={[
        { title: '检查对象', render: (_: unknown, r) => r.item.entityName },
        { title: '情况', width: 120, render: (_: unknown, r) => <Tag color={r.list.color}>{r.list.label}</Tag> },
        { title: '检查日期', width: 110, render: (_: unknown, r) => r.item.inspectedOn ?? '未检查' },
        {
          title: '期限',
          render: (_: unknown, r) => <DeadlineText item={r.item} notInspected={r.list.key === 'notInspected'} />,
        },
      ]}
    />
  );
}

function DeadlineText({ item, notInspected }: { item: DeadlineItem; notInspected: boolean }) {
  if (notInspected) return <span>检查期限 {item.deadline} 已过</span>;
  return <span data-testid={`deadline-${item.entityId}`}>{deadlineLine(item)}</span>;
}
