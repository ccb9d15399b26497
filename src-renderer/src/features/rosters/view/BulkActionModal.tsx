import { useEffect } from 'react';
import { Alert, App, Form, Modal, Progress, Select, Typography } from 'antd';
import { jobPercent, type JobCount } from '@shared/domain/job-count';
import { api } from '../../../api';
import { useCountedJob, type CountedJobCalls } from '../../../components/useCountedJob';
import type { RosterConfig, RosterRow } from './types';
import { formatCount } from '@shared/domain/counts';

export type BulkAction = 'grade' | 'tags' | 'status';

const NO_GRADE = '__none__';
const TITLES: Record<BulkAction, string> = { grade: '设置信用等级', tags: '添加标签', status: '设置状态' };

/**
 * 设置信用等级 / 添加标签 / 设置状态 on the selected records: one roster:bulk-update, one transaction in main's worker,
 * with its progress and a stop that writes nothing.
 */
export function BulkActionModal<R extends RosterRow>({
  action,
  config,
  ids,
  tagOptions,
  onClose,
  onDone,
}: {
  action: BulkAction | null;
  config: RosterConfig<R>;
  ids: number[];
  tagOptions: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ value: string | string[] }>();
  const job = useCountedJob<{ changed: number }>(BULK_CALLS, (result) => {
    message.success(
      `${action ? titleOf(action, config) : '批量修改'}：已修改 ${formatCount(result.changed)} 条（所选 ${formatCount(ids.length)} 条，其余原本就是该值）`,
    );
    onDone();
  });
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  if (!action) return null;
  const running = job.state.phase === 'running';

  const title = titleOf(action, config);
  function submit({ value }: { value: string | string[] }) {
    const set =
      action === 'grade'
        ? { creditGrade: value === NO_GRADE ? null : (value as 'A' | 'B' | 'C' | 'D') }
        : action === 'tags'
          ? { addTags: value as string[] }
          : { status: value as string };
    void job.start((jobId) => api()['roster:bulk-update']({ roster: config.roster, ids, set, jobId }));
  }

  return (
    <Modal
      open
      title={`${title}（已选 ${formatCount(ids.length)} 条）`}
      okText="确定修改"
      cancelText={running ? '停止修改' : '取消'}
      confirmLoading={running}
      onOk={() => form.submit()}
      onCancel={() => (running ? void job.cancel() : onClose())}
      closable={!running}
      maskClosable={!running}
      destroyOnHidden
      modalRender={(node) => <div data-testid="bulk-modal">{node}</div>}
    >
      {job.state.phase === 'failed' && (
        <Alert type="error" showIcon title={job.state.message} style={{ marginBottom: 12 }} />
      )}
      {job.state.phase === 'running' && <BulkProgress progress={job.state.progress} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <BulkValueField action={action} config={config} tagOptions={tagOptions} />
      </Form>
    </Modal>
  );
}

const BULK_CALLS: CountedJobCalls = {
  progress: (jobId) => api()['roster:bulk-progress']({ jobId }),
  cancel: (jobId) => api()['roster:bulk-cancel']({ jobId }),
  cancelledCode: 'roster.bulkCancelled',
};

const titleOf = <R extends RosterRow>(action: BulkAction, config: RosterConfig<R>) =>
  action === 'status' ? `设置${config.statusLabel}` : TITLES[action];

/** Records looked at so far; a stop rolls the whole edit back. */
function BulkProgress({ progress }: { progress: JobCount | null }) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <div data-testid="bulk-progress" style={{ marginBottom: 12 }}>
      <Progress percent={jobPercent(progress)} status="active" />
      <Typography.Text type="secondary">
        正在修改：已处理 {formatCount(done)} / {formatCount(total)} 条；停止则一条也不修改
      </Typography.Text>
    </div>
  );
}

/** The one value the bulk action sets: a grade, tags to add, or a status. */
function BulkValueField<R extends RosterRow>({
  action,
  config,
  tagOptions,
}: {
  action: BulkAction;
  config: RosterConfig<R>;
  tagOptions: string[];
}) {
  if (action === 'grade')
    return (
      <Form.Item name="value" label="信用风险等级" rules={[{ required: true, message: '请选择信用风险等级' }]}>
        <Select
          data-testid="bulk-value"
          options={[
            ...['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: `${g} 级` })),
            { value: NO_GRADE, label: '未评级（清除等级）' },
          ]}
        />
      </Form.Item>
    );
  if (action === 'tags')
    return (
      <Form.Item
        name="value"
        label="要添加的标签"
        extra="可选已有标签，也可直接输入新标签后回车"
        rules={[
          { required: true, message: '请至少选择或输入一个标签' },
          { type: 'array', max: 20, message: '标签不能超过 20 个' },
        ]}
      >
        <Select mode="tags" data-testid="bulk-value" options={tagOptions.map((t) => ({ value: t, label: t }))} />
      </Form.Item>
    );
  return (
    <Form.Item
      name="value"
      label={config.statusLabel}
      rules={[{ required: true, message: `请选择${config.statusLabel}` }]}
    >
      <Select data-testid="bulk-value" options={config.statuses.map((s) => ({ value: s, label: s }))} />
    </Form.Item>
  );
}
