import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '@shared/ipc/contract';
import { ROLES } from '@shared/domain/users';
import { createDispatch, type Dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { CHANNEL_ROLES } from '../../../src-main/users/channel-roles';
import { createTestDb, type TestDb } from '../../fixtures/test-db';
import { addUsers, PASSWORD } from '../../fixtures/users';

const TRUSTED = 'app://ssj/index.html';
let t: TestDb;
let dispatch: Dispatch;

beforeEach(async () => {
  t = await createTestDb();
  dispatch = createDispatch({
    handlers: createHandlers(t.services),
    isTrustedSender: () => true,
    authorize: t.services.users.authorize,
    logError: () => {},
  });
});
afterEach(async () => {
  await t.services.draws.dispose();
  await t.cleanup();
});

/** Rows of every table: a refused call must leave them all as they were. */
function rowCounts(): Record<string, number> {
  const tables = t.conn.raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((name) => [name, t.conn.raw.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]),
  );
}

describe('the channel → roles table', () => {
  it('names every channel of the contract, and no other', () => {
    for (const channel of CHANNELS) expect(CHANNEL_ROLES, channel).toHaveProperty([channel]);
    expect(Object.keys(CHANNEL_ROLES).sort()).toEqual([...CHANNELS].sort());
  });

  it('with no users every channel passes the check, as before accounts existed', () => {
    for (const channel of CHANNELS) expect(() => t.services.users.authorize(channel)).not.toThrow();
  });

  it('once a user exists, refuses every channel but sign-in before signing in, in Chinese', async () => {
    addUsers(t.services, [['王管理', '管理员']]);
    const before = rowCounts();
    for (const channel of CHANNELS) {
      const res = await dispatch(TRUSTED, channel, {});
      if (CHANNEL_ROLES[channel] === 'public') continue;
      expect(res, channel).toEqual({
        ok: false,
        error: { code: 'users.signInRequired', message: '请先登录，未做任何更改。' },
      });
    }
    expect(rowCounts()).toEqual(before);
  });

  it.each(ROLES)('for the role %s, refuses each channel the table does not grant it, in Chinese', async (role) => {
    addUsers(t.services, [
      ['王管理', '管理员'],
      ...(role === '管理员' ? [] : [[`某${role}`, role] as [string, typeof role]]),
    ]);
    const name = role === '管理员' ? '王管理' : `某${role}`;
    t.services.users.signIn({ name, password: PASSWORD });
    const before = rowCounts();
    const refused: Channel[] = [];
    for (const channel of CHANNELS) {
      const access = CHANNEL_ROLES[channel];
      if (access === 'public' || access.includes(role)) {
        expect(() => t.services.users.authorize(channel), channel).not.toThrow();
        continue;
      }
      // A payload the schema accepts would reach the handler: the refusal must come first, whatever it carries.
      const res = await dispatch(TRUSTED, channel, {});
      expect(res, channel).toMatchObject({ ok: false, error: { code: 'users.forbidden' } });
      if (!res.ok)
        expect(res.error.message).toMatch(
          new RegExp(`^用户「${name}」的角色「${role}」无权进行此操作（仅限.+），已拒绝，未做任何更改。$`),
        );
      refused.push(channel);
    }
    expect(rowCounts()).toEqual(before);
    if (role === '管理员') expect(refused).toEqual([]);
    if (role === '查看') expect(refused).toContain('draws:commit');
  });

  it('a 查看 user is refused a real, well-formed write and nothing changes', async () => {
    addUsers(t.services, [
      ['王管理', '管理员'],
      ['赵查看', '查看'],
    ]);
    t.services.users.signIn({ name: '赵查看', password: PASSWORD });
    const before = rowCounts();
    const res = await dispatch(TRUSTED, 'settings:office-add', { name: '综合执法大队', kind: '局机关科室' });
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'users.forbidden',
        message: '用户「赵查看」的角色「查看」无权进行此操作（仅限管理员），已拒绝，未做任何更改。',
      },
    });
    expect(rowCounts()).toEqual(before);
  });

  it('the signed-in user is the actor of a write', async () => {
    addUsers(t.services, [['王管理', '管理员']]);
    t.services.users.signIn({ name: '王管理', password: PASSWORD });
    await dispatch(TRUSTED, 'settings:set', { minTeamSize: 3 });
    const last = t.conn.raw.prepare('SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ actor: '王管理', action: 'settings:set' });
  });
});
