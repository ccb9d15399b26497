import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROSTER_COMMANDS } from '../../../src-main/cli/roster-commands';
import { runCli } from '../../../src-main/cli/run-cli';
import { countRows, createTestDb, type TestDb } from '../../fixtures/test-db';
import { addUsers, PASSWORD } from '../../fixtures/users';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

/** `demo --entities 50` on the test database: a write a 管理员 may make. */
async function demo(env: NodeJS.ProcessEnv, ...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['demo', '--entities', '50', '--db', t.path, ...extra], ROSTER_COMMANDS, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const rows = () =>
  ['entities', 'inspectors', 'items', 'audit_log', 'users'].map((table) => countRows(t.conn.raw, table));
const lastActor = () => t.conn.raw.prepare('SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();

describe('the CLI as a named user', () => {
  it('with no users it works as today, under the terminal user’s name', async () => {
    const r = await demo({});
    expect(r.code).toBe(0);
    expect(countRows(t.conn.raw, 'entities')).toBe(50);
    expect(lastActor()).toMatch(/^命令行（/);
  });

  it('once users exist, refuses without --user, a wrong password and a role without the right, in Chinese', async () => {
    addUsers(t.services, [
      ['王管理', '管理员'],
      ['赵查看', '查看'],
    ]);
    const before = rows();
    const cases: [NodeJS.ProcessEnv, string[], string][] = [
      [{}, [], '错误：此数据库已设用户：请用 --user 用户名 指定本人账户，未做任何更改。'],
      [
        { SSJ_PASSWORD: 'wrong' },
        ['--user', '王管理'],
        '错误：用户名或密码不正确，未做任何更改（再错 4 次，账户将锁定 15 分钟）。',
      ],
      [
        { SSJ_PASSWORD: PASSWORD },
        ['--user', '赵查看'],
        '错误：用户「赵查看」的角色「查看」无权进行此操作（仅限管理员），已拒绝，未做任何更改。',
      ],
    ];
    for (const [env, args, message] of cases) {
      const r = await demo(env, ...args);
      expect([r.code, r.stderr]).toEqual([1, message]);
    }
    expect(rows()).toEqual(before);
  });

  it('never reads the password from the arguments, and without a terminal asks for SSJ_PASSWORD', async () => {
    addUsers(t.services, [['王管理', '管理员']]);
    const before = rows();
    const r = await demo({}, '--user', '王管理', '--password', PASSWORD);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('参数错误');
    const noTty = await demo({}, '--user', '王管理');
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toBe('错误：请在终端中运行以输入密码，或设置环境变量 SSJ_PASSWORD，未做任何更改。');
    expect(rows()).toEqual(before);
  });

  it('with --user and SSJ_PASSWORD the writes are logged under that user', async () => {
    addUsers(t.services, [['王管理', '管理员']]);
    const r = await demo({ SSJ_PASSWORD: PASSWORD }, '--user', '王管理');
    expect(r.code).toBe(0);
    expect(countRows(t.conn.raw, 'entities')).toBe(50);
    expect(lastActor()).toBe('王管理');
  });
});
