import { App, Button, Space } from 'antd';
import type { ItemDetail } from '@shared/domain/roster-views';
import { api } from '../../api';
import { DeleteButton } from '../../components/DeleteButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';

/**
 * One item's 停用/启用 and 删除. A retired item is no longer offered to new tasks; the tasks and draws that name it keep
 * it. Only an item no task names can be deleted: the refusal says so and suggests 停用.
 */
export function ItemStatusActions({
  item,
  onChanged,
  onDeleted,
}: {
  item: ItemDetail;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { message } = App.useApp();
  const { run, busy, error } = useAction();
  const retired = item.status === '停用';

  async function toggle() {
    const status = retired ? '启用' : '停用';
    const done = await run(() => api()['items:set-status']({ id: item.id, status }));
    if (!done) return;
    message.success(retired ? '已启用，新任务可以选用这个事项。' : '已停用，新任务不再提供这个事项。');
    onChanged();
  }

  async function remove() {
    const done = await run(() => api()['items:delete']({ id: item.id }));
    if (!done) return;
    message.success(`已删除“${item.name}”`);
    onDeleted();
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button loading={busy} onClick={toggle} data-testid="item-toggle-status">
          {retired ? '重新启用' : '停用此事项'}
        </Button>
        <DeleteButton
          noun="事项"
          rule="只能删除尚未被任何抽查任务选用的事项"
          busy={busy}
          onConfirm={remove}
          testId="item-delete"
        />
      </Space>
      {error && <ErrorAlert title="未能完成" error={error} testId="item-action-error" />}
    </Space>
  );
}
