import { Space, Tag, Tooltip } from 'antd';
import type { DeadlineItem, DeadlinesOverview, TaskDeadlines } from '@shared/domain/follow-ups';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';

type ListKey = 'overdue' | 'notInspected' | 'dueSoon' | 'unknown';

/** The four lists of a task's deadlines, most urgent first, with their tag colours. */
export const DEADLINE_LISTS: { key: ListKey; label: string; color: string }[] = [
  { key: 'overdue', label: '录入已逾期', color: 'red' },
  { key: 'notInspected', label: '逾期未检查', color: 'magenta' },
  { key: 'dueSoon', label: '即将到期', color: 'orange' },
  { key: 'unknown', label: '期限待确认', color: 'gold' },
];

/** How one entity's deadline reads: the date and the working days left, or the 待确认 sentence as it is. */
export function deadlineLine(item: DeadlineItem): string {
  if (item.workdaysLeft !== null) return `${item.deadline}（剩 ${item.workdaysLeft} 个工作日）`;
  return item.deadline;
}

/** Small tags for a task: one per non-empty list, the entities and deadlines in the tooltip. */
export function TaskDeadlineTags({ task }: { task?: TaskDeadlines }) {
  if (!task) return null;
  return (
    <Space size={2} wrap data-testid={`task-deadlines-${task.taskId}`}>
      {DEADLINE_LISTS.filter((l) => task[l.key].length > 0).map((l) => (
        <Tooltip
          key={l.key}
          title={task[l.key]
            .slice(0, 10)
            .map((i) => `${i.entityName}：${l.key === 'notInspected' ? `检查期限 ${i.deadline}` : deadlineLine(i)}`)
            .join('；')}
        >
          <Tag color={l.color} style={{ marginInlineEnd: 0 }}>
            {l.label} {task[l.key].length}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** The deadlines overview (judged on China's today in main), by task id. */
export function useDeadlines(deps: unknown[] = []) {
  const call = useApiCall<DeadlinesOverview>(() => api()['calendar:deadlines']({}), deps);
  const byTask = new Map((call.data?.tasks ?? []).map((t) => [t.taskId, t]));
  return { ...call, byTask };
}
