import { Form, InputNumber } from 'antd';
import type { TaskFormValues } from './taskForm';

/** One required number in the task form, described by a row of a small table rather than written out each time. */
export interface NumberFieldSpec {
  label: string;
  name: keyof TaskFormValues;
  extra: string;
  /** The smallest value, and the message shown below it. */
  min: number;
  message: string;
  max: number;
  step?: number;
  precision: number;
  suffix: string;
  width: number | string;
  testId: string;
}

export function NumberField({ spec }: { spec: NumberFieldSpec }) {
  return (
    <Form.Item
      label={spec.label}
      name={spec.name}
      extra={spec.extra}
      rules={[{ required: true, type: 'number', min: spec.min, message: spec.message }]}
    >
      <InputNumber
        min={spec.min}
        max={spec.max}
        step={spec.step}
        precision={spec.precision}
        suffix={spec.suffix}
        style={{ width: spec.width }}
        data-testid={spec.testId}
      />
    </Form.Item>
  );
}
