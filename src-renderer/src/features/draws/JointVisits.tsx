import { useState } from 'react';
import { App, Button, Card, Form, type FormInstance, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { JointVisitView, VisitProposal, VisitTaskView } from '@shared/domain/draws';
import { describePeriod } from '@shared/domain/tasks';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { useApiCall } from '../../components/useApiCall';
import { formatCount } from '@shared/domain/counts';
import { ErrorAlert } from '../../components/ErrorAlert';

const taskList = (tasks: VisitTaskView[]) =>
  tasks.map((t) => (
    <div key={t.taskId}>
      {t.number} {t.name}{' '}
      <Typography.Text type="secondary">
        （{t.leadDepartment}，第 {t.packageNo} 包）
      </Typography.Text>
    </div>
  ));

/**
 * 联合检查(进一次门、查多项事): sealed draws of different departments' tasks that drew the same entity in overlapping
 * windows. The clerk confirms each merge; it is recorded, and each draw stays exactly as sealed.
 */
export function JointVisits({ year, version }: { year: number; version: number }) {
  const { message } = App.useApp();
  const [merged, setMerged] = useState(0);
  const { data, error } = useApiCall(() => api()['visits:proposals']({ year, limit: 200 }), [year, version, merged]);
  const [target, setTarget] = useState<VisitProposal | null>(null);
  const [form] = Form.useForm<{ note?: string }>();

  async function merge() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { note } = values;
    try {
      await api()['visits:merge']({
        entityId: target!.entityId,
        taskIds: target!.tasks.map((t) => t.taskId),
        note: note?.trim() || undefined,
      });
      message.success(`已合并：${target!.entityName} 的 ${target!.tasks.length} 项任务一次上门检查`);
      setTarget(null);
      setMerged((m) => m + 1);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  function startMerge(p: VisitProposal) {
    form.resetFields();
    setTarget(p);
  }

  if (error) return <ErrorAlert title="无法读取联合检查建议" error={error} />;
  if (!data || (data.total === 0 && data.visits.length === 0)) return null;
  return (
    <Card title={`联合检查（进一次门、查多项事）· ${year} 年`} size="small" data-testid="joint-visits">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {data.total > 0 && (
          <Typography.Paragraph>
            以下检查对象被不同部门的任务同时抽中，且开展时间有重叠，建议合并为一次检查（共 {formatCount(data.total)} 户
            {data.total > data.proposals.length && `，显示前 ${formatCount(data.proposals.length)} 户`}）。
          </Typography.Paragraph>
        )}
        {data.proposals.length > 0 && <ProposalsTable proposals={data.proposals} onMerge={startMerge} />}
        {data.visits.length > 0 && <MergedVisitsTable visits={data.visits} />}
      </Space>
      <MergeModal target={target} form={form} onOk={merge} onCancel={() => setTarget(null)} />
    </Card>
  );
}

function ProposalsTable({
  proposals,
  onMerge,
}: {
  proposals: VisitProposal[];
  onMerge: (proposal: VisitProposal) => void;
}) {
  return (
    <Table<VisitProposal>
      size="small"
      rowKey={(p) => `${p.entityId}:${p.tasks.map((t) => t.taskId).join(',')}`}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={proposals}
      data-testid="visit-proposals"
      columns={[
        {
          title: '检查对象',
          render: (_: unknown, p) => (
            <>
              <div>{p.entityName}</div>
              <Typography.Text type="secondary">{p.code}</Typography.Text>
            </>
          ),
        },
        { title: '抽中的任务', render: (_: unknown, p) => taskList(p.tasks) },
        { title: '共同开展时间', width: 230, render: (_: unknown, p) => describePeriod(p.startDate, p.endDate) },
        {
          title: '合并后检查事项',
          render: (_: unknown, p) => p.items.map((i) => <Tag key={i.id}>{i.name}</Tag>),
        },
        {
          title: '操作',
          width: 100,
          render: (_: unknown, p) => (
            <Button size="small" type="primary" onClick={() => onMerge(p)} data-testid={`visit-merge-${p.entityId}`}>
              确认合并
            </Button>
          ),
        },
      ]}
    />
  );
}

function MergedVisitsTable({ visits }: { visits: JointVisitView[] }) {
  return (
    <Table<JointVisitView>
      size="small"
      rowKey="id"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      title={() => <Typography.Text strong>已合并的联合检查</Typography.Text>}
      dataSource={visits}
      data-testid="visit-merged"
      columns={[
        { title: '检查对象', dataIndex: 'entityName' },
        { title: '任务', render: (_: unknown, v) => taskList(v.tasks) },
        { title: '检查时间', width: 230, render: (_: unknown, v) => describePeriod(v.startDate, v.endDate) },
        { title: '检查事项', render: (_: unknown, v) => v.items.map((i) => <Tag key={i.id}>{i.name}</Tag>) },
        { title: '备注', dataIndex: 'note' },
        { title: '确认人', dataIndex: 'actor', width: 100 },
      ]}
    />
  );
}

/** 合并检查: what the merged visit covers, with an optional note. */
function MergeModal({
  target,
  form,
  onOk,
  onCancel,
}: {
  target: VisitProposal | null;
  form: FormInstance<{ note?: string }>;
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      open={target !== null}
      title={`合并检查：${target?.entityName ?? ''}`}
      okText="确认合并"
      cancelText="取消"
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="visit-modal"
    >
      {target && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div>{taskList(target.tasks)}</div>
          <div>共同开展时间：{describePeriod(target.startDate, target.endDate)}</div>
          <div>合并后检查事项：{target.items.map((i) => i.name).join('、')}</div>
          <Form form={form} layout="vertical">
            <Form.Item label="备注（可不填）" name="note">
              <Input.TextArea rows={2} maxLength={500} data-testid="visit-note" />
            </Form.Item>
          </Form>
        </Space>
      )}
    </Modal>
  );
}
