/**
 * A 管理员's changes to other accounts: the role, 停用 and 启用, and deleting an account nobody has used. One's own
 * account and the last 管理员 in use are never demoted, disabled or deleted: someone must be able to manage users.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Updateable } from 'kysely';
import { AppError } from '@shared/errors';
import type { Role, UserView } from '@shared/domain/users';
import type { ServiceContext } from '../app/context';
import { appendAuditRaw } from '../audit/service';
import type { UsersTable } from '../db/schema';
import { all, first, qb, run, value } from '../db/sql';
import type { Session } from './access';
import { findUser } from './credentials';

export type UserChange = 'setRole' | 'disable' | 'delete';

const CHANGE_NAMES: Record<UserChange, string> = { setRole: '修改角色', disable: '停用', delete: '删除' };

/** The account named, else a refusal in Chinese. */
function existingUser(raw: BetterSqlite3.Database, name: string) {
  const row = findUser(raw, name);
  if (!row) throw new AppError('users.notFound', `没有用户「${name}」，未做任何更改。`);
  return row;
}

/** Whether the name appears as who did something in the log, or as a draw's 操作人员 or 监督员. */
function accountUsed(raw: BetterSqlite3.Database, name: string): boolean {
  const inLog = first(raw, qb.selectFrom('audit_log').select('id').where('actor', '=', name).limit(1));
  if (inLog) return true;
  const inDraw = first(
    raw,
    qb
      .selectFrom('draws')
      .select('id')
      .where((eb) => eb.or([eb('operator', '=', name), eb('supervisor', '=', name)]))
      .limit(1),
  );
  return inDraw !== undefined;
}

const activeAdmins = (raw: BetterSqlite3.Database): number =>
  Number(
    value(
      raw,
      qb
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', '管理员')
        .where('disabled_at', 'is', null),
    ) ?? 0,
  );

/**
 * Refuses a change to one's own account, and one that would leave no 管理员 in use (`role`: the role after a
 * setRole; a disable or delete takes the account out of use).
 */
export function guardChange(
  raw: BetterSqlite3.Database,
  target: { name: string; role: Role; disabled_at: string | null },
  self: string | undefined,
  change: UserChange,
  role?: Role,
): void {
  const what = CHANGE_NAMES[change];
  if (target.name === self)
    throw new AppError(
      'users.ownAccount',
      `不能${change === 'setRole' ? '修改本人账户的角色' : `${what}本人的账户`}，请由另一位管理员操作，未做任何更改。`,
    );
  const leavesAdmin = change === 'setRole' && role === '管理员';
  if (target.role === '管理员' && target.disabled_at === null && !leavesAdmin && activeAdmins(raw) <= 1)
    throw new AppError(
      'users.lastAdmin',
      `「${target.name}」是唯一在用的管理员，不能${what}，否则将无人能管理用户，未做任何更改。`,
    );
}

/** Every account, in the order created, with what 用户管理 shows beside it. */
export function listUsers(raw: BetterSqlite3.Database): UserView[] {
  const columns = ['name', 'role', 'locked_until', 'failed_attempts', 'disabled_at'] as const;
  return all(raw, qb.selectFrom('users').select(columns).orderBy('id')).map((r) => ({
    name: r.name,
    role: r.role,
    lockedUntil: r.locked_until,
    failedAttempts: r.failed_attempts,
    disabled: r.disabled_at !== null,
    used: accountUsed(raw, r.name),
  }));
}

/** One change to the users table and its audit row, in one transaction. */
export function writeAudited(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  row: { action: string; target: string; detail: unknown },
  change: () => void,
): void {
  const now = ctx.now();
  raw
    .transaction(() => {
      change();
      appendAuditRaw(raw, { actor: ctx.actor(), ...row }, now);
    })
    .immediate();
}

/** Writes `change` to the named account with its audit row; every account as it now stands. */
function updateUser(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  name: string,
  change: Updateable<UsersTable>,
  audit: { action: string; detail: unknown },
): UserView[] {
  writeAudited(raw, ctx, { action: audit.action, target: `user:${name}`, detail: audit.detail }, () =>
    run(raw, qb.updateTable('users').set(change).where('name', '=', name)),
  );
  return listUsers(raw);
}

export function setRole(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  session: Session,
  { name, role }: { name: string; role: Role },
): UserView[] {
  const target = existingUser(raw, name);
  if (target.role === role) return listUsers(raw);
  guardChange(raw, target, session.user?.name, 'setRole', role);
  const change = { role, updated_at: ctx.now().toISOString() };
  const detail = { name, role: { from: target.role, to: role } };
  return updateUser(raw, ctx, name, change, { action: 'users:set-role', detail });
}

/** 停用 (disabled) or 启用 again; asking for the state the account is already in changes nothing. */
export function setDisabled(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  session: Session,
  name: string,
  disabled: boolean,
): UserView[] {
  const target = existingUser(raw, name);
  if ((target.disabled_at !== null) === disabled) return listUsers(raw);
  if (disabled) guardChange(raw, target, session.user?.name, 'disable');
  const at = ctx.now().toISOString();
  const change = { disabled_at: disabled ? at : null, updated_at: at };
  return updateUser(raw, ctx, name, change, { action: disabled ? 'users:disable' : 'users:enable', detail: { name } });
}

export function removeUser(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  session: Session,
  name: string,
): UserView[] {
  const target = existingUser(raw, name);
  guardChange(raw, target, session.user?.name, 'delete');
  // Disabling rather than deleting a used account keeps the records naming it whole.
  if (accountUsed(raw, name))
    throw new AppError(
      'users.inUse',
      `用户「${name}」已有操作记录，不能删除（操作日志和抽取记录中保留此用户名）；可改为停用：停用后不能登录，姓名保留，未做任何更改。`,
    );
  const detail = { name, role: target.role };
  writeAudited(raw, ctx, { action: 'users:delete', target: `user:${name}`, detail }, () =>
    run(raw, qb.deleteFrom('users').where('name', '=', name)),
  );
  return listUsers(raw);
}
