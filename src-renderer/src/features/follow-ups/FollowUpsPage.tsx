import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import type { FollowUpView } from '@shared/domain/follow-ups';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterSelect } from '../../components/FilterSelect';
import { useApiCall } from '../../components/useApiCall';
import { FollowUpCloseModal } from './FollowUpCloseModal';
import { FollowUpEditModal } from './FollowUpEditModal';
import { formatCount } from '@shared/domain/counts';

type Status = 'open' | 'closed' | 'all';
const STATUS_OPTIONS: { label: string; value: Status }[] = [
  { label: '未完结', value: 'open' },
  { label: '已完结', value: 'closed' },
  { label: '全部', value: 'all' },
];

const isStatus = (v: string | null): v is Status => STATUS_OPTIONS.some((o) => o.value === v);

/** The list's status (?status=open|closed|all, 未完结 when absent) and 只看已逾期 (&overdue=1), kept in the URL. */
function useListFilters() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  return {
    status: isStatus(asked) ? asked : 'open',
    overdueOnly: params.get('overdue') === '1',
    setStatus: (s: Status) => set('status', s),
    setOverdueOnly: (on: boolean) => set('overdue', on ? '1' : null),
  };
}

/** 后续处置: the follow-ups of results with problems, to closure (完结 needs its date and a note). */
export function FollowUpsPage() {
  const [taskId, setTaskId] = useState<number>();
  const { status, setStatus, overdueOnly, setOverdueOnly } = useListFilters();
  const [editing, setEditing] = useState<FollowUpView>();
  const [closing, setClosing] = useState<FollowUpView>();
  const { data, error, loading, reload } = useApiCall(
    () => api()['follow-ups:list']({ taskId, status, overdueOnly }),
    [taskId, status, overdueOnly],
  );
  const done = () => {
    setEditing(undefined);
    setClosing(undefined);
    reload();
  };
  return (
    <Card data-testid="follow-ups-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect
          all="全部任务"
          width={320}
          value={taskId}
          onChange={setTaskId}
          options={(data?.tasks ?? []).map((t) => ({ value: t.id, label: `${t.number} ${t.name}` }))}
          testId="follow-ups-task"
        />
        <Segmented<Status> options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <Space size={4}>
          <Switch checked={overdueOnly} onChange={setOverdueOnly} data-testid="follow-ups-overdue" />
          <span>只看已逾期</span>
        </Space>
        {data && <Typography.Text type="secondary">逾期按今天（{data.today}）计算</Typography.Text>}
      </Space>
      <ErrorAlert title="无法读取后续处置" error={error} />
      <Table<FollowUpView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${formatCount(n)} 条` }}
        locale={{ emptyText: status === 'open' ? '没有未完结的后续处置' : '没有后续处置记录' }}
        onRow={(f) => ({ 'data-testid': `follow-up-${f.id}` }) as never}
        columns={[...COLUMNS, actionsColumn(setEditing, setClosing)]}
      />
      <FollowUpEditModal followUp={editing} onDone={done} onCancel={() => setEditing(undefined)} />
      <FollowUpCloseModal followUp={closing} today={data?.today} onDone={done} onCancel={() => setClosing(undefined)} />
    </Card>
  );
}

function actionsColumn(edit: (f: FollowUpView) => void, close: (f: FollowUpView) => void) {
  return {
    title: '操作',
    width: 110,
    render: (_: unknown, f: FollowUpView) =>
      f.closedOn ? null : (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => edit(f)} data-testid={`follow-up-edit-${f.id}`}>
            修改
          </Button>
          <Button size="small" type="link" onClick={() => close(f)} data-testid={`follow-up-close-${f.id}`}>
            完结
          </Button>
        </Space>
      ),
  };
}

/** The due date, with a red 已逾期 tag and the days late when an open follow-up has passed it. */
function DueCell({ f }: { f: FollowUpView }) {
  if (!f.dueOn) return <Typography.Text type="secondary">未定</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{f.dueOn}</span>
      {f.overdue && (
        <Tag color="red" data-testid={`follow-up-overdue-${f.id}`}>
          已逾期 {f.daysLate} 天
        </Tag>
      )}
    </Space>
  );
}

function StateCell({ f }: { f: FollowUpView }) {
  if (!f.closedOn) return <Tag color="orange">未完结</Tag>;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Tag color="green">已完结</Tag>
        {f.closedOn}
        {f.closedLate && <Tag color="volcano">超期 {f.daysLate} 天</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {f.closingNote}
      </Typography.Text>
    </Space>
  );
}

const COLUMNS = [
  {
    title: '抽查任务',
    width: 200,
    render: (_: unknown, f: FollowUpView) => (
      <Space orientation="vertical" size={0}>
        <span>{f.taskNumber}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: f.taskName }}>
          {f.taskName}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '检查对象', dataIndex: 'entityName', minWidth: 160 },
  { title: '后续处置措施', dataIndex: 'measure', minWidth: 200 },
  { title: '负责单位', dataIndex: 'office', width: 140 },
  { title: '处置期限', width: 170, render: (_: unknown, f: FollowUpView) => <DueCell f={f} /> },
  { title: '执行情况', width: 200, render: (_: unknown, f: FollowUpView) => <StateCell f={f} /> },
];
