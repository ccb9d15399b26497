/**
 * Keeping the year's plan clean, at 1366×768: a draft task and a draft plan are deleted after a confirmation naming
 * them, and the page then shows the plan that remains; a second plan for the year is refused at the 年度 field; a
 * plan whose task has nothing in scope is refused at 公示 with the task named; a sealed draw's 抽取名单 is exported
 * for the teams and read back.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { TaskInput } from '@shared/domain/tasks';
import { demoTaskInput } from '../../src-main/demo/plan-demo';
import { confirmModal, confirmPopover, loadDemo, settledShot, tempDir, TEST_YEAR } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';
import { sealedDraw } from './results-fixtures';

const PLAN_TITLE = `${TEST_YEAR}年度双随机抽查工作计划`;

/** A draft plan of the test year with the demo task under each name (`overrides` for all but the first). */
function draftPlan(app: AppFixture, names: string[], overrides: Partial<TaskInput> = {}) {
  const plan = app.services.plans.save({ year: TEST_YEAR, title: PLAN_TITLE });
  const window = { startDate: `${TEST_YEAR}-11-01`, endDate: `${TEST_YEAR}-12-31` };
  const base = () => demoTaskInput(app.db.conn.raw, plan.id, app.db.ctx.now());
  const tasks = names.map(
    (name, i) => app.services.tasks.save({ ...base(), ...window, name, ...(i > 0 ? overrides : {}) }).id,
  );
  return { planId: plan.id, tasks };
}

async function openPlans(page: Page, app: AppFixture, planId: number) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(app.db.ctx.now());
  await app.open(`/plans?plan=${planId}`);
  const detail = page.getByTestId('plan-detail');
  await expect(detail.getByTestId('plan-title')).toHaveText(PLAN_TITLE);
  return detail;
}

test('a draft task, then the draft plan, are deleted after a confirmation naming them', async ({ page, app }) => {
  loadDemo(app, 1000);
  const { planId, tasks } = draftPlan(app, ['保留的任务', '多余的任务']);
  const detail = await openPlans(page, app, planId);
  const number = app.services.tasks.get(tasks[1]!).number;

  await test.step('the task', async () => {
    await detail.getByTestId(`task-delete-${tasks[1]}`).click();
    await expect(page.locator('.ant-modal-confirm')).toContainText(`删除草稿任务 ${number}？`);
    await expect(page.locator('.ant-modal-confirm')).toContainText('「多余的任务」将从计划中删除');
    await settledShot(page, 'plan-hygiene-1-delete-task');
    await confirmModal(page, { ok: 'task-delete-ok' });
    await expect(page.locator('.ant-message')).toContainText(`已删除草稿任务 ${number}`);
    await expect(detail.getByTestId('plan-tasks').locator('tr.ant-table-row')).toHaveCount(1);
  });

  await test.step('the plan, naming the task that goes with it', async () => {
    await detail.getByTestId('plan-delete').click();
    const dialog = page.locator('.ant-modal-confirm');
    await expect(dialog).toContainText(`删除草稿计划《${PLAN_TITLE}》？`);
    await expect(dialog).toContainText('「保留的任务」');
    await settledShot(page, 'plan-hygiene-2-delete-plan');
    await confirmModal(page, { ok: 'plan-delete-ok' });
    await expect(page.getByTestId('plans-page')).toContainText('还没有年度抽查计划');
    expect(app.services.plans.list()).toEqual([]);
  });
});

/** From now on the page's `channel` answers 1.5 s late, as on a busy machine, while the list it shows stays old. */
async function answerSlowly(page: Page, channel: string) {
  await page.evaluate((slow) => {
    type Invoke = (channel: string, request: unknown) => Promise<unknown>;
    const w = window as unknown as { __ssjInvoke: Invoke };
    const invoke = w.__ssjInvoke;
    w.__ssjInvoke = async (called, request) => {
      if (called === slow) await new Promise((wait) => setTimeout(wait, 1500));
      return invoke(called, request);
    };
  }, channel);
}

