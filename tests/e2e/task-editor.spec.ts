/**
 * The task editor tells the truth, at 1366×768: a refused field's message and the error box go as soon as the clerk
 * corrects the field (not at the next save); a task with a draw shows what 准备 froze, not today's live counts.
 */
import type { DrawPreparation } from '@shared/domain/draws';
import { demoTaskInput } from '../../src-main/demo/plan-demo';
import { CEREMONY } from './ceremony-fixtures';
import { loadDemo, publishedTask, settledShot, TEST_YEAR } from './draw-fixtures';
import type { Page } from '@playwright/test';
import { expect, test, type AppFixture } from './harness';
import { messageOf, typeAndLeave } from './form-fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** A draft task opened in the editor. */
async function openDraftTask(page: Page, app: AppFixture) {
  loadDemo(app, 1000);
  await page.clock.setFixedTime(app.db.ctx.now());
  const plan = app.services.plans.save({ year: TEST_YEAR, title: `${TEST_YEAR}年度双随机抽查工作计划` });
  const task = app.services.tasks.save({
    ...demoTaskInput(app.db.conn.raw, plan.id, app.db.ctx.now()),
    startDate: `${TEST_YEAR}-11-01`,
    endDate: `${TEST_YEAR}-12-31`,
  });
  await app.open(`/plans?plan=${plan.id}`);
  await page.getByTestId(`task-edit-${task.id}`).click();
  const editor = page.getByTestId('task-editor');
  await expect(editor.getByTestId('task-team-size')).toHaveValue('2');
  return { editor, taskId: task.id };
}

test('a refused team size: its message and the error box go as soon as it is corrected', async ({ page, app }) => {
  const { editor } = await openDraftTask(page, app);
  const team = editor.getByTestId('task-team-size');
  await typeAndLeave(team, '1');
  await editor.getByTestId('task-save').click();
  await expect(editor.getByTestId('task-error')).toContainText('请先改正标红的内容。');
  await expect(messageOf(team)).toHaveText('每组至少 2 名执法人员');

  await typeAndLeave(team, '3');
  await expect(messageOf(team)).toHaveCount(0);
  await expect(editor.getByTestId('task-error')).toHaveCount(0);
  await settledShot(page, 'task-editor-1-corrected');
});

test('every grade at 0 is refused at the ratio, and the refusal goes when one grade is drawn again', async ({
  page,
  app,
}) => {
  const { editor } = await openDraftTask(page, app);
  for (const g of ['A', 'B', 'C', 'D', '未评级']) await typeAndLeave(editor.getByTestId(`ratio-${g}`), '0');
  const mode = editor.getByTestId('task-ratio-mode');
  await expect(messageOf(mode)).toHaveText('各信用等级的抽查比例不能都为 0');
  await editor.getByTestId('task-save').click();
  await expect(editor.getByTestId('task-error')).toBeVisible();
  await typeAndLeave(editor.getByTestId('ratio-D'), '30');
  await expect(messageOf(mode)).toHaveCount(0);
  await expect(editor.getByTestId('task-error')).toHaveCount(0);
});

test("the service's refusal is shown at its field, and goes when that field is corrected", async ({ page, app }) => {
  const { editor, taskId } = await openDraftTask(page, app);
  // The bureau raises its minimum while the editor is open: only the service knows.
  await app.services.settings.set({ minTeamSize: 3 });
  await editor.getByTestId('task-save').click();
  const team = editor.getByTestId('task-team-size');
  await expect(editor.getByTestId('task-error')).toContainText('每组至少 3 名执法人员');
  await expect(messageOf(team)).toContainText('每组至少 3 名执法人员');
  await settledShot(page, 'task-editor-2-service-refusal');
  // Another field changing leaves both: the team is still too small.
  await typeAndLeave(editor.getByTestId('task-package-size'), '4');
  await expect(editor.getByTestId('task-error')).toBeVisible();
  await typeAndLeave(team, '3');
  await expect(messageOf(team)).toHaveCount(0);
  await expect(editor.getByTestId('task-error')).toHaveCount(0);
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();
  expect(app.services.tasks.get(taskId).teamSize).toBe(3);
});

