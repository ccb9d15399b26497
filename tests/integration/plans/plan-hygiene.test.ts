/**
 * Keeping the year's plan clean through the IPC dispatch: a draft plan or task is deleted with an audit row naming
 * it, anything published is refused; a second plan for a year is refused; a plan whose task has nothing in scope
 * is not published. Each refusal is a Chinese sentence and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskInput } from '@shared/domain/tasks';
import { demoTaskInput } from '../../../src-main/demo/plan-demo';
import { county, type County } from '../../fixtures/county';

let c: County;
beforeAll(async () => {
  c = await county(300);
});
afterAll(async () => {
  await c.close();
});

const written = () => ['plans', 'plan_versions', 'tasks', 'task_items', 'audit_log'].map((t) => c.count(t));
const lastAudit = () =>
  c.conn.raw.prepare('SELECT action, target, detail FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    action: string;
    target: string;
    detail: string;
  };

async function refused(channel: string, payload: unknown, code: string, message: string | RegExp) {
  const before = written();
  const res = await c.dispatch(channel, payload);
  expect(res).toMatchObject({ ok: false, error: { code } });
  expect((res as { error: { message: string } }).error.message).toMatch(message);
  expect(written()).toEqual(before);
}

function draftWithTasks(year: number, names: string[], overrides: Partial<TaskInput> = {}) {
  const plan = c.services.plans.save({ year, title: `${year}年度双随机抽查工作计划` });
  const dates = { startDate: `${year}-03-01`, endDate: `${year}-04-30` };
  const tasks = names.map(
    (name, i) =>
      c.services.tasks.save(
        demoTaskInput(c.conn.raw, plan.id, c.ctx.now(), { name, ...dates, ...(i > 0 ? overrides : {}) }),
      ).id,
  );
  return { planId: plan.id, tasks };
}

describe('one plan a year', () => {
  it('refuses a second plan for a year that has one, naming the plan to open instead', async () => {
    c.services.plans.save({ year: 2030, title: '2030年度双随机抽查工作计划' });
    await refused('plans:save', { year: 2030, title: '2030年度补充计划' }, 'plan.duplicate', /一年只能有一个计划/);
    await refused('plans:save', { year: 2030, title: '另一个' }, 'plan.duplicate', /《2030年度双随机抽查工作计划》/);
  });

  it('says a published year plan changes by a new version', async () => {
    c.publishedTask();
    await refused('plans:save', { year: 2026, title: '第二个计划' }, 'plan.duplicate', /将发布新版本/);
  });
});

describe('deleting drafts', () => {
  it('deletes a draft task with its items, and logs which one', async () => {
    const { planId, tasks } = draftWithTasks(2031, ['留下的任务', '要删的任务']);
    const number = c.services.tasks.get(tasks[1]!).number;
    expect(await c.dispatch('tasks:delete', { id: tasks[1] })).toEqual({ ok: true, value: { deleted: true } });
    expect(c.services.tasks.list(planId).map((t) => t.name)).toEqual(['留下的任务']);
    expect(c.conn.raw.prepare('SELECT count(*) FROM task_items WHERE task_id = ?').pluck().get(tasks[1])).toBe(0);
    const audit = lastAudit();
    expect([audit.action, audit.target]).toEqual(['tasks:delete', `tasks:${tasks[1]}`]);
    expect(JSON.parse(audit.detail)).toMatchObject({ planId, number, name: '要删的任务' });
  });

  it('deletes a draft plan with its tasks, and logs them by number and name', async () => {
    const { planId, tasks } = draftWithTasks(2032, ['任务甲', '任务乙']);
    const numbers = tasks.map((id) => c.services.tasks.get(id).number);
    expect(await c.dispatch('plans:delete', { id: planId })).toEqual({ ok: true, value: { deleted: true } });
    expect(c.services.plans.list(2032)).toEqual([]);
    expect(c.conn.raw.prepare('SELECT count(*) FROM tasks WHERE plan_id = ?').pluck().get(planId)).toBe(0);
    const audit = lastAudit();
    expect(audit.action).toBe('plans:delete');
    expect(JSON.parse(audit.detail)).toEqual({
      year: 2032,
      title: '2032年度双随机抽查工作计划',
      tasks: [`${numbers[0]} 任务甲`, `${numbers[1]} 任务乙`],
    });
    // The year is free again.
    expect(c.services.plans.save({ year: 2032, title: '重新编制' }).status).toBe('草稿');
  });

  it('refuses to delete a published plan or one of its tasks', async () => {
    const taskId = c.publishedTask();
    const planId = c.services.tasks.get(taskId).planId;
    await refused('plans:delete', { id: planId }, 'plan.notDeletable', /已公示.*不能删除.*发布新版本/);
    await refused('tasks:delete', { id: taskId }, 'task.notDeletable', /已公示，公示过的任务不能删除/);
  });

  it('refuses a drawn task, whatever the state of its draw', async () => {
    const taskId = c.publishedTask({ name: '已抽取的任务' });
    await c.drawAndSeal(taskId);
    await refused('tasks:delete', { id: taskId }, 'task.notDeletable', /「已抽取的任务」/);
  });

  it('names what does not exist', async () => {
    await refused('tasks:delete', { id: 999_999 }, 'task.notFound', /没有找到抽查任务/);
    await refused('plans:delete', { id: 999_999 }, 'plan.notFound', /没有找到年度计划/);
  });
});

describe('publishing', () => {
  it('refuses a plan whose task has nothing in scope, naming the task, and keeps it a draft', async () => {
    const empty = {
      scope: { entityTypes: [], industries: ['不存在的行业'], areas: [], offices: [], tags: [], grades: [] },
    };
    const { planId, tasks } = draftWithTasks(2033, ['食品抽查', '空范围的任务'], empty);
    expect(c.services.tasks.scopePreview(c.services.tasks.get(tasks[1]!)).total).toBe(0);
    await refused(
      'plans:publish',
      { id: planId },
      'plan.emptyScope',
      /任务「空范围的任务」的检查对象范围内没有检查对象/,
    );
    expect(c.services.plans.get(planId)).toMatchObject({ status: '草稿', version: 0 });
    // Deleting the empty task lets the plan be published.
    await c.dispatch('tasks:delete', { id: tasks[1] });
    expect(await c.dispatch('plans:publish', { id: planId })).toMatchObject({ ok: true, value: { version: 1 } });
  });

  it('refuses a task with nothing in scope added to a published plan, and publishes no new version', async () => {
    const { planId } = draftWithTasks(2034, ['食品抽查']);
    expect(await c.dispatch('plans:publish', { id: planId })).toMatchObject({ ok: true, value: { version: 1 } });
    const input = demoTaskInput(c.conn.raw, planId, c.ctx.now(), {
      name: '新增的空范围任务',
      startDate: '2034-05-01',
      endDate: '2034-05-31',
      scope: { entityTypes: [], industries: ['不存在的行业'], areas: [], offices: [], tags: [], grades: [] },
    });
    await refused(
      'tasks:save',
      { ...input, changeReason: '增加抽查任务' },
      'plan.emptyScope',
      /任务「新增的空范围任务」的检查对象范围内没有检查对象/,
    );
    expect(c.services.plans.get(planId)).toMatchObject({ version: 1 });
  });
});
