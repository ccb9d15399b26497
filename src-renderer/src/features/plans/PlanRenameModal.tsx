import { Form, type FormInstance, Input, Modal } from 'antd';
import type { PlanView } from '@shared/domain/plans';
import type { RenameValues } from './usePlanRename';
import { filledRule } from '../../components/filledRule';

/** 修改计划名称: once the plan is published the new title is a new version, so a reason is asked for. */
export function PlanRenameModal({
  plan,
  open,
  form,
  onOk,
  onCancel,
}: {
  plan: PlanView;
  open: boolean;
  form: FormInstance<RenameValues>;
  onOk: () => void;
  onCancel: () => void;
}) {
  const published = plan.version > 0;
  return (
    <Modal
      open={open}
      title="修改计划名称"
      okText={published ? '保存并发布新版本' : '保存'}
      cancelText="取消"
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="plan-rename-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item label="计划名称" name="title" rules={[filledRule('计划名称不能为空')]}>
          <Input maxLength={100} data-testid="plan-title-input" />
        </Form.Item>
        {published && (
          <Form.Item
            label="修改理由"
            name="changeReason"
            extra={`计划已公示，修改将发布第 ${plan.version + 1} 版，理由随新版本公示。`}
            rules={[filledRule('请填写修改理由')]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="plan-reason-input" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
