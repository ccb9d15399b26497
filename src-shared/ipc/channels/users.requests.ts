import { z } from '../zod';
import type { UserChannel } from './users';
import { ROLES, PASSWORD_MIN } from '../../domain/users';
import { empty, text } from './fields';

const userName = text('用户名', 30).min(1, '请填写用户名');
/** Typed at sign-in: checked against the stored hash only, so no length rule beyond a sane bound. */
const typedPassword = z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码不能超过 128 个字符');
const newPassword = z
  .string({ error: '请填写新密码' })
  .min(PASSWORD_MIN, `新密码至少 ${PASSWORD_MIN} 个字符`)
  .max(128, '密码不能超过 128 个字符');

const named = z.object({ name: userName }).strict();

export const usersRequests = {
  'users:session': empty,
  'users:sign-in': z.object({ name: userName, password: typedPassword }).strict(),
  'users:sign-out': empty,
  'users:change-password': z.object({ oldPassword: typedPassword, password: newPassword }).strict(),
  'users:list': empty,
  'users:create': z
    .object({ name: userName, role: z.enum(ROLES, { error: '请选择角色' }), password: newPassword })
    .strict(),
  'users:reset-password': z.object({ name: userName, password: newPassword }).strict(),
  'users:set-role': z.object({ name: userName, role: z.enum(ROLES, { error: '请选择角色' }) }).strict(),
  'users:disable': named,
  'users:enable': named,
  'users:delete': named,
} satisfies Record<UserChannel, z.ZodType>;

/** The supervisor's own password, typed at 承诺 and 封存 on the operator's machine (needed once users exist). */
export const supervisorPassword = typedPassword.optional();
