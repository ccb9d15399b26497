/**
 * 回避关系 in the task editor at 1366×768: each side is picked from its roster by typing part of a name, the pair is
 * listed by name, saved as 执法证号 and code, and listed again when the task is reopened; a pair whose entity left the
 * roster is marked on the page and refused at 保存 with its code named, nothing saved until it is removed.
 */
import type { TaskConflict } from '@shared/domain/tasks';
import { demoTaskInput } from '../../src-main/demo/plan-demo';
import { afterMotion, loadDemo, TEST_YEAR } from './draw-fixtures';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test, type AppFixture } from './harness';

test.use({ viewport: { width: 1366, height: 768 } });

/** A draft task with these conflicts; `config` reads what is stored, `open` opens its editor on the plans page. */
function draftTask(page: Page, app: AppFixture, conflicts: TaskConflict[] = []) {
  const raw = app.db.conn.raw;
  const plan = app.services.plans.save({ year: TEST_YEAR, title: '回避关系测试计划' });
  const window = { startDate: `${TEST_YEAR}-11-01`, endDate: `${TEST_YEAR}-12-31` };
  const task = app.services.tasks.save(demoTaskInput(raw, plan.id, app.db.ctx.now(), { ...window, conflicts }));
  const config = () =>
    JSON.parse(raw.prepare('SELECT config FROM tasks WHERE id = ?').pluck().get(task.id) as string) as {
      conflicts: TaskConflict[];
    };
  const editor = page.getByTestId('task-editor');
  const open = async () => {
    await page.getByTestId(`task-edit-${task.id}`).click();
    await expect(editor).toBeVisible();
    await editor.getByTestId('task-conflicts').scrollIntoViewIfNeeded();
  };
  return { editor, config, open, url: `/plans?plan=${plan.id}` };
}

/** Types part of a name into a party picker and picks the option holding `key` (the dropdown closes by itself). */
async function pick(page: Page, select: Locator, typed: string, key: string, shot?: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(typed);
  const option = page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: key }).first();
  await expect(option).toBeVisible();
  if (shot) await screenshot(page, shot);
  await option.click();
  await expect(select).toContainText(key);
}

/** An on-duty inspector and an entity of the scope, as the rosters hold them. */
function parties(raw: import('better-sqlite3').Database) {
  const inspector = raw
    .prepare("SELECT badge_no AS badge, name, office FROM inspectors WHERE status = '在岗' ORDER BY badge_no LIMIT 1")
    .get() as { badge: string; name: string; office: string };
  const entity = raw
    .prepare(
      "SELECT coalesce(uscc, reg_no) AS code, name FROM entities WHERE length(name) >= 8 AND reg_status = '存续' ORDER BY id LIMIT 1",
    )
    .get() as { code: string; name: string };
  return { inspector, entity };
}

test('a 回避关系 is picked by name from the rosters, saved by key and listed by name again', async ({ page, app }) => {
  loadDemo(app, 1000);
  await page.clock.setFixedTime(app.db.ctx.now());
  const { inspector, entity } = parties(app.db.conn.raw);
  const { editor, config, open, url } = draftTask(page, app);
  await app.open(url);
  await open();
  const conflicts = editor.getByTestId('task-conflicts');

  await test.step('pick both sides by typing part of a name', async () => {
    await pick(page, conflicts.getByTestId('conflict-inspectors'), inspector.name, inspector.badge);
    await pick(
      page,
      conflicts.getByTestId('conflict-entities'),
      entity.name.slice(2, 6),
      entity.code,
      'avoidance-0-search',
    );
    await conflicts.getByTestId('conflict-reason').fill('配偶任该单位负责人');
    await conflicts.getByTestId('conflict-add').click();
    const row = conflicts.locator('tr.ant-table-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`${inspector.name}执法证号 ${inspector.badge} · ${inspector.office}`);
    await expect(row).toContainText(`${entity.name}代码 ${entity.code}`);
    await conflicts.getByTestId('conflict-add').scrollIntoViewIfNeeded();
    await afterMotion(page);
    await screenshot(page, 'avoidance-1-picked');
  });

  await test.step('the same pair cannot be added twice', async () => {
    await pick(page, conflicts.getByTestId('conflict-inspectors'), inspector.name, inspector.badge);
    await pick(page, conflicts.getByTestId('conflict-entities'), entity.name.slice(2, 6), entity.code);
    await expect(conflicts).toContainText('这对执法人员与检查对象已在回避关系中。');
    await expect(conflicts.getByTestId('conflict-add')).toBeDisabled();
  });

  await test.step('saved as 执法证号 and code; reopened, listed by name', async () => {
    await editor.getByTestId('task-save').click();
    await expect(editor).toBeHidden();
    expect(config().conflicts).toEqual([
      { inspector: inspector.badge, entity: entity.code, reason: '配偶任该单位负责人' },
    ]);
    await open();
    const row = editor.getByTestId('task-conflicts').locator('tr.ant-table-row');
    await expect(row).toContainText(inspector.name);
    await expect(row).toContainText(entity.name);
    await expect(row.locator('input')).toHaveValue('配偶任该单位负责人');
    await afterMotion(page);
    await screenshot(page, 'avoidance-2-reopened');
  });
});

test('a pair whose entity left the roster is marked and refused at 保存 until removed', async ({ page, app }) => {
  loadDemo(app, 1000);
  await page.clock.setFixedTime(app.db.ctx.now());
  const raw = app.db.conn.raw;
  const { inspector, entity } = parties(raw);
  const stored = { inspector: inspector.badge, entity: entity.code, reason: '' };
  const { editor, config, open, url } = draftTask(page, app, [stored]);
  // The roster changes after the save (an entity deleted).
  raw.prepare('DELETE FROM entities WHERE uscc = ? OR reg_no = ?').run(entity.code, entity.code);
  await app.open(url);
  await open();

  const row = editor.getByTestId('task-conflicts').locator('tr.ant-table-row');
  await expect(row).toContainText(`${entity.code}检查对象名录中没有此代码，请删除后重新选择`);
  await expect(row).toContainText(inspector.name);
  await editor.getByTestId('task-save').click();
  await expect(editor).toContainText(`代码 ${entity.code} 不在检查对象名录中，任务未保存。`);
  expect(config().conflicts).toEqual([stored]);
  await afterMotion(page);
  await screenshot(page, 'avoidance-3-unknown');

  await row.getByRole('button', { name: '删除回避关系' }).click();
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();
  expect(config().conflicts).toEqual([]);
});
