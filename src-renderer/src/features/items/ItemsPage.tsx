import { useState } from 'react';
import { Alert, Card, Drawer, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ItemDetail, ItemRow } from '@shared/domain/roster-views';
import { ITEM_FIELD_LABELS as L, ITEM_LEVELS } from '@shared/domain/rosters';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { usePaging } from '../../components/usePaging';
import { ImportActions } from '../rosters/import/ImportActions';
import { ItemDetailView } from './ItemDetailView';

const ITEM_COLUMNS: ColumnsType<ItemRow> = [
  { title: L.seqNo, dataIndex: 'seqNo', width: 64 },
  { title: L.compiler, dataIndex: 'compiler', width: 150, ellipsis: true },
  { title: L.checkType, dataIndex: 'checkType', width: 160, ellipsis: true },
  { title: L.name, dataIndex: 'name', ellipsis: true },
  { title: L.targets, dataIndex: 'targets', width: 180, ellipsis: true },
  {
    title: L.level,
    dataIndex: 'level',
    width: 80,
    render: (v: string) => <Tag color={v === '重点' ? 'red' : 'default'}>{v}</Tag>,
  },
  { title: L.method, dataIndex: 'method', width: 140, ellipsis: true },
  { title: '检查子项', dataIndex: 'subItemCount', width: 84, align: 'right' },
];

/** 随机抽查事项清单: the list (server-side pages and search), and one item with its check sub-items. */
export function ItemsPage() {
  const { page, pageSize, setPage, pagination } = usePaging(20, [20, 50, 100]);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const [level, setLevel] = useState<'一般' | '重点' | undefined>();
  const [version, setVersion] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);

  const { data, error, loading } = useApiCall(
    () => api()['items:query']({ page, pageSize, search: search || undefined, level }),
    [page, pageSize, search, level, version],
  );
  const detail = useApiCall<ItemDetail | null>(
    () => (openId === null ? Promise.resolve(null) : api()['items:get']({ id: openId })),
    [openId, version],
  );

  return (
    <Card data-testid="items-page">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder="按事项名称、抽查类别、检查对象、依据或编制单位检索"
              value={searchText}
              onChange={(e) => {
                setSearchText(e.target.value);
                setPage(1);
              }}
              style={{ width: 360 }}
              data-testid="items-search"
            />
            <Select
              allowClear
              placeholder={L.level}
              value={level}
              onChange={(v) => {
                setLevel(v);
                setPage(1);
              }}
              options={ITEM_LEVELS.map((l) => ({ value: l, label: `${l}检查事项` }))}
              style={{ width: 150 }}
            />
          </Space>
          <Space>
            <ImportActions kind="items" onImported={() => setVersion((v) => v + 1)} />
          </Space>
        </Space>
        {error && <Alert type="error" showIcon title="查询失败" description={error} />}
        <Table<ItemRow>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.rows ?? []}
          locale={{
            emptyText:
              search || level ? '没有符合条件的事项' : '事项清单为空，可点击“导入”导入本地公布的随机抽查事项清单',
          }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={pagination(data?.total ?? 0, '项')}
          columns={ITEM_COLUMNS}
        />
      </Space>
      <Drawer
        open={openId !== null}
        size={880}
        title="事项详情"
        onClose={() => setOpenId(null)}
        destroyOnHidden
        data-testid="item-drawer"
      >
        {detail.error && <Alert type="error" showIcon title={detail.error} />}
        {detail.data && <ItemDetailView item={detail.data} onSaved={() => setVersion((v) => v + 1)} />}
      </Drawer>
    </Card>
  );
}
