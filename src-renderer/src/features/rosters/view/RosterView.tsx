import { useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ExportOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { api } from '../../../api';
import { errorText, saveThroughDialog } from '../../../components/files';
import { useApiCall } from '../../../components/useApiCall';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { usePaging } from '../../../components/usePaging';
import { BulkActionModal, type BulkAction } from './BulkActionModal';
import { RosterEditDrawer } from './RosterEditDrawer';
import type { RosterConfig, RosterFilters, RosterRow, SortField } from './types';

/** Import warnings a record was kept with, as the clerk reads them. */
const FLAG_LABELS: Record<string, string> = {
  'uscc.checkDigit': '统一社会信用代码校验码不符(导入时已接受)',
  'uscc.refused': '导入文件中的统一社会信用代码无效,按注册号导入',
  'regNo.checkDigit': '注册号校验位不符',
  'regNo.shape': '注册号不是 15 位数字',
  'regNo.refused': '导入文件中的注册号无效,未保存',
  'phone.floatDamaged': '导入文件中的电话已被 Excel 损坏,已留空',
  'phone.suspect': '联系电话存疑',
  'value.fullWidth': '导入时含全角字符,已自动识别',
  'date.invalid': '导入文件中的日期无效,已留空',
};

export function FlagsMark({ flags }: { flags: string[] }) {
  if (flags.length === 0) return null;
  return (
    <Tooltip title={flags.map((f) => FLAG_LABELS[f] ?? f).join(';')}>
      <WarningOutlined style={{ color: '#d48806', marginLeft: 6 }} aria-label="导入提示" />
    </Tooltip>
  );
}

/**
 * A roster as a server-side table: every page, sort, filter and search is one roster:query (the page stays
 * instant at 1,000,000 entities because nothing is loaded beyond the page shown). Selection + bulk actions, an
 * edit drawer per row, export of the current view; `actions` holds the import buttons of the page.
 */
export function RosterView<R extends RosterRow>({
  config,
  actions,
  version = 0,
}: {
  config: RosterConfig<R>;
  actions?: ReactNode;
  version?: number;
}) {
  const { message } = App.useApp();
  const { page, pageSize, setPage, pagination } = usePaging(50, [20, 50, 100, 200]);
  const [sort, setSort] = useState<{ field: SortField; direction: 'asc' | 'desc' } | undefined>();
  const [filters, setFilters] = useState<RosterFilters>({});
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<R | null>(null);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const [changes, setChanges] = useState(0);
  const [exporting, setExporting] = useState(false);

  const queryKey = JSON.stringify([config.roster, page, pageSize, search, sort, filters, version, changes]);
  const { data, error, loading } = useApiCall(
    () => api()['roster:query']({ roster: config.roster, page, pageSize, search: search || undefined, sort, filters }),
    [queryKey],
  );
  const { data: options } = useApiCall(
    () => api()['roster:filter-options']({ roster: config.roster }),
    [config.roster, version, changes],
  );
  const rows = (data?.rows ?? []) as R[];

  const setFilter = (key: keyof RosterFilters, values: string[]) => {
    setFilters((f) => {
      const next = { ...f, [key]: values };
      if (values.length === 0) delete next[key];
      return next;
    });
    setPage(1);
  };

  const columns = useMemo(
    () => [
      ...config.columns.map((c) => {
        const key = c.key as SortField | undefined;
        if (!('sorter' in c) || !c.sorter || !key) return c;
        return {
          ...c,
          sortOrder:
            sort?.field === key ? (sort.direction === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
        };
      }),
      {
        title: '操作',
        key: '__actions',
        fixed: 'right' as const,
        width: 72,
        render: (_: unknown, row: R) => (
          <Button type="link" size="small" onClick={() => setEditing(row)} data-testid={`edit-${row.id}`}>
            编辑
          </Button>
        ),
      },
    ],
    [config.columns, sort],
  );

  async function exportView() {
    setExporting(true);
    try {
      const done = await saveThroughDialog('export', `${config.exportName}-导出.xlsx`, (fileToken) =>
        api()['roster:export']({ roster: config.roster, search: search || undefined, sort, filters, fileToken }),
      );
      if (done) message.success(`已导出 ${done.rows} 条到 ${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  }

  const activeFilters = Object.keys(filters).length > 0 || searchText !== '';
  return (
    <Card data-testid={`roster-${config.roster}`}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={config.searchPlaceholder}
              value={searchText}
              onChange={(e) => {
                setSearchText(e.target.value);
                setPage(1);
              }}
              style={{ width: 340 }}
              data-testid="roster-search"
            />
            {activeFilters && (
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  setFilters({});
                  setSearchText('');
                  setPage(1);
                }}
              >
                清除条件
              </Button>
            )}
          </Space>
          <Space wrap>
            {actions}
            <Button icon={<ExportOutlined />} onClick={exportView} loading={exporting} data-testid="roster-export">
              导出当前筛选结果
            </Button>
          </Space>
        </Space>
        <Space wrap data-testid="roster-filters">
          {config.filters.map((f) => (
            <Select
              key={f.key}
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={f.label}
              value={(filters[f.key] as string[] | undefined) ?? []}
              onChange={(v: string[]) => setFilter(f.key, v)}
              options={(options ? f.options(options) : []).map((o) => ({ value: o, label: o }))}
              style={{ minWidth: f.width ?? 150 }}
              data-testid={`filter-${f.key}`}
            />
          ))}
        </Space>
        {selected.length > 0 && (
          <Alert
            type="info"
            data-testid="selection-bar"
            title={
              <Space wrap>
                <span>
                  已选 <b>{selected.length}</b> 条
                </span>
                {config.hasGrade && (
                  <Button size="small" onClick={() => setBulk('grade')}>
                    设置信用等级
                  </Button>
                )}
                <Button size="small" onClick={() => setBulk('tags')}>
                  添加标签
                </Button>
                <Button size="small" onClick={() => setBulk('status')}>
                  设置{config.statusLabel}
                </Button>
                <Button size="small" type="link" onClick={() => setSelected([])}>
                  取消选择
                </Button>
              </Space>
            }
          />
        )}
        {error && <Alert type="error" showIcon title="查询失败" description={error} />}
        <Table<R>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: activeFilters ? '没有符合条件的记录' : `${config.noun}名录为空,可点击“导入”从 Excel / CSV 导入`,
          }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            preserveSelectedRowKeys: true,
          }}
          pagination={pagination(data?.total ?? 0, config.unit)}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            setSort(
              s?.order && s.columnKey
                ? { field: s.columnKey as SortField, direction: s.order === 'ascend' ? 'asc' : 'desc' }
                : undefined,
            );
            setPage(1);
          }}
        />
        {data?.searchMode === 'scan' && search && (
          <Typography.Text type="secondary">提示:检索内容含标点符号,按逐条比对查找,可能较慢。</Typography.Text>
        )}
      </Space>
      <RosterEditDrawer
        config={config}
        row={editing}
        options={options}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setChanges((n) => n + 1);
        }}
      />
      <BulkActionModal
        action={bulk}
        config={config}
        ids={selected}
        tagOptions={options?.tags ?? []}
        onClose={() => setBulk(null)}
        onDone={() => {
          setBulk(null);
          setSelected([]);
          setChanges((n) => n + 1);
        }}
      />
    </Card>
  );
}

/** 信用风险等级 as a coloured tag (A green … D red); '未评级' when none. */
export function GradeTag({ grade }: { grade: string | null }) {
  if (!grade) return <Typography.Text type="secondary">未评级</Typography.Text>;
  const color = { A: 'green', B: 'blue', C: 'orange', D: 'red' }[grade] ?? 'default';
  return <Tag color={color}>{grade}</Tag>;
}

export function TagList({ tags }: { tags: string[] }) {
  return (
    <>
      {tags.map((t) => (
        <Tag key={t}>{t}</Tag>
      ))}
    </>
  );
}
