import { useMemo, useRef, useState } from 'react';
import { Select } from 'antd';
import type { ItemRow } from '@shared/domain/roster-views';
import type { TaskItemRef } from '@shared/domain/tasks';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { useDebouncedValue } from '../../components/useDebouncedValue';

/**
 * 检查事项 from the 随机抽查事项清单: searched on the server as the clerk types (a list may hold hundreds of items),
 * remembering the names of those already chosen so the tags stay readable.
 */
export function ItemSelect({
  value,
  onChange,
  initial,
  id,
}: {
  value?: number[];
  onChange?: (v: number[]) => void;
  initial: TaskItemRef[];
  id?: string;
}) {
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const known = useRef(new Map<number, string>(initial.map((i) => [i.id, i.name])));
  const { data, loading } = useApiCall(
    () => api()['items:query']({ pageSize: 200, search: search || undefined, status: '启用' }),
    [search],
  );
  const options = useMemo(() => {
    const rows: ItemRow[] = data?.rows ?? [];
    for (const row of rows) known.current.set(row.id, row.name);
    const shown = new Map(rows.map((r) => [r.id, `${r.name}（${r.checkType || r.compiler}）`]));
    for (const chosen of value ?? [])
      if (!shown.has(chosen)) shown.set(chosen, known.current.get(chosen) ?? `事项 ${chosen}`);
    return [...shown].map(([itemId, label]) => ({ value: itemId, label }));
  }, [data, value]);
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearchText }}
      loading={loading}
      value={value}
      onChange={(v) => {
        setSearchText('');
        onChange?.(v);
      }}
      options={options}
      placeholder="输入事项名称检索，可选多个"
      notFoundContent={loading ? '正在检索…' : '事项清单中没有匹配的事项'}
      data-testid="task-items"
    />
  );
}
