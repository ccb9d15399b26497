import { useEffect } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { api } from '../../../api';
import { useAction } from '../../../components/useAction';
import type { RosterConfig, RosterRow } from './types';

export type BulkAction = 'grade' | 'tags' | 'status';

const NO_GRADE = '__none__';
const TITLES: Record<BulkAction, string> = { grade: '设置信用等级', tags: '添加标签', status: '设置状态' };

/** 设置信用等级 / 添加标签 / 设置状态 on the selected records: one roster:bulk-update, one transaction. */
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
  const { run, busy: saving, error, setError } = useAction();
  useEffect(() => {
    if (action) {
      form.resetFields();
      setError(undefined);
    }
  }, [action, form, setError]);
  if (!action) return null;

  const title = action === 'status' ? `设置${config.statusLabel}` : TITLES[action];
  async function submit({ value }: { value: string | string[] }) {
    const set =
      action === 'grade'
        ? { creditGrade: value === NO_GRADE ? null : (value as 'A' | 'B' | 'C' | 'D') }
        : action === 'tags'
          ? { addTags: value as string[] }
          : { status: value as string };
    const result = await run(() => api()['roster:bulk-update']({ roster: config.roster, ids, set }));
    if (!result) return;
    message.success(`${title}:已修改 ${result.changed} 条(所选 ${ids.length} 条,其余原本就是该值)`);
    onDone();
  }

  return (
    <Modal
      open
      title={`${title}(已选 ${ids.length} 条)`}
      okText="确定修改"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(node) => <div data-testid="bulk-modal">{node}</div>}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <BulkValueField action={action} config={config} tagOptions={tagOptions} />
      </Form>
    </Modal>
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
            { value: NO_GRADE, label: '未评级(清除等级)' },
          ]}
        />
      </Form.Item>
    );
  if (action === 'tags')
    return (
      <Form.Item
        name="value"
        label="要添加的标签"
        extra="可选已有标签,也可直接输入新标签后回车"
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
