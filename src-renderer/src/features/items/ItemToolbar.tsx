import { Button, Input, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ITEM_FIELD_LABELS as L, ITEM_LEVELS, ITEM_STATUSES } from '@shared/domain/rosters';
import type { Res } from '@shared/ipc/contract';
import { FilterSelect } from '../../components/FilterSelect';
import { ImportActions } from '../rosters/import/ImportActions';
import { BulkRetireButton } from './BulkRetireButton';
import type { ItemFilter } from './filter';

/** Search, 新增 and 导入; below, the filters of the item list (编制单位, 事项类别, 状态) and 批量停用 of what they show. */
export function ItemToolbar({
  searchText,
  onSearchText,
  filter,
  onFilter,
  compilers,
  version,
  onChanged,
  onNew,
}: {
  searchText: string;
  onSearchText: (text: string) => void;
  filter: ItemFilter;
  onFilter: (patch: Partial<ItemFilter>) => void;
  compilers: Res<'items:compilers'> | undefined;
  version: number;
  onChanged: () => void;
  onNew: () => void;
}) {
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Input.Search
          allowClear
          placeholder="按事项名称、抽查类别、检查对象、依据或编制单位检索"
          value={searchText}
          onChange={(e) => onSearchText(e.target.value)}
          style={{ width: 380 }}
          data-testid="items-search"
        />
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={onNew} data-testid="items-new">
            新增事项
          </Button>
          <ImportActions kind="items" onImported={onChanged} />
        </Space>
      </Space>
      <Space wrap>
        <FilterSelect
          search
          all={L.compiler}
          width={220}
          value={filter.compiler}
          onChange={(v) => onFilter({ compiler: v })}
          options={(compilers ?? []).map((c) => ({ value: c.name, label: `${c.name || '（未填）'}（${c.items}）` }))}
          testId="items-compiler"
        />
        <FilterSelect
          all={L.level}
          width={130}
          value={filter.level}
          onChange={(v) => onFilter({ level: v })}
          options={ITEM_LEVELS.map((l) => ({ value: l, label: `${l}检查事项` }))}
          testId="items-level"
        />
        <FilterSelect
          all="状态"
          width={96}
          value={filter.status}
          onChange={(v) => onFilter({ status: v })}
          options={ITEM_STATUSES.map((s) => ({ value: s, label: s }))}
          testId="items-status"
        />
        <BulkRetireButton filter={filter} version={version} onDone={onChanged} />
      </Space>
    </Space>
  );
}
