/** The checks made on behalf of other workflows: a channel's roles, and the two names of a draw's 承诺 and 封存. */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Channel } from '@shared/ipc/contract';
import type { Role } from '@shared/domain/users';
import { CHANNEL_ROLES } from './channel-roles';
import { checkPassword, usersExist, type Account } from './credentials';

/** The one signed-in account of this process (the desktop app has one operator at a time). */
export interface Session {
  user: Account | null;
}

export type CeremonyStep = '承诺' | '封存';

export function signedIn(session: Session): Account {
  if (!session.user) throw new AppError('users.signInRequired', '请先登录，未做任何更改。');
  return session.user;
}

/** The dispatch path's check: with no users everything is allowed, as before accounts existed. */
export function authorize(raw: BetterSqlite3.Database, session: Session, channel: Channel): void {
  const access = CHANNEL_ROLES[channel];
  if (access === 'public' || !usersExist(raw)) return;
  const user = signedIn(session);
  if (!access.includes(user.role)) throw forbidden(user, access);
}

function forbidden(user: Account, allowed: readonly Role[]): AppError {
  return new AppError(
    'users.forbidden',
    `用户「${user.name}」的角色「${user.role}」无权进行此操作（仅限${allowed.join('、')}），已拒绝，未做任何更改。`,
  );
}

/** Once users exist, the ceremony's 操作人员 is the signed-in user (any name typed, before). */
export function confirmOperator(raw: BetterSqlite3.Database, session: Session, operator: string): void {
  if (!usersExist(raw)) return;
  const user = signedIn(session);
  if (operator !== user.name)
    throw new AppError('users.operatorNotSignedIn', `操作人员应为当前登录的用户「${user.name}」，未做任何更改。`);
}

/**
 * 承诺 and 封存 on a database with users: the supervisor is another account, a 监督员, whose own password is typed
 * now on the operator's machine. A wrong password counts towards that account's lockout.
 */
export function confirmSupervisor(
  raw: BetterSqlite3.Database,
  session: Session,
  now: Date,
  { step, supervisor, password }: { step: CeremonyStep; supervisor: string; password: string | undefined },
): void {
  if (!usersExist(raw)) return;
  const operator = signedIn(session);
  if (supervisor === operator.name)
    throw new AppError(
      'users.supervisorIsOperator',
      `${step}须由另一位监督员输入本人密码，不能使用操作人员本人的账户，未做任何更改。`,
    );
  if (!password)
    throw new AppError('users.supervisorRequired', `${step}须由监督员「${supervisor}」输入本人密码，未做任何更改。`);
  const account = checkPassword(raw, supervisor, password, now);
  if (account.role !== '监督员')
    throw new AppError(
      'users.supervisorRequired',
      `「${supervisor}」的角色是${account.role}，不是监督员，不能确认${step}，未做任何更改。`,
    );
}
