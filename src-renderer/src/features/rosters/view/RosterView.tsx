import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { ROSTER_BROWSE_LIMIT } from '@shared/domain/roster-views';
import { BulkActionModal, type BulkAction } from './BulkActionModal';
import { RosterEditDrawer } from './RosterEditDrawer';
import { RosterFilterBar, RosterToolbar, SelectionBar } from './RosterToolbar';
import type { RosterConfig, RosterRow, SortField } from './types';
import type { RecordTarget } from './useRecordSave';
import { type RosterQueryState, useRosterExport, useRosterQuery } from './useRosterQuery';
import { formatCount } from '@shared/domain/counts';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** Import warnings a record was kept with, as the clerk reads them. */
const FLAG_LABELS: Record<string, string> = {
  'uscc.checkDigit': '统一社会信用代码校验码不符（导入时已接受）',
  'uscc.refused': '导入文件中的统一社会信用代码无效，按注册号导入',
  'regNo.checkDigit': '注册号校验位不符',
  'regNo.shape': '注册号不是 15 位数字',
  'regNo.refused': '导入文件中的注册号无效，未保存',
  'phone.floatDamaged': '导入文件中的电话已被 Excel 损坏，已留空',
  'phone.suspect': '联系电话存疑',
  'value.fullWidth': '导入时含全角字符，已自动识别',
  'date.invalid': '导入文件中的日期无效，已留空',
  'name.fromOperator': '导入文件中名称为空，已按经营者命名',
  'name.keptStored': '导入文件中名称为空，保留了名录中已有的名称',
};

export function FlagsMark({ flags }: { flags: string[] }) {
  if (flags.length === 0) return null;
  return (
    <Tooltip title={flags.map((f) => FLAG_LABELS[f] ?? f).join('；')}>
      <WarningOutlined style={{ color: '#d48806', marginLeft: 6 }} aria-label="导入提示" />
    </Tooltip>
  );
}

/**
 * A roster as a server-side table: every page, sort, filter and search is one roster:query (the page stays
 * instant at 1,000,000 entities because nothing is loaded beyond the page shown). Selection + bulk actions, an
 * edit drawer per row (and for a new record), export of the current view; `actions` holds the import buttons.
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
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<RecordTarget<R>>(null);
  const [bulk, setBulk] = useState<BulkAction | null>(null);
  const [changes, setChanges] = useState(0);
  const query = useRosterQuery(config, version, changes);
  const { exporting, exportView } = useRosterExport(config, query);
  const { data, error, options } = query;

  return (
    <Card data-testid={`roster-${config.roster}`}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <RosterToolbar
          config={config}
          query={query}
          actions={
            <>
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="roster-new">
                新增{config.noun}
              </Button>
              {actions}
            </>
          }
          exporting={exporting}
          onExport={exportView}
        />
        <RosterFilterBar config={config} query={query} />
        {selected.length > 0 && (
          <SelectionBar config={config} count={selected.length} onBulk={setBulk} onClear={() => setSelected([])} />
        )}
        {error && <ErrorAlert title="查询失败" error={error} />}
        <RosterTable config={config} query={query} selected={selected} onSelect={setSelected} onEdit={setEditing} />
        {data?.searchMode === 'scan' && query.search && (
          <Typography.Text type="secondary">提示：检索内容含标点符号，按逐条比对查找，可能较慢。</Typography.Text>
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

/** The page of rows, selectable across pages, sorted on the server by the clicked column. */
function RosterTable<R extends RosterRow>({
  config,
  query,
  selected,
  onSelect,
  onEdit,
}: {
  config: RosterConfig<R>;
  query: RosterQueryState;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onEdit: (row: R) => void;
}) {
  const { sort, data } = query;
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
          <Button type="link" size="small" onClick={() => onEdit(row)} data-testid={`edit-${row.id}`}>
            编辑
          </Button>
        ),
      },
    ],
    [config.columns, sort, onEdit],
  );
  return (
    <Table<R>
      rowKey="id"
      size="small"
      loading={query.loading}
      dataSource={(data?.rows ?? []) as R[]}
      columns={columns}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: query.activeFilters
          ? '没有符合条件的记录'
          : `${config.noun}名录为空，可点击「导入」从 Excel / CSV 导入`,
      }}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as number[]),
        preserveSelectedRowKeys: true,
      }}
      pagination={query.pagination(data?.total ?? 0, config.unit, ROSTER_BROWSE_LIMIT)}
      footer={
        (data?.total ?? 0) > ROSTER_BROWSE_LIMIT
          ? () => (
              <Typography.Text type="secondary" data-testid="browse-limit">
                可翻阅前 {formatCount(ROSTER_BROWSE_LIMIT)} {config.unit}；其余请用搜索或筛选找到。
              </Typography.Text>
            )
          : undefined
      }
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== 'sort') return;
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        query.sortBy(
          s?.order && s.columnKey
            ? { field: s.columnKey as SortField, direction: s.order === 'ascend' ? 'asc' : 'desc' }
            : undefined,
        );
      }}
    />
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
