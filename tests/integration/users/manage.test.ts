import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../fixtures/test-db';
import { guardChange } from '../../../src-main/users/manage';
import { addUsers, PASSWORD } from '../../fixtures/users';
import { refusalSync as refusal } from '../../fixtures/refusal';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  addUsers(t.services, [
    ['王管理', '管理员'],
    ['李操作', '操作员'],
    ['赵查看', '查看'],
  ]);
  t.services.users.signIn({ name: '王管理', password: PASSWORD });
});
afterEach(() => t.cleanup());

const users = () => t.conn.raw.prepare('SELECT name, role, disabled_at FROM users ORDER BY id').all();
const auditRows = () => t.conn.raw.prepare('SELECT count(*) FROM audit_log').pluck().get();
const lastAudit = () =>
  t.conn.raw.prepare('SELECT actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT 1').get();

describe('用户管理: role, 停用 and deletion', () => {
  it('changes a role, logged under the administrator with the change', () => {
    const list = t.services.users.setRole({ name: '赵查看', role: '录入员' });
    expect(list.find((u) => u.name === '赵查看')?.role).toBe('录入员');
    expect(lastAudit()).toEqual({
      actor: '王管理',
      action: 'users:set-role',
      target: 'user:赵查看',
      detail: JSON.stringify({ name: '赵查看', role: { from: '查看', to: '录入员' } }),
    });
  });

  it('refuses to demote, disable or delete one’s own account, and the last 管理员 in use, in Chinese', () => {
    const before = [users(), auditRows()];
    expect(refusal(() => t.services.users.setRole({ name: '王管理', role: '操作员' }))).toEqual({
      code: 'users.ownAccount',
      message: '不能修改本人账户的角色，请由另一位管理员操作，未做任何更改。',
    });
    expect(refusal(() => t.services.users.disable({ name: '王管理' })).code).toBe('users.ownAccount');
    expect(refusal(() => t.services.users.remove({ name: '王管理' })).code).toBe('users.ownAccount');
    expect([users(), auditRows()]).toEqual(before);
    // Reached only if the caller were not an administrator in use themselves; checked all the same.
    const last = { name: '王管理', role: '管理员' as const, disabled_at: null };
    expect(refusal(() => guardChange(t.conn.raw, last, undefined, 'disable'))).toEqual({
      code: 'users.lastAdmin',
      message: '「王管理」是唯一在用的管理员，不能停用，否则将无人能管理用户，未做任何更改。',
    });
    expect(() => guardChange(t.conn.raw, last, undefined, 'setRole', '管理员')).not.toThrow();
    t.services.users.setRole({ name: '李操作', role: '管理员' });
    expect(() => guardChange(t.conn.raw, last, undefined, 'delete')).not.toThrow();
  });

  it('a disabled account cannot sign in; enabled again, it can', () => {
    t.services.users.disable({ name: '李操作' });
    expect(refusal(() => t.services.users.signIn({ name: '李操作', password: PASSWORD }))).toEqual({
      code: 'users.disabled',
      message: '账户「李操作」已停用，不能登录或确认操作；如需使用，请管理员启用。',
    });
    // A wrong password reads as for any account: the name cannot be probed.
    expect(refusal(() => t.services.users.signIn({ name: '李操作', password: 'wrong' })).code).toBe(
      'users.badCredentials',
    );
    expect(lastAudit()).toMatchObject({ action: 'users:disable', target: 'user:李操作' });
    t.services.users.enable({ name: '李操作' });
    expect(t.services.users.signIn({ name: '李操作', password: PASSWORD }).user?.name).toBe('李操作');
  });

  it('deletes a never-used account; one named in the log is kept and can only be disabled', () => {
    t.services.users.signIn({ name: '李操作', password: PASSWORD });
    t.services.users.changePassword({ oldPassword: PASSWORD, password: '新密码12345678' });
    t.services.users.signIn({ name: '王管理', password: PASSWORD });
    expect(t.services.users.list().map((u) => [u.name, u.used])).toEqual([
      ['王管理', true],
      ['李操作', true],
      ['赵查看', false],
    ]);
    const before = [users(), auditRows()];
    expect(refusal(() => t.services.users.remove({ name: '李操作' }))).toEqual({
      code: 'users.inUse',
      message:
        '用户「李操作」已有操作记录，不能删除（操作日志和抽取记录中保留此用户名）；可改为停用：停用后不能登录，姓名保留，未做任何更改。',
    });
    expect([users(), auditRows()]).toEqual(before);
    const list = t.services.users.remove({ name: '赵查看' });
    expect(list.map((u) => u.name)).toEqual(['王管理', '李操作']);
    expect(lastAudit()).toMatchObject({ actor: '王管理', action: 'users:delete', target: 'user:赵查看' });
  });
});
