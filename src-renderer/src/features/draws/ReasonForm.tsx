import { Form, type FormInstance, Input } from 'antd';
import { filledRule } from '../../components/filledRule';

/** The one field of a modal that asks why (递补, 作废): a required reason, written into the draw's record. */
export function ReasonForm({
  form,
  label,
  rows,
  extra,
  testId,
}: {
  form: FormInstance<{ reason: string }>;
  /** 递补理由 / 作废理由; the message for a blank one is 请填写 and the label */
  label: string;
  rows: number;
  extra?: string;
  testId: string;
}) {
  return (
    <Form form={form} layout="vertical">
      <Form.Item label={label} name="reason" rules={[filledRule(`请填写${label}`)]} extra={extra}>
        <Input.TextArea rows={rows} maxLength={500} data-testid={testId} />
      </Form.Item>
    </Form>
  );
}
