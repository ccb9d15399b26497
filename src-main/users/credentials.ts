/** Checking a typed password: the failure count, the lockout, and the Chinese sentence for each refusal. */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { chinaTime } from '@shared/domain/china-time';
import { LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, type Role } from '@shared/domain/users';
import { appendAuditRaw } from '../audit/service';
import { first, qb, run } from '../db/sql';
import { verifyPassword } from './password';

export interface Account {
  id: number;
  name: string;
  role: Role;
}

export const usersExist = (raw: BetterSqlite3.Database): boolean =>
  first(raw, qb.selectFrom('users').select('id').limit(1)) !== undefined;

export function findUser(raw: BetterSqlite3.Database, name: string) {
  return first(raw, qb.selectFrom('users').selectAll().where('name', '=', name));
}

function lockedMessage(name: string, until: Date): string {
  const { hour, minute } = chinaTime(until);
  return `账户「${name}」因连续 ${LOCKOUT_ATTEMPTS} 次密码错误已锁定 ${LOCKOUT_MINUTES} 分钟，请于 ${hour}:${minute} 后再试，或请管理员重置密码。`;
}

/**
 * The account named, if `password` is its own. A wrong password counts towards the lockout (committed even though
 * the caller's action is refused); an unknown name and a wrong password read alike, so names cannot be probed.
 * `wrong` names what was mistyped: 当前密码 when the name is the signed-in user's own.
 */
export function checkPassword(
  raw: BetterSqlite3.Database,
  name: string,
  password: string,
  now: Date,
  wrong = '用户名或密码',
): Account {
  const row = findUser(raw, name);
  if (!row) throw new AppError('users.badCredentials', `${wrong}不正确，未做任何更改。`);
  if (row.locked_until && new Date(row.locked_until) > now)
    throw new AppError('users.locked', lockedMessage(row.name, new Date(row.locked_until)));
  const where = qb.updateTable('users').where('id', '=', row.id);
  if (verifyPassword(password, row.password_hash)) {
    // Said only to whoever typed the right password, so a disabled name cannot be probed either.
    if (row.disabled_at)
      throw new AppError('users.disabled', `账户「${row.name}」已停用，不能登录或确认操作；如需使用，请管理员启用。`);
    if (row.failed_attempts > 0 || row.locked_until) run(raw, where.set({ failed_attempts: 0, locked_until: null }));
    return { id: row.id, name: row.name, role: row.role };
  }
  const failed = row.failed_attempts + 1;
  if (failed >= LOCKOUT_ATTEMPTS) {
    const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    raw
      .transaction(() => {
        run(raw, where.set({ failed_attempts: 0, locked_until: until.toISOString() }));
        appendAuditRaw(raw, { actor: row.name, action: 'users:locked', target: `user:${row.name}` }, now);
      })
      .immediate();
    throw new AppError('users.locked', lockedMessage(row.name, until));
  }
  run(raw, where.set({ failed_attempts: failed, locked_until: null }));
  const left = LOCKOUT_ATTEMPTS - failed;
  throw new AppError(
    'users.badCredentials',
    `${wrong}不正确，未做任何更改（再错 ${left} 次，账户将锁定 ${LOCKOUT_MINUTES} 分钟）。`,
  );
}
