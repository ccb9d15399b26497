import { useState, type ReactNode } from 'react';
import { Button, Card, Input, Segmented, Space, Table, Typography } from 'antd';
import { RESULT_STATES, type ResultState } from '@shared/domain/results';
import type { ResultEntityRow } from '@shared/domain/result-views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReviewActions } from './ReviewActions';
import { StateTag } from './resultTexts';
import { dateTimeText } from '../../components/dateTime';

interface Props {
  rows: ResultEntityRow[] | undefined;
  loading: boolean;
  error?: string;
  state: ResultState | null;
  query: string;
  onFilter(state: ResultState | null, query: string): void;
  /** Tags of the filters a link put on, beside the page's own. */
  linkFilters?: ReactNode;
  onOpen(entityId: number): void;
  onReviewed(): void;
}

const who = (by: string | null, at: string | null) =>
  by ? (
    <span>
      {by}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {dateTimeText(at)}
      </Typography.Text>
    </span>
  ) : (
    ''
  );

function columns(onOpen: (id: number) => void, onReviewed: () => void) {
  return [
    { title: '名单包', dataIndex: 'packageNo', width: 80, render: (no: number) => `第 ${no} 包` },
    {
      title: '检查对象',
      dataIndex: 'name',
      render: (v: string, r: ResultEntityRow) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.entityId)}>
          {v}
        </Button>
      ),
    },
    { title: '统一社会信用代码/注册号', dataIndex: 'code', width: 190 },
    {
      title: '状态',
      width: 130,
      render: (_: unknown, r: ResultEntityRow) => <StateTag state={r.state} draft={r.draft} />,
    },
    { title: '检查日期', dataIndex: 'inspectedOn', width: 110 },
    { title: '录入', width: 150, render: (_: unknown, r: ResultEntityRow) => who(r.enteredBy, r.enteredAt) },
    {
      title: '审核',
      width: 190,
      render: (_: unknown, r: ResultEntityRow) => (
        <>
          {who(r.reviewedBy, r.reviewedAt)}
          {r.returnReason && r.state === '审核退回' && <div>退回理由：{r.returnReason}</div>}
        </>
      ),
    },
    {
      title: '操作',
      width: 170,
      render: (_: unknown, r: ResultEntityRow) =>
        r.state === '已录入' && r.resultId ? (
          <ReviewActions compact resultIds={[r.resultId]} onReviewed={onReviewed} />
        ) : null,
    },
  ];
}

/** A task's drawn entities with their result state: filter, open one to enter, review the 已录入 ones. */
export function EntityList(props: Props) {
  const { rows, loading, error, state, query, onFilter, onOpen, onReviewed } = props;
  const [selected, setSelected] = useState<number[]>([]);
  const reviewed = () => {
    setSelected([]);
    onReviewed();
  };
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Segmented<string>
            value={state ?? '全部'}
            options={['全部', ...RESULT_STATES]}
            onChange={(v) => onFilter(v === '全部' ? null : (v as ResultState), query)}
          />
          <Input.Search
            allowClear
            placeholder="按名称或代码查找"
            defaultValue={query}
            style={{ width: 240 }}
            aria-label="查找检查对象"
            onSearch={(v) => onFilter(state, v.trim())}
          />
          {props.linkFilters}
        </Space>
        <ReviewActions resultIds={selected} onReviewed={reviewed} />
      </Space>
      <ErrorAlert title="无法读取检查对象" error={error} />
      <Table<ResultEntityRow>
        rowKey="entityId"
        size="small"
        loading={loading}
        dataSource={rows ?? []}
        columns={columns(onOpen, reviewed)}
        pagination={{ pageSize: 12, showSizeChanger: false, showTotal: (n) => `共 ${n} 户` }}
        locale={{ emptyText: '没有符合条件的检查对象' }}
        rowSelection={{
          selectedRowKeys: rows
            ?.filter((r) => r.resultId !== null && selected.includes(r.resultId))
            .map((r) => r.entityId),
          getCheckboxProps: (r) => ({ disabled: r.state !== '已录入' }),
          onChange: (_keys, chosen) => setSelected(chosen.flatMap((r) => (r.resultId ? [r.resultId] : []))),
        }}
      />
    </Card>
  );
}
