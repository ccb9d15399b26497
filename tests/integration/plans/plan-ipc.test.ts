/**
 * 年度抽查工作计划 and 抽查任务 through the IPC dispatch, as the pages call them: the optional fields take their
 * defaults, bad shapes are refused in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { county, type County } from '../../fixtures/county';

let c: County;
beforeAll(async () => {
  c = await county(4000);
});
afterAll(async () => {
  await c.close();
});

const previewRequest = {
  scope: { industries: ['食品销售'] },
  excludeRecentYears: 3,
  ratio: { mode: 'uniform', bp: 500 },
  startDate: '2026-12-01',
};
const pool = { teamSize: 2, packageSize: 3, maxPackagesPerInspector: 5, inspectorScope: { kind: '全局' } };

/** What a page sends at minimum for a task: the optional lists and switches are left out. */
async function minimalTask() {
  const plan = (await c.dispatch('plans:save', { year: 2026, title: 'IPC 计划' })) as {
    ok: true;
    value: { id: number };
  };
  expect(plan.ok).toBe(true);
  const input = demoTaskInput(c.conn.raw, plan.value.id, c.ctx.now());
  return {
    planId: input.planId,
    name: input.name,
    leadDepartment: input.leadDepartment,
    itemIds: input.itemIds,
    startDate: input.startDate,
    endDate: input.endDate,
    scope: { industries: ['食品销售'] },
    excludeRecentYears: 3,
    ratio: { mode: 'uniform', bp: 500 },
    teamSize: 2,
    packageSize: 3,
    maxPackagesPerInspector: 5,
    inspectorScope: { kind: '全局' },
  };
}

describe('plans and tasks through the IPC dispatch', () => {
  let minimal: Awaited<ReturnType<typeof minimalTask>>;
  let taskId: number;

  it('fills the defaults of a task saved with the fewest fields', async () => {
    minimal = await minimalTask();
    const saved = (await c.dispatch('tasks:save', minimal)) as {
      ok: true;
      value: { id: number; clusterBy: string; avoidOwnOffice: boolean; scope: { grades: string[] } };
    };
    taskId = saved.value.id;
    expect(saved).toMatchObject({
      ok: true,
      value: { clusterBy: 'none', avoidOwnOffice: true, frequency: '每年1次', scope: { grades: [] } },
    });
  });

  it('previews the scope, and the inspector side with its defaults as in tasks:save', async () => {
    const preview = await c.dispatch('tasks:scope-preview', previewRequest);
    expect(preview).toMatchObject({ ok: true, value: { strata: [{ name: '全部', ratioBp: 500 }] } });
    const withPool = await c.dispatch('tasks:scope-preview', { ...previewRequest, pool });
    expect(withPool).toMatchObject({ ok: true, value: { pool: { inspectors: expect.any(Number), experts: 0 } } });
  });

  it('refuses bad shapes in Chinese', async () => {
    const badPool = await c.dispatch('tasks:scope-preview', {
      ...previewRequest,
      pool: { ...pool, teamSize: 1 },
    });
    expect(badPool).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidRequest', message: expect.stringContaining('每组至少 2 名执法人员') },
    });
    const bad = await c.dispatch('tasks:save', { ...minimal, teamSize: 1 });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidRequest', message: expect.stringContaining('每组至少 2 名执法人员') },
    });
  });

  it('shows a new task without a draw', async () => {
    const ceremony = await c.dispatch('draws:ceremony-state', { taskId });
    expect(ceremony).toMatchObject({ ok: true, value: { stage: 'none' } });
    const none = await c.dispatch('draws:get', { taskId });
    expect(none).toEqual({ ok: true, value: null });
  });
});
