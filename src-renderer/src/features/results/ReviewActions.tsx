import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { filledRule } from '../../components/filledRule';

interface Props {
  /** The 已录入 results chosen; reviewing works on these only. */
  resultIds: number[];
  onReviewed(): void;
  /** Buttons in a table row (small links) or above the table. */
  compact?: boolean;
}

/** 审核通过 / 审核退回 (with a required reason) for one result or the chosen ones. */
export function ReviewActions({ resultIds, onReviewed, compact }: Props) {
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const count = compact ? '' : `（${resultIds.length}）`;

  async function review(action: 'approve' | 'return', reason?: string) {
    setBusy(true);
    try {
      const { reviewed } = await api()['results:review']({ resultIds, action, reason });
      message.success(`${action === 'approve' ? '审核通过' : '已退回'} ${reviewed} 条检查结果。`);
      setReturning(false);
      form.resetFields();
      onReviewed();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function confirmReturn() {
    const values = await form.validateFields().catch(() => null);
    if (values) await review('return', values.reason);
  }

  const size = compact ? 'small' : 'middle';
  const type = compact ? 'link' : 'default';
  return (
    <Space size={compact ? 0 : 8}>
      <Button
        size={size}
        type={compact ? 'link' : 'primary'}
        disabled={!resultIds.length}
        loading={busy && !returning}
        onClick={() => void review('approve')}
      >
        审核通过{count}
      </Button>
      <Button size={size} type={type} danger disabled={!resultIds.length} onClick={() => setReturning(true)}>
        审核退回{count}
      </Button>
      <Modal
        title={`退回 ${resultIds.length} 条检查结果`}
        open={returning}
        okText="退回"
        okButtonProps={{ danger: true, loading: busy }}
        cancelText="取消"
        onOk={() => void confirmReturn()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="退回理由" rules={[filledRule('请写明退回理由，录入人员将据此修改。')]}>
            <Input.TextArea rows={3} maxLength={500} autoFocus aria-label="退回理由" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
