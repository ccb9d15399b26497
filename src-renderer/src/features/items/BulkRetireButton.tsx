import { App, Button } from 'antd';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { errorText } from '../../components/files';
import type { ItemFilter } from './filter';

/**
 * 批量停用: every 启用 item the list's filter shows, once the list is narrowed to one 编制单位. The confirm names the
 * count; the program retires exactly that many or none (the list changed meanwhile).
 */
export function BulkRetireButton({
  filter,
  version,
  onDone,
}: {
  filter: ItemFilter;
  version: number;
  onDone: () => void;
}) {
  const { modal, message } = App.useApp();
  const active = { ...filter, status: '启用' as const };
  const count = useApiCall(
    () => (filter.compiler ? api()['items:query']({ ...active, pageSize: 1 }) : Promise.resolve(null)),
    [JSON.stringify(filter), version],
  );
  const n = count.data?.total ?? 0;
  if (!filter.compiler) return null;

  const confirm = () =>
    modal.confirm({
      title: `停用「${filter.compiler}」的 ${n} 个事项？`,
      content: '停用后新任务不再提供这些事项；已有任务和抽取不受影响，之后也可逐个重新启用。',
      okText: `停用 ${n} 个事项`,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const done = await api()['items:bulk-retire']({ ...filter, expected: n });
          message.success(`已停用 ${done.changed} 个事项。`);
        } catch (e) {
          message.error(errorText(e));
        }
        onDone();
      },
    });

  return (
    <Button danger disabled={n === 0} onClick={confirm} data-testid="items-bulk-retire">
      {n === 0 ? '筛选出的事项都已停用' : `停用筛选出的 ${n} 个事项`}
    </Button>
  );
}
