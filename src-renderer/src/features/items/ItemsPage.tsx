import { useState } from 'react';
import { Alert, Card, Drawer, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ItemDetail, ItemRow } from '@shared/domain/roster-views';
import { ITEM_FIELD_LABELS as L } from '@shared/domain/rosters';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { usePaging } from '../../components/usePaging';
import type { ItemFilter } from './filter';
import { ItemCreateDrawer } from './ItemCreateDrawer';
import { ItemDetailView } from './ItemDetailView';
import { ItemStatusActions } from './ItemStatusActions';
import { ItemToolbar } from './ItemToolbar';
import { ErrorAlert } from '../../components/ErrorAlert';

const ITEM_COLUMNS: ColumnsType<ItemRow> = [
  { title: L.seqNo, dataIndex: 'seqNo', width: 64 },
  { title: L.compiler, dataIndex: 'compiler', width: 150, ellipsis: true },
  { title: L.checkType, dataIndex: 'checkType', width: 160, ellipsis: true },
  { title: L.name, dataIndex: 'name', ellipsis: true },
  { title: L.targets, dataIndex: 'targets', width: 160, ellipsis: true },
  {
    title: L.level,
    dataIndex: 'level',
    width: 80,
    render: (v: string) => <Tag color={v === '重点' ? 'red' : 'default'}>{v}</Tag>,
  },
  { title: L.method, dataIndex: 'method', width: 120, ellipsis: true },
  { title: '检查子项', dataIndex: 'subItemCount', width: 84, align: 'right' },
  {
    title: '状态',
    dataIndex: 'status',
    width: 72,
    render: (v: string) => <Tag color={v === '停用' ? 'default' : 'green'}>{v}</Tag>,
  },
];

/** 随机抽查事项清单: the list (server-side pages, search and filters), one item with its check sub-items, 新增 and 停用. */
export function ItemsPage() {
  const { page, pageSize, setPage, pagination } = usePaging(20, [20, 50, 100]);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const [picked, setPicked] = useState<Omit<ItemFilter, 'search'>>({});
  const filter: ItemFilter = { ...picked, search: search || undefined };
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  const { data, error, loading } = useApiCall(
    () => api()['items:query']({ page, pageSize, ...filter }),
    [page, pageSize, JSON.stringify(filter), version],
  );
  const compilers = useApiCall(() => api()['items:compilers']({}), [version]);
  const filtered = Object.values(filter).some((v) => v !== undefined);

  return (
    <Card data-testid="items-page">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ItemToolbar
          searchText={searchText}
          onSearchText={(text) => {
            setSearchText(text);
            setPage(1);
          }}
          filter={filter}
          onFilter={(patch) => {
            setPicked((f) => ({ ...f, ...patch }));
            setPage(1);
          }}
          compilers={compilers.data}
          version={version}
          onChanged={bump}
          onNew={() => setCreating(true)}
        />
        {error && <ErrorAlert title="查询失败" error={error} />}
        <Table<ItemRow>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.rows ?? []}
          locale={{
            emptyText: filtered
              ? '没有符合条件的事项'
              : '事项清单为空，可点击“导入”导入本地公布的随机抽查事项清单，或点击“新增事项”逐项添加',
          }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={pagination(data?.total ?? 0, '项')}
          columns={ITEM_COLUMNS}
        />
      </Space>
      <ItemDrawer
        id={openId}
        version={version}
        onClose={() => setOpenId(null)}
        onChanged={bump}
        onDeleted={() => {
          setOpenId(null);
          bump();
        }}
      />
      <ItemCreateDrawer
        open={creating}
        compilers={(compilers.data ?? []).map((c) => c.name).filter((c) => c !== '')}
        onClose={() => setCreating(false)}
        onCreated={(item) => {
          setCreating(false);
          bump();
          setOpenId(item.id);
        }}
      />
    </Card>
  );
}

/** One item: 停用/删除 above its details and check sub-items. */
function ItemDrawer({
  id,
  version,
  onClose,
  onChanged,
  onDeleted,
}: {
  id: number | null;
  version: number;
  onClose: () => void;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const detail = useApiCall<ItemDetail | null>(
    () => (id === null ? Promise.resolve(null) : api()['items:get']({ id })),
    [id, version],
  );
  return (
    <Drawer open={id !== null} size={880} title="事项详情" onClose={onClose} destroyOnHidden data-testid="item-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {detail.data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ItemStatusActions item={detail.data} onChanged={onChanged} onDeleted={onDeleted} />
          <ItemDetailView item={detail.data} onSaved={onChanged} />
        </Space>
      )}
    </Drawer>
  );
}
