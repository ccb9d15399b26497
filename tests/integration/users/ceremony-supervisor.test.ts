import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { county, type County } from '../../fixtures/county';
import { addUsers, PASSWORD } from '../../fixtures/users';

const TRUSTED = 'app://ssj/index.html';
const CEREMONY = { place: '县局三楼会议室', operator: '张敏', supervisor: '刘强' };
let c: County;
let dispatch: Dispatch;
let drawId: number;

beforeAll(async () => {
  c = await county(300);
  dispatch = createDispatch({
    handlers: createHandlers(c.services),
    isTrustedSender: () => true,
    authorize: c.services.users.authorize,
  });
  ({ id: drawId } = await c.services.draws.prepare({ taskId: c.publishedTask({ name: '监督员确认' }) }));
  addUsers(c.services, [
    ['王管理', '管理员'],
    ['张敏', '操作员'],
    ['刘强', '监督员'],
  ]);
  c.services.users.signIn({ name: '张敏', password: PASSWORD });
}, 120_000);
afterAll(() => c.close());

const TABLES = ['draws', 'draw_witnesses', 'draw_proofs', 'audit_log', 'users'] as const;
const counts = () => TABLES.map((t) => c.count(t));
const state = () => c.conn.raw.prepare('SELECT state FROM draws WHERE id = ?').pluck().get(drawId);

async function refused(channel: 'draws:commit' | 'draws:seal', payload: object, code: string, message: string) {
  const before = counts();
  const res = await dispatch(TRUSTED, channel, { drawId, ...payload });
  expect(res).toEqual({ ok: false, error: { code, message } });
  expect(counts()).toEqual(before);
}

describe('承诺 and 封存 with the supervisor’s own password', () => {
  it('refuses 承诺 without the supervisor’s password, in Chinese, changing nothing', async () => {
    await refused(
      'draws:commit',
      CEREMONY,
      'users.supervisorRequired',
      '承诺须由监督员「刘强」输入本人密码，未做任何更改。',
    );
    expect(state()).toBe('prepared');
  });

  it('refuses the operator’s own account as the supervisor, even with its right password', async () => {
    const payload = { ...CEREMONY, supervisor: '张敏', supervisorPassword: PASSWORD };
    await refused(
      'draws:commit',
      payload,
      'users.supervisorIsOperator',
      '承诺须由另一位监督员输入本人密码，不能使用操作人员本人的账户，未做任何更改。',
    );
  });

  it('refuses a wrong supervisor password and an account that is not a 监督员', async () => {
    await refused(
      'draws:commit',
      { ...CEREMONY, supervisorPassword: 'wrong' },
      'users.badCredentials',
      '用户名或密码不正确，未做任何更改（再错 4 次，账户将锁定 15 分钟）。',
    );
    await refused(
      'draws:commit',
      { ...CEREMONY, supervisor: '王管理', supervisorPassword: PASSWORD },
      'users.supervisorRequired',
      '「王管理」的角色是管理员，不是监督员，不能确认承诺，未做任何更改。',
    );
  });

  it('refuses an operator name other than the signed-in user', async () => {
    await refused(
      'draws:commit',
      { ...CEREMONY, operator: '别人', supervisorPassword: PASSWORD },
      'users.operatorNotSignedIn',
      '操作人员应为当前登录的用户「张敏」，未做任何更改。',
    );
    expect(state()).toBe('prepared');
  });

  it('commits with the supervisor’s password; both names reach the record, the proof and the log', async () => {
    const res = await dispatch(TRUSTED, 'draws:commit', { drawId, ...CEREMONY, supervisorPassword: PASSWORD });
    expect(res).toMatchObject({ ok: true, value: { record: { operator: '张敏', supervisor: '刘强' } } });
    expect(state()).toBe('committed');
    await dispatch(TRUSTED, 'draws:witness', { drawId, name: '李明', value: '314159' });
    expect(await dispatch(TRUSTED, 'draws:reveal', { drawId })).toMatchObject({ ok: true });
    await refused('draws:seal', {}, 'users.supervisorRequired', '封存须由监督员「刘强」输入本人密码，未做任何更改。');
    expect(state()).toBe('revealed');
    expect(await dispatch(TRUSTED, 'draws:seal', { drawId, supervisorPassword: PASSWORD })).toMatchObject({ ok: true });
    await c.services.draws.settle();
    expect(state()).toBe('sealed');
    const proof = JSON.parse(c.services.draws.proofText(drawId)) as { info: Record<string, unknown> };
    expect(proof.info).toMatchObject({ operator: '张敏', supervisor: '刘强' });
    const actors = c.conn.raw
      .prepare("SELECT DISTINCT actor FROM audit_log WHERE action IN ('draws:commit', 'draws:seal') AND target = ?")
      .pluck()
      .all(`draws:${drawId}`);
    expect(actors).toEqual(['张敏']);
  });
});
