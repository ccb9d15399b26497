import { Form, type FormRule, InputNumber } from 'antd';
import type { TaskFormValues } from './taskForm';

/** One required number in the task form, described by a row of a small table rather than written out each time. */
export interface NumberFieldSpec {
  label: string;
  name: keyof TaskFormValues;
  extra: string;
  /** The field's rule (components/numberRule): it refuses, the input never clamps. */
  rule: FormRule;
  step?: number;
  suffix: string;
  width: number | string;
  testId: string;
}

export function NumberField({ spec }: { spec: NumberFieldSpec }) {
  return (
    <Form.Item label={spec.label} name={spec.name} extra={spec.extra} rules={[spec.rule]}>
      <InputNumber step={spec.step} suffix={spec.suffix} style={{ width: spec.width }} data-testid={spec.testId} />
    </Form.Item>
  );
}
