import { Alert, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FollowUpView } from '@shared/domain/follow-ups';
import { closingNote } from '@shared/ipc/channels/follow-ups.requests';
import { api } from '../../api';
import { useModalForm } from '../../components/useModalForm';
import { zodRule } from '../../components/zodRule';

interface Values {
  closedOn: Dayjs;
  note: string;
}

/** 完结: the closing day and a note saying how the follow-up ended; without the note it is refused at the field. */
export function FollowUpCloseModal(props: {
  followUp?: FollowUpView;
  today?: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { followUp, today, onDone, onCancel } = props;
  const [form] = Form.useForm<Values>();
  const { error, modalProps } = useModalForm(
    form,
    (v) =>
      followUp &&
      api()['follow-ups:close']({ id: followUp.id, closedOn: v.closedOn.format('YYYY-MM-DD'), note: v.note ?? '' }),
    onDone,
  );

  return (
    <Modal
      open={!!followUp}
      title="完结后续处置"
      okText="完结"
      onCancel={onCancel}
      {...modalProps}
      data-testid="follow-up-close"
    >
      {followUp && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="检查对象">{followUp.entityName}</Descriptions.Item>
          <Descriptions.Item label="后续处置措施">{followUp.measure}</Descriptions.Item>
          <Descriptions.Item label="处置期限">{followUp.dueOn ?? '未定'}</Descriptions.Item>
        </Descriptions>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ closedOn: dayjs(today), note: '' }}>
        <Form.Item name="closedOn" label="完结日期" rules={[{ required: true, message: '请选择完结日期' }]}>
          <DatePicker
            style={{ width: 200 }}
            disabledDate={(d) => !!today && d.isAfter(dayjs(today), 'day')}
            data-testid="follow-up-closed-on"
          />
        </Form.Item>
        <Form.Item name="note" label="完结情况说明" rules={[zodRule(closingNote, (v) => v ?? '')]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={500}
            showCount
            placeholder="如：经复查，已按要求完成整改"
            data-testid="follow-up-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
