import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FollowUpView } from '@shared/domain/follow-ups';
import { api } from '../../api';
import { filledRule } from '../../components/filledRule';
import { useModalForm } from '../../components/useModalForm';

interface Values {
  measure: string;
  office: string;
  dueOn: Dayjs | null;
}

/** Changes an open follow-up's measure, responsible office or due date. */
export function FollowUpEditModal(props: { followUp?: FollowUpView; onDone: () => void; onCancel: () => void }) {
  const { followUp, onDone, onCancel } = props;
  const [form] = Form.useForm<Values>();
  const initial = followUp && {
    measure: followUp.measure,
    office: followUp.office,
    dueOn: followUp.dueOn ? dayjs(followUp.dueOn) : null,
  };
  const { error, modalProps } = useModalForm(
    form,
    (v) =>
      followUp &&
      api()['follow-ups:update']({
        id: followUp.id,
        measure: v.measure,
        office: v.office,
        dueOn: v.dueOn?.format('YYYY-MM-DD') ?? null,
      }),
    onDone,
  );

  return (
    <Modal
      open={!!followUp}
      title={`修改后续处置：${followUp?.entityName ?? ''}`}
      okText="保存"
      onCancel={onCancel}
      {...modalProps}
      data-testid="follow-up-edit"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="measure" label="后续处置措施" rules={[filledRule('请填写后续处置措施')]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="office" label="负责单位">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="dueOn" label="处置期限" extra="不填表示期限未定">
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
