import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { Channel } from '@shared/ipc/contract';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { SessionView, UserView } from '@shared/domain/users';
import type { ServiceContext } from '../app/context';
import { qb, run } from '../db/sql';
import { authorize, confirmOperator, confirmSupervisor, signedIn, type CeremonyStep, type Session } from './access';
import { checkPassword, findUser, usersExist } from './credentials';
import { listUsers, removeUser, setDisabled, setRole, writeAudited } from './manage';
import { hashPassword } from './password';

/**
 * Local accounts. `ctx.actor` is the fallback name while no user exists; once one does, the signed-in user is the
 * actor of every write (app/services.ts wires it).
 */
export function createUserService(raw: BetterSqlite3.Database, ctx: ServiceContext, session: Session) {
  const view = (): SessionView => ({
    usersExist: usersExist(raw),
    user: session.user && { name: session.user.name, role: session.user.role },
  });

  const write = (action: string, target: string, detail: unknown, change: () => void) =>
    writeAudited(raw, ctx, { action, target, detail }, change);

  function create(req: ParsedReq<'users:create'>): UserView[] {
    const first = !usersExist(raw);
    if (first && req.role !== '管理员')
      throw new AppError('users.firstMustBeAdmin', '第一个用户必须是管理员，未创建任何用户。');
    if (findUser(raw, req.name)) throw new AppError('users.exists', `用户「${req.name}」已存在，未做任何更改。`);
    const at = ctx.now().toISOString();
    const row = { name: req.name, role: req.role, password_hash: hashPassword(req.password) };
    write('users:create', `user:${req.name}`, { name: req.name, role: req.role }, () =>
      run(raw, qb.insertInto('users').values({ ...row, created_at: at, updated_at: at })),
    );
    // Whoever just created the first account typed its password: they are signed in as it.
    if (first) session.user = checkPassword(raw, req.name, req.password, ctx.now());
    return listUsers(raw);
  }

  function setPassword(name: string, password: string, action: string): void {
    const at = ctx.now().toISOString();
    const change = { password_hash: hashPassword(password), failed_attempts: 0, locked_until: null, updated_at: at };
    write(action, `user:${name}`, { name }, () =>
      run(raw, qb.updateTable('users').set(change).where('name', '=', name)),
    );
  }

  return {
    session: view,
    signIn(req: ParsedReq<'users:sign-in'>): SessionView {
      session.user = checkPassword(raw, req.name, req.password, ctx.now());
      return view();
    },
    signOut(): SessionView {
      session.user = null;
      return view();
    },
    changePassword(req: ParsedReq<'users:change-password'>): SessionView {
      const user = signedIn(session);
      checkPassword(raw, user.name, req.oldPassword, ctx.now(), '当前密码');
      setPassword(user.name, req.password, 'users:change-password');
      return view();
    },
    list: () => listUsers(raw),
    create,
    resetPassword(req: ParsedReq<'users:reset-password'>): UserView[] {
      if (!findUser(raw, req.name)) throw new AppError('users.notFound', `没有用户「${req.name}」，未做任何更改。`);
      setPassword(req.name, req.password, 'users:reset-password');
      return listUsers(raw);
    },
    setRole: (req: ParsedReq<'users:set-role'>) => setRole(raw, ctx, session, req),
    disable: (req: ParsedReq<'users:disable'>) => setDisabled(raw, ctx, session, req.name, true),
    enable: (req: ParsedReq<'users:enable'>) => setDisabled(raw, ctx, session, req.name, false),
    remove: (req: ParsedReq<'users:delete'>) => removeUser(raw, ctx, session, req.name),
    authorize: (channel: Channel) => authorize(raw, session, channel),
    confirmOperator: (operator: string) => confirmOperator(raw, session, operator),
    confirmSupervisor: (step: CeremonyStep, supervisor: string, password: string | undefined) =>
      confirmSupervisor(raw, session, ctx.now(), { step, supervisor, password }),
  };
}

export type UserService = ReturnType<typeof createUserService>;
export type { Session };
