/**
 * The command line as a named user: once accounts exist a write needs `--user NAME`, the password from SSJ_PASSWORD
 * or typed at the terminal (never an argument: it would stay in the shell's history and the process list).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Role } from '@shared/domain/users';
import { ROLES } from '@shared/domain/users';
import { openDatabase } from '../db/connection';
import { hashPassword } from './password';
import { checkPassword, usersExist } from './credentials';
import { appendAuditRaw } from '../audit/service';
import { qb, run } from '../db/sql';
import { assertWritable } from '../db/probe';

export interface CliCredentials {
  user: string | undefined;
  /** SSJ_PASSWORD, or a prompt on the terminal. */
  password: () => Promise<string>;
}

/** Whether the file can be opened for writing; a read-only one is opened read-only (its accounts still read). */
function canWrite(fullPath: string): boolean {
  try {
    assertWritable(fullPath);
    return true;
  } catch {
    return false;
  }
}

/**
 * The name the command's writes are logged under: `fallback` while the database has no users (a missing file, an
 * older structure, none created), else the `--user` account, refused in Chinese if the password is wrong, the
 * account disabled or its role may not do this. One open, without migrating: the check comes before any change.
 */
export async function cliUser(
  dbPath: string,
  who: CliCredentials,
  roles: readonly Role[],
  fallback: string,
): Promise<string> {
  const fullPath = resolve(dbPath);
  // A missing or 0-byte file has no accounts (migrate creates the database there).
  if (!existsSync(fullPath) || statSync(fullPath).size === 0) return fallback;
  const conn = await openDatabase(fullPath, canWrite(fullPath) ? { migrate: false } : { readonly: true });
  try {
    const table = conn.raw.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users'").get();
    if (table === undefined || !usersExist(conn.raw)) return fallback;
    if (!who.user)
      throw new AppError('users.signInRequired', '此数据库已设用户：请用 --user 用户名 指定本人账户，未做任何更改。');
    const account = checkPassword(conn.raw, who.user, await who.password(), new Date());
    if (!roles.includes(account.role))
      throw new AppError(
        'users.forbidden',
        `用户「${account.name}」的角色「${account.role}」无权进行此操作（仅限${roles.join('、')}），已拒绝，未做任何更改。`,
      );
    return account.name;
  } finally {
    await conn.close();
  }
}

/** `demo`: one account per role, all with DEMO_PASSWORD, on a database that has none (README lists them). */
export const DEMO_USERS: Record<Role, string> = {
  管理员: '王管理',
  操作员: '张敏',
  监督员: '刘强',
  录入员: '陈录入',
  查看: '赵查看',
};
export const DEMO_PASSWORD = 'ssj-demo-2026';

export function createDemoUsers(raw: BetterSqlite3.Database, actor: string, now: Date): void {
  if (usersExist(raw)) return;
  const at = now.toISOString();
  raw
    .transaction(() => {
      for (const role of ROLES) {
        const name = DEMO_USERS[role];
        const row = { name, role, password_hash: hashPassword(DEMO_PASSWORD), created_at: at, updated_at: at };
        run(raw, qb.insertInto('users').values(row));
        appendAuditRaw(raw, { actor, action: 'users:create', target: `user:${name}`, detail: { name, role } }, now);
      }
    })
    .immediate();
}
