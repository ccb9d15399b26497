/**
 * Out-of-range numbers in the task editor and in settings, at 1366×768: the typed value stays as typed, the field says
 * why in Chinese, and 保存 saves nothing until it is corrected (the input never moves it into range on blur).
 */
import { demoTaskInput } from '../../src-main/demo/plan-demo';
import { afterMotion, loadDemo, TEST_YEAR } from './draw-fixtures';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type AppFixture } from './harness';
import { messageOf, typeAndLeave } from './form-fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** A draft task (uniform 5 %) opened in the editor; returns the editor and the task's stored config. */
async function openDraftTask(page: Page, app: AppFixture) {
  loadDemo(app, 1000);
  await page.clock.setFixedTime(app.db.ctx.now());
  const raw = app.db.conn.raw;
  const plan = app.services.plans.save({ year: TEST_YEAR, title: `${TEST_YEAR}年度双随机抽查工作计划` });
  const task = app.services.tasks.save({
    ...demoTaskInput(raw, plan.id, app.db.ctx.now()),
    startDate: `${TEST_YEAR}-11-01`,
    endDate: `${TEST_YEAR}-12-31`,
    ratio: { mode: 'uniform', bp: 500 },
  });
  const config = () => raw.prepare('SELECT config FROM tasks WHERE id = ?').pluck().get(task.id);
  const stored = config();
  await app.open(`/plans?plan=${plan.id}`);
  await page.getByTestId(`task-edit-${task.id}`).click();
  const editor = page.getByTestId('task-editor');
  await expect(editor.getByTestId('ratio-uniform')).toHaveValue('5');
  return { editor, unchanged: () => expect(config()).toBe(stored) };
}

test('a ratio of 150 % in the task editor stays as typed, is refused at the field, and is not saved', async ({
  page,
  app,
}) => {
  const { editor, unchanged } = await openDraftTask(page, app);
  const ratio = editor.getByTestId('ratio-uniform');
  await typeAndLeave(ratio, '150');
  await expect(messageOf(ratio)).toHaveText('比例不能超过 100%');
  await expect(ratio).toHaveValue('150');
  // Saved from the bottom of the form: the refused field comes back into view with its message.
  await editor.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await expect(ratio).not.toBeInViewport();
  await editor.getByTestId('task-save').click();
  await expect(editor.getByTestId('task-error')).toContainText('请先改正标红的内容。');
  await expect(ratio).toBeInViewport();
  await expect(ratio).toHaveValue('150');
  unchanged();
  await afterMotion(page);
  await screenshot(page, 'refusals-1-task-ratio');

  await typeAndLeave(ratio, '15');
  await expect(messageOf(ratio)).toHaveCount(0);
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();
  expect(app.services.tasks.list(1)[0]?.ratio).toEqual({ mode: 'uniform', bp: 1500 });
});

test('a team of 1 and a package of 0 are refused at their fields, and not saved', async ({ page, app }) => {
  const { editor, unchanged } = await openDraftTask(page, app);
  const team = editor.getByTestId('task-team-size');
  const pack = editor.getByTestId('task-package-size');
  await typeAndLeave(team, '1');
  await typeAndLeave(pack, '0');
  await expect(messageOf(team)).toHaveText('每组至少 2 名执法人员');
  await expect(messageOf(pack)).toHaveText('名单包至少 1 户');
  await expect(team).toHaveValue('1');
  await expect(pack).toHaveValue('0');
  await editor.getByTestId('task-save').click();
  await expect(editor.getByTestId('task-error')).toContainText('请先改正标红的内容。');
  unchanged();
  await expect(team).toBeInViewport();
  await afterMotion(page);
  await screenshot(page, 'refusals-2-task-team');
});

test('a ratio of 0 in settings stays as typed, is refused at the field, and is not saved', async ({ page, app }) => {
  await app.open('/settings');
  const before = await app.services.settings.get();
  const settingsRows = () => app.db.conn.raw.prepare('SELECT count(*) FROM settings').pluck().get();
  const rowsBefore = settingsRows();
  const ratio = page.locator('input#defaultRatioPct');
  await expect(ratio).toHaveValue('5');
  await typeAndLeave(ratio, '0');
  await expect(messageOf(ratio)).toHaveText('比例不能小于 0.01%');
  const gradeD = page.locator('input[id="gradeRatioPct_D"]');
  await typeAndLeave(gradeD, '150');
  await expect(page.getByText('D 级：比例不能超过 100%')).toBeVisible();
  const team = page.locator('input#minTeamSize');
  await typeAndLeave(team, '1');
  await expect(messageOf(team)).toHaveText('每组至少 2 名执法人员');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(ratio).toHaveValue('0');
  await expect(gradeD).toHaveValue('150');
  await expect(team).toHaveValue('1');
  await expect(page.getByText('设置已保存')).toHaveCount(0);
  await expect(ratio).toBeInViewport();
  expect(await app.services.settings.get()).toEqual(before);
  expect(settingsRows()).toBe(rowsBefore);
  await screenshot(page, 'refusals-3-settings');
});
