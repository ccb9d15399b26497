import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Segmented, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type {
  ResultAnnouncement,
  ResultAnnouncementRow,
  ResultDetailRow,
  ResultScope,
} from '@shared/domain/disclosure';
import type { DisclosureTaskView } from '@shared/ipc/channels/disclosure';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { AnnouncementActions } from './AnnouncementActions';
import { AnnouncementTable } from './AnnouncementTable';
import { TaskSelect } from './TaskAnnouncementTab';
import { ErrorAlert } from '../../components/ErrorAlert';

type By = 'task' | 'range';

/** 抽查结果公告: of a task or of a range of 检查完成日期, previewed, published and exported. */
export function ResultAnnouncementTab({ tasks, onChanged }: { tasks?: DisclosureTaskView[]; onChanged(): void }) {
  const [by, setBy] = useState<By>('task');
  const [taskId, setTaskId] = useState<number>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [scope, setScope] = useState<ResultScope>();
  const [data, setData] = useState<ResultAnnouncement>();
  const { run, busy, error } = useAction();
  const chosen: ResultScope | undefined =
    by === 'task'
      ? taskId
        ? { taskId }
        : undefined
      : range?.[0] && range[1]
        ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }
        : undefined;
  const preview = async (s: ResultScope | undefined = chosen) => {
    if (!s) return;
    setData(undefined);
    setScope(s);
    const a = await run(() => api()['disclosure:result-preview']({ scope: s }));
    if (a) setData(a);
  };
  const publish = async () => {
    setData(await api()['disclosure:publish-results']({ scope: scope! }));
    onChanged();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Segmented<By>
          options={[
            { label: '按抽查任务', value: 'task' },
            { label: '按检查完成日期', value: 'range' },
          ]}
          value={by}
          onChange={setBy}
        />
        {by === 'task' ? (
          <TaskSelect tasks={tasks} value={taskId} onChange={setTaskId} testId="result-task" />
        ) : (
          <DatePicker.RangePicker value={range} onChange={setRange} aria-label="检查完成日期" />
        )}
        <Button onClick={() => preview()} disabled={!chosen} loading={busy} data-testid="result-preview">
          预览
        </Button>
        <Typography.Text type="secondary">只公示已审核的检查结果；已过公示期的不再列入。</Typography.Text>
      </Space>
      {error && <ErrorAlert title="不能生成抽查结果公告" error={error} />}
      {!data && !error && <Empty description="选择抽查任务或检查完成日期后预览" />}
      {data && scope && (
        <>
          <AnnouncementActions announcement={data} target={{ scope }} publish={publish} />
          <ResultPreview a={data} />
        </>
      )}
    </Space>
  );
}

const EXTRA_TITLES = { address: '住所（经营场所）', legalRep: '法定代表人（负责人）', inspectors: '检查人员' } as const;

function ResultPreview({ a }: { a: ResultAnnouncement }) {
  const columns = [
    { title: '序号', dataIndex: 'seq', width: 60 },
    {
      title: '抽查任务',
      width: 200,
      render: (_: unknown, r: ResultAnnouncementRow) => `${r.taskNumber} ${r.taskName}`,
    },
    { title: '抽查类型', dataIndex: 'drawKind', width: 80 },
    { title: '抽查市场主体名称', dataIndex: 'name' },
    { title: '统一社会信用代码/注册号', dataIndex: 'code', width: 190 },
    { title: '检查完成日期', dataIndex: 'inspectedOn', width: 110 },
    { title: '检查结果', dataIndex: 'result', width: 220 },
    ...a.extraFields.map((f) => ({ title: EXTRA_TITLES[f], dataIndex: f, width: 140 })),
    { title: '备注', dataIndex: 'note', width: 120 },
  ];
  return (
    <div data-testid="result-announcement">
      <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="announcement-title">
        {a.title}
      </Typography.Title>
      {a.expired > 0 && (
        <Alert type="info" showIcon title={`另有 ${a.expired} 条检查结果已过公示期，不再列入本公告。`} />
      )}
      <AnnouncementTable<ResultAnnouncementRow>
        style={{ marginTop: 8 }}
        rowKey="resultId"
        dataSource={a.rows}
        columns={columns}
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (r) => <Details rows={r.details} /> }}
      />
    </div>
  );
}

function Details({ rows }: { rows: ResultDetailRow[] }) {
  const finding = rows.some((d) => d.finding !== '');
  return (
    <Table<ResultDetailRow>
      rowKey="seq"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        { title: '检查事项', dataIndex: 'item' },
        { title: '检查结果', dataIndex: 'result', width: 120 },
        ...(finding ? [{ title: '发现问题情况', dataIndex: 'finding' }] : []),
      ]}
    />
  );
}
