/**
 * Out-of-range numbers through the IPC dispatch, as a page or a script could send them: each is refused with the
 * Chinese sentence of its field's rule, nothing is written (no row, no audit entry), and nothing is moved into range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskInput } from '@shared/domain/tasks';
import { createDispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { county, type County } from '../../fixtures/county';

let c: County;
let dispatch: ReturnType<typeof createDispatch>;
let input: TaskInput;
beforeAll(async () => {
  c = await county(300);
  dispatch = createDispatch({ handlers: createHandlers(c.services), isTrustedSender: () => true });
  const plan = c.services.plans.save({ year: 2026, title: '拒收测试计划' });
  input = demoTaskInput(c.conn.raw, plan.id, c.ctx.now());
});
afterAll(async () => {
  await c.close();
});

/** Everything a refused call could have touched. */
const written = () => ({
  tasks: c.count('tasks'),
  audit: c.count('audit_log'),
  settings: c.conn.raw.prepare('SELECT key, value FROM settings ORDER BY key').all(),
  configs: c.conn.raw.prepare('SELECT config FROM tasks ORDER BY id').pluck().all(),
});

async function refused(channel: string, payload: unknown, code: string, message: string) {
  const before = written();
  const res = await dispatch('app://ssj/', channel, payload);
  expect(res).toMatchObject({ ok: false, error: { code, message: expect.stringContaining(message) } });
  expect(written()).toEqual(before);
}

describe('out-of-range numbers are refused, never clamped', () => {
  it('a 150 % ratio', async () => {
    await refused(
      'tasks:save',
      { ...input, ratio: { mode: 'uniform', bp: 15000 } },
      'ipc.invalidRequest',
      '比例不能超过 100%',
    );
  });

  it('a team of 1', async () => {
    await refused('tasks:save', { ...input, teamSize: 1 }, 'ipc.invalidRequest', '每组至少 2 名执法人员');
  });

  it('a package of 0', async () => {
    await refused('tasks:save', { ...input, packageSize: 0 }, 'ipc.invalidRequest', '名单包至少 1 户');
  });

  it('a ratio of 0 in settings, for the default and for a grade', async () => {
    await refused('settings:set', { defaultRatioBp: 0 }, 'ipc.invalidRequest', '比例不能小于 0.01%');
    await refused(
      'settings:set',
      { gradeRatioBp: { A: 0, B: 500, C: 1000, D: 3000 } },
      'ipc.invalidRequest',
      '比例不能小于 0.01%',
    );
    expect((await c.services.settings.get()).defaultRatioBp).toBe(500);
  });

  it('a change to a saved task: the stored task stays as it was', async () => {
    const saved = await dispatch('app://ssj/', 'tasks:save', input);
    expect(saved).toMatchObject({ ok: true, value: { ratio: input.ratio, teamSize: input.teamSize } });
    const id = (saved as { value: { id: number } }).value.id;
    await refused('tasks:save', { ...input, id, ratio: { mode: 'uniform', bp: 15000 } }, 'ipc.invalidRequest', '比例');
    await refused('tasks:save', { ...input, id, packageSize: 0 }, 'ipc.invalidRequest', '名单包至少 1 户');
  });

  it("a team smaller than the bureau's minimum in settings", async () => {
    expect(await dispatch('app://ssj/', 'settings:set', { minTeamSize: 3 })).toMatchObject({ ok: true });
    await refused('tasks:save', { ...input, teamSize: 2 }, 'task.invalid', '每组至少 3 名执法人员（系统设置）');
    expect(await dispatch('app://ssj/', 'settings:set', { minTeamSize: 2 })).toMatchObject({ ok: true });
  });
});
