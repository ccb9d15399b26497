import type { FormRule } from 'antd';
import { usersRequests } from '@shared/ipc/channels/users.requests';
import { zodRule } from '../../components/zodRule';

/** The new-password field checked by the channel's own schema, so the form and main say the same sentence. */
export const newPasswordRules: FormRule[] = [
  { required: true, message: '请填写新密码' },
  zodRule(usersRequests['users:reset-password'].shape.password),
];

export const repeatRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_rule, value: unknown) => {
    if (value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
  },
});
