import { App } from 'antd';
import type { PlanView } from '@shared/domain/plans';
import type { TaskView } from '@shared/domain/tasks';
import { api } from '../../api';
import { errorText } from '../../components/files';

/** Deleting a draft plan or a draft task: a confirmation naming what goes, then the refusal or the result. */
export function usePlanDelete(plan: PlanView | undefined, onPlanDeleted: () => void, onTaskDeleted: () => void) {
  const { message, modal } = App.useApp();

  function deletePlan() {
    if (!plan) return;
    const tasks = plan.tasks.map((t) => `${t.number}「${t.name}」`);
    modal.confirm({
      title: `删除草稿计划《${plan.title}》？`,
      content:
        tasks.length > 0
          ? `计划中的 ${tasks.length} 个抽查任务将一并删除：${tasks.join('、')}。删除后不能恢复，操作日志中留有记录。`
          : '计划中还没有抽查任务。删除后不能恢复，操作日志中留有记录。',
      okText: '删除',
      okButtonProps: { danger: true, 'data-testid': 'plan-delete-ok' } as never,
      cancelText: '取消',
      onOk: async () => {
        try {
          await api()['plans:delete']({ id: plan.id });
          message.success(`已删除草稿计划《${plan.title}》`);
          onPlanDeleted();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  }

  function deleteTask(task: TaskView) {
    modal.confirm({
      title: `删除草稿任务 ${task.number}？`,
      content: `「${task.name}」将从计划中删除，不能恢复，操作日志中留有记录。`,
      okText: '删除',
      okButtonProps: { danger: true, 'data-testid': 'task-delete-ok' } as never,
      cancelText: '取消',
      onOk: async () => {
        try {
          await api()['tasks:delete']({ id: task.id });
          message.success(`已删除草稿任务 ${task.number}`);
          onTaskDeleted();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  }

  return { deletePlan, deleteTask };
}
