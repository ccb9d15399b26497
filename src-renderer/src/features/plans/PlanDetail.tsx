import { useState } from 'react';
import { App, Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TaskView } from '@shared/domain/tasks';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { PlanHeaderCard } from './PlanHeaderCard';
import { PlanRenameModal } from './PlanRenameModal';
import { PlanTasksTable } from './PlanTasksTable';
import { PlanVersions } from './PlanVersions';
import { TaskEditor } from './TaskEditor';
import { usePlanDelete } from './usePlanDelete';
import { usePlanRename } from './usePlanRename';
import { useTaskOptions } from './useTaskOptions';
import { ErrorAlert } from '../../components/ErrorAlert';

/** One year's plan: its title and status, publish, export for 公示, its tasks (with the task editor) and its versions. */
export function PlanDetail({
  planId,
  onChanged,
  onDeleted,
}: {
  planId: number;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const { data: plan, error } = useApiCall(() => api()['plans:get']({ id: planId }), [planId, version]);
  const options = useTaskOptions();
  const [editing, setEditing] = useState<TaskView | 'new' | null>(null);

  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  const { renaming, renameForm, startRename, rename, cancelRename } = usePlanRename(planId, plan, changed);
  const removal = usePlanDelete(plan, onDeleted, changed);

  if (error) return <ErrorAlert title="无法读取计划" error={error} />;
  if (!plan) return <Card loading />;
  const published = plan.version > 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="plan-detail">
      <PlanHeaderCard plan={plan} onRename={startRename} onDelete={removal.deletePlan} onChanged={changed} />

      <Card
        title="抽查任务"
        size="small"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!options.data}
            onClick={() => setEditing('new')}
            data-testid="task-new"
          >
            新增抽查任务
          </Button>
        }
      >
        <ErrorAlert title="无法读取名录选项" error={options.error} />
        <PlanTasksTable
          tasks={plan.tasks}
          canEdit={!!options.data}
          onEdit={setEditing}
          onDelete={published ? undefined : removal.deleteTask}
        />
      </Card>

      <PlanVersions plan={plan} />

      {options.data && (
        <TaskEditor
          open={editing !== null}
          plan={plan}
          task={editing === 'new' ? null : editing}
          options={options.data}
          onClose={() => setEditing(null)}
          onSaved={(task) => {
            message.success(
              published ? `已保存“${task.name}”，计划已发布第 ${plan.version + 1} 版` : `已保存抽查任务 ${task.number}`,
            );
            setEditing(null);
            changed();
          }}
        />
      )}

      <PlanRenameModal plan={plan} open={renaming} form={renameForm} onOk={rename} onCancel={cancelRename} />
    </Space>
  );
}
