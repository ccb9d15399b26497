import { App } from 'antd';
import type { PlanView } from '@shared/domain/plans';
import type { TaskView } from '@shared/domain/tasks';
import { api } from '../../api';
import { errorText } from '../../components/files';

/** Deleting a draft plan or a draft task: a confirmation naming what goes, then the refusal or the result. */
export function usePlanDelete(plan: PlanView | undefined, onPlanDeleted: () => void, onTaskDeleted: () => void) {
  const { message, modal } = App.useApp();

  /** Asks before deleting; on 删除 runs `remove`, then says `done` and calls `after`, or shows the refusal. */
  function confirmDelete(ask: {
    title: string;
    content: string;
    okTestId: string;
    remove: () => Promise<unknown>;
    done: string;
    after: () => void;
  }) {
    modal.confirm({
      title: ask.title,
      content: ask.content,
      okText: '删除',
      okButtonProps: { danger: true, 'data-testid': ask.okTestId } as never,
      cancelText: '取消',
      onOk: async () => {
        try {
          await ask.remove();
          message.success(ask.done);
          ask.after();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  }

  function deletePlan() {
    if (!plan) return;
    const tasks = plan.tasks.map((t) => `${t.number}「${t.name}」`);
    confirmDelete({
      title: `删除草稿计划《${plan.title}》？`,
      content:
        tasks.length > 0
          ? `计划中的 ${tasks.length} 个抽查任务将一并删除：${tasks.join('、')}。删除后不能恢复，操作日志中留有记录。`
          : '计划中还没有抽查任务。删除后不能恢复，操作日志中留有记录。',
      okTestId: 'plan-delete-ok',
      remove: () => api()['plans:delete']({ id: plan.id }),
      done: `已删除草稿计划《${plan.title}》`,
      after: onPlanDeleted,
    });
  }

  function deleteTask(task: TaskView) {
    confirmDelete({
      title: `删除草稿任务 ${task.number}？`,
      content: `「${task.name}」将从计划中删除，不能恢复，操作日志中留有记录。`,
      okTestId: 'task-delete-ok',
      remove: () => api()['tasks:delete']({ id: task.id }),
      done: `已删除草稿任务 ${task.number}`,
      after: onTaskDeleted,
    });
  }

  return { deletePlan, deleteTask };
}
