import { Button, Space, Tag, Tooltip } from 'antd';
import { ListTable } from '../../components/ListTable';
import type { ColumnsType } from 'antd/es/table';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { TaskDeadlineTags, useDeadlines } from '../follow-ups/DeadlineTags';
import {
  describeInspectingBody,
  describePeriod,
  describeRatio,
  type TaskDrawStatus,
  type TaskView,
} from '@shared/domain/tasks';

const DRAW_STATUS_COLOR: Record<TaskDrawStatus, string> = {
  未抽取: 'default',
  已准备: 'blue',
  已承诺: 'orange',
  已揭晓: 'purple',
  已封存: 'green',
};

/** The plan's tasks, each with a link to edit it and one to draw it. */
export function PlanTasksTable({
  tasks,
  canEdit,
  onEdit,
  onDelete,
}: {
  tasks: TaskView[];
  canEdit: boolean;
  onEdit: (task: TaskView) => void;
  /** Absent once the plan is published: its tasks are in a public document. */
  onDelete?: (task: TaskView) => void;
}) {
  const navigate = useNavigate();
  const { byTask } = useDeadlines([tasks]);
  const deadlines = {
    title: '结果期限',
    width: 120,
    fixed: 'right' as const,
    render: (_: unknown, t: TaskView) => <TaskDeadlineTags task={byTask.get(t.id)} />,
  };
  const actions = {
    title: '操作',
    width: onDelete ? 210 : 160,
    fixed: 'right' as const,
    render: (_: unknown, t: TaskView) => (
      <Space size={4}>
        <Button
          size="small"
          type="link"
          disabled={!canEdit}
          onClick={() => onEdit(t)}
          data-testid={`task-edit-${t.id}`}
        >
          编辑
        </Button>
        <Button
          size="small"
          type="link"
          icon={<ThunderboltOutlined />}
          onClick={() => navigate(`/draw?task=${t.id}`)}
          data-testid={`task-draw-${t.id}`}
        >
          随机抽取
        </Button>
        {onDelete && t.drawStatus === '未抽取' && (
          <Button size="small" type="link" danger onClick={() => onDelete(t)} data-testid={`task-delete-${t.id}`}>
            删除
          </Button>
        )}
      </Space>
    ),
  };
  return (
    <ListTable<TaskView>
      rowKey="id"
      dataSource={tasks}
      locale={{ emptyText: '还没有抽查任务，点击“新增抽查任务”添加' }}
      data-testid="plan-tasks"
      onRow={(t) => ({ 'data-testid': `task-row-${t.id}` }) as never}
      columns={[...TASK_COLUMNS, deadlines, actions]}
      // Keep the columns' widths and scroll sideways on a narrow screen (1366×768); 结果期限 and 操作 stay in view.
      scroll={{ x: 'max-content' }}
    />
  );
}

const TASK_COLUMNS: ColumnsType<TaskView> = [
  { title: '任务编号', dataIndex: 'number', width: 150 },
  { title: '任务名称', dataIndex: 'name', minWidth: 200 },
  {
    title: '检查主体',
    width: 170,
    render: (_: unknown, t) => describeInspectingBody(t.leadDepartment, t.joiningDepartments),
  },
  {
    title: '检查事项',
    width: 80,
    render: (_: unknown, t) => (
      <Tooltip title={t.items.map((i) => i.name).join('、')}>
        <span>{t.items.length} 项</span>
      </Tooltip>
    ),
  },
  {
    title: '开展时间',
    width: 130,
    render: (_: unknown, t) => (
      <Tooltip title={describePeriod(t.startDate, t.endDate)}>
        <span style={{ whiteSpace: 'nowrap' }}>
          {t.startDate}
          <br />至 {t.endDate}
        </span>
      </Tooltip>
    ),
  },
  { title: '抽查比例', width: 190, render: (_: unknown, t) => describeRatio(t.ratio, t.scope.grades) },
  {
    title: '抽取',
    dataIndex: 'drawStatus',
    width: 80,
    render: (s: TaskDrawStatus) => <Tag color={DRAW_STATUS_COLOR[s]}>{s}</Tag>,
  },
];
