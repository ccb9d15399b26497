import { useState } from 'react';
import { Alert, Card, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ItemDetail, ItemRow } from '@shared/domain/roster-views';
import { ITEM_FIELD_LABELS as L, ITEM_LEVELS } from '@shared/domain/rosters';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { usePaging } from '../../components/usePaging';
import { ImportActions } from '../rosters/import/ImportActions';
import { SubItemEditor } from './SubItemEditor';

const multiline = (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;

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
              search || level ? '没有符合条件的事项' : '事项清单为空,可点击“导入”导入本地公布的随机抽查事项清单',
          }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={pagination(data?.total ?? 0, '项')}
          columns={[
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
          ]}
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
        {detail.data && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={2} bordered size="small" data-testid="item-detail">
              <Descriptions.Item label={L.name} span={2}>
                <Typography.Text strong>{multiline(detail.data.name)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={L.compiler}>{detail.data.compiler}</Descriptions.Item>
              <Descriptions.Item label={L.seqNo}>{detail.data.seqNo}</Descriptions.Item>
              <Descriptions.Item label={L.checkType}>{detail.data.checkType}</Descriptions.Item>
              <Descriptions.Item label={L.level}>{detail.data.level}</Descriptions.Item>
              <Descriptions.Item label={L.targets} span={2}>
                {multiline(detail.data.targets)}
              </Descriptions.Item>
              <Descriptions.Item label={L.method} span={2}>
                {multiline(detail.data.method)}
                {detail.data.methodKinds.map((k) => (
                  <Tag key={k} style={{ marginLeft: 8 }}>
                    {k}
                  </Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={L.authority} span={2}>
                {multiline(detail.data.authority)}
              </Descriptions.Item>
              <Descriptions.Item label={L.basis} span={2}>
                <div style={{ maxHeight: 160, overflow: 'auto' }}>{multiline(detail.data.basis)}</div>
              </Descriptions.Item>
              {detail.data.remarks ? (
                <Descriptions.Item label={L.remarks} span={2}>
                  {multiline(detail.data.remarks)}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <div>
              <Typography.Title level={5}>检查子项({detail.data.subItems.length})</Typography.Title>
              <SubItemEditor item={detail.data} onSaved={() => setVersion((v) => v + 1)} />
            </div>
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
