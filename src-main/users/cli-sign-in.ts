/**
 * The command line as a named user: once accounts exist a write needs `--user NAME`, the password from SSJ_PASSWORD
 * or typed at the terminal (never an argument: it would stay in the shell's history and the process list).
 */
import { existsSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Role } from '@shared/domain/users';
import { ROLES } from '@shared/domain/users';
import { openDatabase } from '../db/connection';
import { hashPassword } from './password';
import { checkPassword, usersExist } from './credentials';
import { appendAuditRaw } from '../audit/service';
import { qb, run } from '../db/sql';

export interface CliCredentials {
  user: string | undefined;
  /** SSJ_PASSWORD, or a prompt on the terminal. */
  password: () => Promise<string>;
}

/**
 * The name the command's writes are logged under: `fallback` while the database has no users (as before accounts
 * existed), else the signed-in user, refused in Chinese if the password is wrong or the role may not do this.
 */
/** Whether the database has accounts, read without writing (a read-only file or an older structure has none). */
async function hasUsers(dbPath: string): Promise<boolean> {
  const conn = await openDatabase(dbPath, { readonly: true });
  try {
    const table = conn.raw.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users'").get();
    return table !== undefined && usersExist(conn.raw);
  } finally {
    await conn.close();
  }
}

export async function cliUser(
  dbPath: string,
  who: CliCredentials,
  roles: readonly Role[],
  fallback: string,
): Promise<string> {
  if (!existsSync(dbPath) || !(await hasUsers(dbPath))) return fallback;
  const conn = await openDatabase(dbPath, { migrate: false });
  try {
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
