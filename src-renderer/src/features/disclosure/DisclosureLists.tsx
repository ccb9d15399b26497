import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DueResult, PublicationListRow } from '@shared/domain/disclosure';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { dateTimeText } from '../../components/dateTime';
import { ErrorAlert } from '../../components/ErrorAlert';

interface ReadListProps<T> {
  call: { data?: T[]; error?: string; loading: boolean };
  /** The title of the refusal when the list cannot be read: 无法读取…. */
  failed: string;
  empty: string;
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
}

/** A list read from the database, 20 rows a page with its total, and why it could not be read above it. */
function ReadList<T extends object>({ call, failed, empty, rowKey, columns }: ReadListProps<T>) {
  return (
    <>
      <ErrorAlert title={failed} error={call.error} />
      <Table<T>
        rowKey={rowKey}
        size="small"
        loading={call.loading}
        dataSource={call.data ?? []}
        locale={{ emptyText: empty }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        columns={columns}
      />
    </>
  );
}

/** Published results whose 公示期 has ended or ends within 30 days: to come down from the website. */
export function DueList() {
  const call = useApiCall(() => api()['disclosure:due']({}));
  return (
    <>
      <Typography.Paragraph type="secondary">
        责令改正的检查结果在整改完成后公示 6 个月（可在系统设置中调整），其他检查结果按系统设置的公示期；
        已到期的不再列入以后的抽查结果公告，请同时从网站撤下。
      </Typography.Paragraph>
      <ReadList<DueResult>
        call={call}
        failed="无法读取公示期"
        empty="没有已到期或 30 天内到期的公示"
        rowKey="resultId"
        columns={[
          { title: '抽查任务', dataIndex: 'taskNumber', width: 200 },
          { title: '市场主体名称', dataIndex: 'name' },
          { title: '统一社会信用代码/注册号', dataIndex: 'code', width: 190 },
          {
            title: '公示期依据',
            width: 150,
            render: (_, d) => (d.basis === '责令改正' ? `整改完成 ${d.since}` : `首次公示 ${d.since}`),
          },
          { title: '公示截止', dataIndex: 'until', width: 110 },
          {
            title: '状态',
            width: 100,
            render: (_, d) => <Tag color={d.status === '已到期' ? 'red' : 'orange'}>{d.status}</Tag>,
          },
        ]}
      />
    </>
  );
}

/** Every publication, newest first: who published what and when. */
export function PublicationList({ version }: { version: number }) {
  const call = useApiCall(() => api()['disclosure:publications']({}), [version]);
  return (
    <ReadList<PublicationListRow>
      call={call}
      failed="无法读取公示记录"
      empty="尚未公示任何公告"
      rowKey="id"
      columns={[
        { title: '类别', dataIndex: 'kind', width: 120 },
        { title: '标题', dataIndex: 'title' },
        {
          title: '检查结果数',
          dataIndex: 'results',
          width: 100,
          render: (n: number, p) => (p.kind === '抽查结果公告' ? n : '—'),
        },
        {
          title: '公示时间',
          dataIndex: 'publishedAt',
          width: 170,
          render: (at: string) => dateTimeText(at),
        },
        { title: '公示人', dataIndex: 'publishedBy', width: 110 },
      ]}
    />
  );
}

/** On the results page: how many published results are due to come down, a click from the list. */
export function DueNotice() {
  const { data } = useApiCall(() => api()['disclosure:due']({}));
  if (!data || data.length === 0) return null;
  const past = data.filter((d) => d.status === '已到期').length;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <span>
          {past} 条已公示的检查结果公示期已到，{data.length - past} 条 30 天内到期。
          <Link to="/disclosure?tab=due">查看应撤下的公示</Link>
        </span>
      }
    />
  );
}
