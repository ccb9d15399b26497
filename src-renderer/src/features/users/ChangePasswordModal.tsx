import { Alert, App, Form, Input, Modal } from 'antd';
import { PASSWORD_MIN } from '@shared/domain/users';
import { api } from '../../api';
import { useModalForm } from '../../components/useModalForm';
import { refusalAtField, refusalCode } from '../../components/refusalAtField';
import { newPasswordRules, repeatRule } from './passwordRules';

interface Values {
  oldPassword: string;
  password: string;
  repeat: string;
}

/** 修改密码: one's own, with the current password. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, modalProps } = useModalForm(
    form,
    (v) => {
      const sent = api()['users:change-password']({ oldPassword: v.oldPassword, password: v.password });
      return sent.catch((e: unknown) => {
        // A mistyped current password is said at its field; a lockout concerns the account and stays above.
        if (refusalCode(e) !== 'users.badCredentials') throw e;
        refusalAtField(form, e, 'oldPassword');
        return undefined;
      });
    },
    () => {
      message.success('密码已修改。');
      close();
    },
  );

  // What was typed goes with the closing: the form instance outlives the modal's content.
  function close() {
    form.resetFields();
    onClose();
  }

  return (
    <Modal title="修改密码" open={open} onCancel={close} okText="修改" cancelText="取消" {...modalProps}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="oldPassword" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="password" label={`新密码（至少 ${PASSWORD_MIN} 个字符）`} rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="repeat" label="再输入一次新密码" dependencies={['password']} rules={[repeatRule]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
