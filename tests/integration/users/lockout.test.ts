import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_ATTEMPTS } from '@shared/domain/users';
import { createTestDb, type TestDb } from '../../fixtures/test-db';
import { addUsers, PASSWORD } from '../../fixtures/users';
import { refusalSync as refusal } from '../../fixtures/refusal';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  t.ctx.clock.now = new Date('2026-03-20T02:00:00Z');
  addUsers(t.services, [
    ['王管理', '管理员'],
    ['李操作', '操作员'],
  ]);
});
afterEach(() => t.cleanup());

describe('sign-in and lockout', () => {
  it('signs in with the right password and names the user as the actor', () => {
    expect(t.services.users.signIn({ name: '李操作', password: PASSWORD }).user).toEqual({
      name: '李操作',
      role: '操作员',
    });
  });

  it(`locks the account after ${LOCKOUT_ATTEMPTS} wrong passwords in a row, for 15 minutes, in Chinese`, () => {
    for (let i = 1; i < LOCKOUT_ATTEMPTS; i++) {
      const r = refusal(() => t.services.users.signIn({ name: '李操作', password: 'wrong' }));
      expect(r).toEqual({
        code: 'users.badCredentials',
        message: `用户名或密码不正确，未做任何更改（再错 ${LOCKOUT_ATTEMPTS - i} 次，账户将锁定 15 分钟）。`,
      });
    }
    const locked = refusal(() => t.services.users.signIn({ name: '李操作', password: 'wrong' }));
    expect(locked.code).toBe('users.locked');
    // 02:00 UTC is 10:00 in China; locked until 10:15.
    expect(locked.message).toBe(
      '账户「李操作」因连续 5 次密码错误已锁定 15 分钟，请于 10:15 后再试，或请管理员重置密码。',
    );
    // Even the right password is refused while locked; after the 15 minutes it works again.
    expect(refusal(() => t.services.users.signIn({ name: '李操作', password: PASSWORD })).code).toBe('users.locked');
    t.ctx.clock.now = new Date('2026-03-20T02:15:01Z');
    expect(t.services.users.signIn({ name: '李操作', password: PASSWORD }).user?.name).toBe('李操作');
  });

  it('an administrator’s reset unlocks the account at once', () => {
    for (let i = 0; i < LOCKOUT_ATTEMPTS; i++)
      refusal(() => t.services.users.signIn({ name: '李操作', password: 'x' }));
    t.services.users.signIn({ name: '王管理', password: PASSWORD });
    const list = t.services.users.resetPassword({ name: '李操作', password: '新密码12345' });
    expect(list.find((u) => u.name === '李操作')).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    expect(t.services.users.signIn({ name: '李操作', password: '新密码12345' }).user?.name).toBe('李操作');
  });

  it('a right password resets the count of failures', () => {
    refusal(() => t.services.users.signIn({ name: '李操作', password: 'x' }));
    t.services.users.signIn({ name: '李操作', password: PASSWORD });
    const r = refusal(() => t.services.users.signIn({ name: '李操作', password: 'x' }));
    expect(r.message).toContain(`再错 ${LOCKOUT_ATTEMPTS - 1} 次`);
  });

  it('changes one’s own password only with the old one', () => {
    t.services.users.signIn({ name: '李操作', password: PASSWORD });
    const r = refusal(() => t.services.users.changePassword({ oldPassword: 'nope', password: '另一个密码123' }));
    expect(r.code).toBe('users.badCredentials');
    expect(r.message).toBe(`当前密码不正确，未做任何更改（再错 ${LOCKOUT_ATTEMPTS - 1} 次，账户将锁定 15 分钟）。`);
    t.services.users.changePassword({ oldPassword: PASSWORD, password: '另一个密码123' });
    t.services.users.signOut();
    expect(refusal(() => t.services.users.signIn({ name: '李操作', password: PASSWORD })).code).toBe(
      'users.badCredentials',
    );
    expect(t.services.users.signIn({ name: '李操作', password: '另一个密码123' }).user?.role).toBe('操作员');
  });

  it('the first account must be a 管理员', async () => {
    const fresh = await createTestDb();
    try {
      const r = refusal(() => fresh.services.users.create({ name: '甲', role: '操作员', password: PASSWORD }));
      expect(r).toEqual({ code: 'users.firstMustBeAdmin', message: '第一个用户必须是管理员，未创建任何用户。' });
      expect(fresh.services.users.list()).toEqual([]);
    } finally {
      await fresh.cleanup();
    }
  });
});
