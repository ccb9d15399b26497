import { Form, type FormInstance, Input, InputNumber, Modal } from 'antd';
import { PLAN_YEAR } from '@shared/domain/number-rules';
import { defaultPlanTitle } from '@shared/domain/plans';
import { numberRule } from '../../components/numberRule';
import { filledRule } from '../../components/filledRule';

export interface NewPlanValues {
  year: number;
  title: string;
}

/** 新建年度抽查工作计划: the year, and a title that follows the year until it is typed over. */
export function NewPlanModal({
  open,
  form,
  onOk,
  onCancel,
}: {
  open: boolean;
  form: FormInstance<NewPlanValues>;
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      open={open}
      title="新建年度抽查工作计划"
      okText="新建"
      cancelText="取消"
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="plan-new-modal"
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: { year?: number }) => {
          if (changed.year) form.setFieldsValue({ title: defaultPlanTitle(changed.year) });
        }}
      >
        <Form.Item label="年度" name="year" rules={[numberRule(PLAN_YEAR)]} extra="计划所属的年度；创建后不能修改。">
          <InputNumber style={{ width: 140 }} data-testid="plan-year-input" />
        </Form.Item>
        <Form.Item label="计划名称" name="title" rules={[filledRule('计划名称不能为空')]} extra="公示和打印时使用。">
          <Input maxLength={100} data-testid="plan-title-new" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
