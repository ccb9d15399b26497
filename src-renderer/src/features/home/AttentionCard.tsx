import { useState } from 'react';
import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { AttentionTask, AttentionView } from '@shared/ipc/channels/home';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { ErrorAlert } from '../../components/ErrorAlert';

/** One place a line leads to: a task's filtered page, or the follow-ups list. */
interface Target {
  key: string;
  label: string;
  to: string;
}

/** A line of 今日待办: what it is, how many, and where each part of it is dealt with. */
interface Line {
  key: string;
  title: string;
  hint: string;
  total: string;
  color: string;
  targets: Target[];
}

/** How many tasks a line shows before 展开. */
const SHOWN = 4;

function perTask(
  tasks: AttentionTask[],
  line: Omit<Line, 'total' | 'targets'>,
  to: (t: AttentionTask) => string,
): Line[] {
  if (tasks.length === 0) return [];
  const total = tasks.reduce((n, t) => n + t.count, 0);
  // A task's own count only when the line has several: with one, the line's count says it.
  const each = line.key !== 'toDraw' && tasks.length > 1;
  const targets = tasks.map((t) => ({
    key: String(t.drawId ?? t.taskId),
    label: `${t.taskNumber} ${t.taskName}${each ? `（${t.count} 户）` : ''}`,
    to: to(t),
  }));
  return [{ ...line, total: line.key === 'toDraw' ? `${total} 个任务` : `${total} 户`, targets }];
}

const FOLLOW_UPS = {
  overdue: {
    key: 'followUpsOverdue',
    title: '后续处置已逾期',
    hint: '未完结，处置期限已过。',
    color: 'red',
    target: { key: 'overdue', label: '查看已逾期的后续处置', to: '/follow-ups?status=open&overdue=1' },
  },
  open: {
    key: 'followUpsOpen',
    title: '后续处置未完结',
    hint: '发现问题的检查结果，处置尚未完结。',
    color: 'orange',
    target: { key: 'open', label: '查看未完结的后续处置', to: '/follow-ups?status=open' },
  },
};

function followUps(count: number, kind: keyof typeof FOLLOW_UPS): Line[] {
  const { target, ...line } = FOLLOW_UPS[kind];
  return count > 0 ? [{ ...line, total: `${count} 条`, targets: [target] }] : [];
}

/** The lines with something to do, most urgent first; a line with nothing is left out. */
function attentionLines(v: AttentionView): Line[] {
  const results = (t: AttentionTask, filter: string) => `/results?draw=${t.drawId}&${filter}`;
  return [
    ...perTask(
      v.resultsOverdue,
      { key: 'resultsOverdue', title: '检查结果录入已逾期', hint: '已检查，超过录入期限仍未提交。', color: 'red' },
      (t) => results(t, 'due=overdue'),
    ),
    ...followUps(v.followUpsOverdue, 'overdue'),
    ...perTask(
      v.resultsDueSoon,
      {
        key: 'resultsDueSoon',
        title: `检查结果即将到期（${v.dueSoonWorkdays} 个工作日内）`,
        hint: '已检查，录入期限将到，尚未提交。',
        color: 'orange',
      },
      (t) => results(t, 'due=dueSoon'),
    ),
    ...perTask(
      v.awaitingReview,
      { key: 'awaitingReview', title: '待审核的检查结果', hint: '已录入，等待审核。', color: 'blue' },
      (t) => results(t, `state=${encodeURIComponent('已录入')}`),
    ),
    ...perTask(
      v.awaitingPublication,
      { key: 'awaitingPublication', title: '待公示的检查结果', hint: '已审核，尚未列入抽查结果公告。', color: 'cyan' },
      (t) => results(t, 'unpublished=1'),
    ),
    ...perTask(
      v.toDraw,
      { key: 'toDraw', title: '待抽取的抽查任务', hint: '计划已公示，尚未完成抽取并封存。', color: 'default' },
      (t) => `/draw?task=${t.taskId}`,
    ),
    ...perTask(
      v.sheetsNotPrinted,
      { key: 'sheetsNotPrinted', title: '一户一表未导出', hint: '抽取已封存，还没有导出一户一表。', color: 'default' },
      (t) => `/sheets?draw=${t.drawId}`,
    ),
    ...followUps(v.followUpsOpen, 'open'),
  ];
}

function LineItem({ line }: { line: Line }) {
  const navigate = useNavigate();
  const [all, setAll] = useState(false);
  const shown = all ? line.targets : line.targets.slice(0, SHOWN);
  const more = line.targets.length - shown.length;
  return (
    <List.Item data-testid={`attention-${line.key}`}>
      <List.Item.Meta
        title={
          <Space size={8}>
            <span>{line.title}</span>
            <Tag color={line.color} data-testid={`attention-${line.key}-total`}>
              {line.total}
            </Tag>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {line.hint}
            </Typography.Text>
          </Space>
        }
        description={
          <Space size={[4, 0]} wrap>
            {shown.map((t) => (
              <Button key={t.key} type="link" size="small" style={{ paddingInline: 4 }} onClick={() => navigate(t.to)}>
                {t.label}
              </Button>
            ))}
            {more > 0 && (
              <Button type="text" size="small" onClick={() => setAll(true)}>
                另有 {more} 个任务，展开
              </Button>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}

/** 今日待办: what needs doing today, each line a click from the page that lists exactly those. */
export function AttentionCard({ refreshKey }: { refreshKey: number }) {
  const { data, error } = useApiCall(() => api()['home:attention']({}), [refreshKey]);
  const lines = data ? attentionLines(data) : [];
  return (
    <Card
      title="今日待办"
      extra={data && <Typography.Text type="secondary">今天 {data.today}</Typography.Text>}
      data-testid="attention-card"
    >
      <ErrorAlert title="无法读取今日待办" error={error} />
      {data && lines.length === 0 && (
        <Space data-testid="attention-empty">
          <CheckCircleFilled style={{ color: '#52c41a' }} />
          <Typography.Text type="secondary">今天没有待办事项。</Typography.Text>
        </Space>
      )}
      {lines.length > 0 && <List size="small" dataSource={lines} renderItem={(line) => <LineItem line={line} />} />}
    </Card>
  );
}