/** Entities added to the roster after 准备, inside the task's scope (copies of entities in it, under new numbers). */
function addEntitiesInScope(app: AppFixture, n: number): void {
  app.db.conn.raw
    .prepare(
      `INSERT INTO entities (uscc, reg_no, name, entity_type, industry, address, area, office, legal_rep, phone,
         credit_grade, reg_status, tags, last_inspected_on, flags, created_at, updated_at)
       SELECT NULL, 'E2E' || id, name || '二店', entity_type, industry, address, area, office, legal_rep, phone,
         credit_grade, reg_status, tags, NULL, flags, created_at, updated_at
       FROM entities WHERE reg_status = '存续' AND industry IN ('食品销售', '餐饮服务') ORDER BY id LIMIT ?`,
    )
    .run(n);
}

const frozenOf = (app: AppFixture, taskId: number): DrawPreparation =>
  JSON.parse(
    app.db.conn.raw
      .prepare("SELECT summary FROM draws WHERE task_id = ? AND state != 'voided'")
      .pluck()
      .get(taskId) as string,
  ) as DrawPreparation;

test('a committed task opens locked with the figures 准备 froze, after the roster has grown', async ({ page, app }) => {
  loadDemo(app, 1000);
  await page.clock.setFixedTime(app.db.ctx.now());
  const taskId = publishedTask(app);
  const { id } = await app.services.draws.prepare({ taskId });
  app.services.draws.commit({ drawId: id, ...CEREMONY });
  addEntitiesInScope(app, 40);
  const frozen = frozenOf(app, taskId);
  const task = app.services.tasks.get(taskId);
  const live = app.services.tasks.scopePreview({
    scope: task.scope,
    excludeRecentYears: task.excludeRecentYears,
    ratio: task.ratio,
    startDate: task.startDate,
  });
  expect(live.total).toBe(frozen.candidates + 40);

  await app.open(`/plans?plan=${task.planId}`);
  await page.getByTestId(`task-edit-${taskId}`).click();
  const editor = page.getByTestId('task-editor');
  const panel = editor.getByTestId('frozen-scope');
  await expect(panel.getByTestId('frozen-total')).toHaveAttribute('data-count', String(frozen.candidates));
  await expect(panel.getByTestId('frozen-expected')).toHaveAttribute('data-count', String(frozen.quota));
  await expect(panel.getByTestId('frozen-pool')).toHaveAttribute('data-count', String(frozen.inspectors));
  for (const s of frozen.strata)
    await expect(panel.getByTestId(`frozen-stratum-${s.name}`)).toContainText(
      `${s.candidates.toLocaleString('zh-CN')} 户`,
    );
  await expect(panel.getByTestId('frozen-at')).toContainText('准备时冻结');
  await expect(panel.getByTestId('frozen-at')).toContainText('名录此后的变化不影响这次抽取');
  await expect(editor.getByTestId('scope-preview')).toHaveCount(0);
  await expect(editor.getByTestId('task-save')).toBeDisabled();
  await expect(editor.getByTestId('task-team-size')).toBeDisabled();
  await settledShot(page, 'task-editor-3-locked-frozen');
});

test('a prepared task stays editable, says saving voids the preparation, and shows both frozen and live', async ({
  page,
  app,
}) => {
  loadDemo(app, 1000);
  await page.clock.setFixedTime(app.db.ctx.now());
  const taskId = publishedTask(app);
  await app.services.draws.prepare({ taskId });
  addEntitiesInScope(app, 25);
  const frozen = frozenOf(app, taskId);
  await app.open(`/plans?plan=${app.services.tasks.get(taskId).planId}`);
  await page.getByTestId(`task-edit-${taskId}`).click();
  const editor = page.getByTestId('task-editor');
  await expect(editor.getByTestId('task-prepared-notice')).toContainText('这次准备将作废');
  await expect(editor.getByTestId('frozen-total')).toHaveAttribute('data-count', String(frozen.candidates));
  await expect(editor.getByTestId('scope-total')).toHaveAttribute('data-count', String(frozen.candidates + 25));
  await expect(editor.getByTestId('task-save')).toBeEnabled();
  await settledShot(page, 'task-editor-4-prepared');
});
