/** Local accounts: who may sign in and what each role may do (the table itself: src-main/users/channel-roles.ts). */

export const ROLES = ['管理员', '操作员', '监督员', '录入员', '查看'] as const;
export type Role = (typeof ROLES)[number];

/** What a role is for, shown beside the role in 用户管理. */
export const ROLE_NOTES: Record<Role, string> = {
  管理员: '全部操作，包括用户管理和系统设置',
  操作员: '两库、检查事项、计划和随机抽取',
  监督员: '在承诺和封存时输入本人密码确认；可查看全部内容',
  录入员: '录入检查结果和后续处置',
  查看: '只能查看和导出，不能修改',
};

/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCKOUT_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const PASSWORD_MIN = 8;

export interface UserView {
  name: string;
  role: Role;
  /** ISO time until which sign-in is refused (null: not locked). */
  lockedUntil: string | null;
  failedAttempts: number;
  /** 停用: cannot sign in; the name stays in the log and the records. */
  disabled: boolean;
  /** Named in the operation log or a draw's record: such an account can be disabled, never deleted. */
  used: boolean;
}

/** Whether sign-in is needed (some user exists) and who is signed in now. */
export interface SessionView {
  usersExist: boolean;
  user: { name: string; role: Role } | null;
}