test('after a plan is deleted the page shows the plan that remains, never the deleted one', async ({ page, app }) => {
  const { planId: remaining } = draftPlan(app, []);
  const next = app.services.plans.save({ year: TEST_YEAR + 1, title: `${TEST_YEAR + 1}年度双随机抽查工作计划` });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(app.db.ctx.now());
  await app.open(`/plans?plan=${next.id}`);
  await expect(page.getByTestId('plan-title')).toHaveText(next.title);
  await answerSlowly(page, 'plans:list');
  await page.getByTestId('plan-delete').click();
  await confirmModal(page, { ok: 'plan-delete-ok' });
  await expect(page.getByTestId('plan-title')).toHaveText(PLAN_TITLE);
  await expect(page).toHaveURL(new RegExp(`plan=${remaining}$`));
  await expect(page.getByTestId('plans-page')).not.toContainText('无法读取计划');
  expect(app.services.plans.list().map((p) => p.id)).toEqual([remaining]);
});

test('a second plan for the year is refused at the 年度 field, and what was typed stays', async ({ page, app }) => {
  const { planId } = draftPlan(app, []);
  await openPlans(page, app, planId);
  await page.getByTestId('plan-new').click();
  const modal = page.getByTestId('plan-new-modal');
  await modal.locator('input#year').fill(String(TEST_YEAR));
  await modal.locator('input#title').fill('补充计划');
  await confirmModal(page, 'plan-new-modal');
  await expect(modal.locator('#year_help')).toContainText(
    `${TEST_YEAR} 年已有年度计划《${PLAN_TITLE}》，一年只能有一个计划`,
  );
  await expect(modal.locator('input#title')).toHaveValue('补充计划');
  await screenshot(page, 'plan-hygiene-3-second-plan');
  expect(app.services.plans.list().length).toBe(1);
});

test('公示 is refused while a task has nothing in scope, naming the task', async ({ page, app }) => {
  loadDemo(app, 1000);
  const scope = { entityTypes: [], industries: ['不存在的行业'], areas: [], offices: [], tags: [], grades: [] };
  const { planId } = draftPlan(app, ['食品抽查', '范围为空的任务'], { scope });
  const detail = await openPlans(page, app, planId);
  await detail.getByTestId('plan-publish').click();
  await confirmPopover(page);
  await expect(detail.getByTestId('plan-error')).toContainText('任务「范围为空的任务」的检查对象范围内没有检查对象');
  await expect(detail.getByTestId('plan-status')).toHaveText('草稿');
  await settledShot(page, 'plan-hygiene-4-empty-scope');
});

test('a sealed draw exports its 抽取名单 for the teams as Excel', async ({ page, app }) => {
  const { taskId, drawId } = await sealedDraw(app);
  const dir = tempDir('ssj-e2e-list-');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.setFixedTime(app.db.ctx.now());
  await app.open(`/draw?task=${taskId}`);
  const button = page.getByTestId('export-drawn-list');
  await expect(button).toBeVisible();
  await screenshot(page, 'plan-hygiene-5-sealed-exports');

  const path = join(dir, '抽取名单.xlsx');
  app.fileDialog.answer(path);
  await button.click();
  const view = app.services.draws.get({ drawId, packagePage: 1, packagePageSize: 1000 })!;
  const rows = view.packages.reduce((n, p) => n + p.entities.length, 0);
  await expect(page.locator('.ant-message')).toContainText(`已导出抽取名单 抽取名单.xlsx（${rows} 户）`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('抽取名单')!;
  expect(ws.rowCount).toBe(3 + rows);
  expect(ws.getCell('A4').value).toBe('第 1 包');
  expect(ws.getCell('D4').value).toBe(view.packages[0]!.entities[0]!.code);
});
