/**
 * 一户一表 end to end at 1366×768: a clerk picks a sealed draw, sees its 名单包 and teams, exports all its sheets into a
 * folder chosen through the (test's) folder dialog, watches the progress and then reads the names of the files
 * written; a larger export is cancelled and leaves no file behind. Before any draw is sealed the page says what to
 * do first.
 */
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_WITNESSES } from '@shared/domain/draws';
import type { TaskInput } from '@shared/domain/tasks';
import { SMALL_TASK, CEREMONY } from './ceremony-fixtures';
import { loadDemo, pageShot, pickOption, publishedTask, tempDir } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';

test.use({ viewport: { width: 1366, height: 768 } });

/** A published task drawn and sealed through the services (the draw page's own spec covers the ceremony). */
async function sealedTask(app: AppFixture, overrides: Partial<TaskInput>): Promise<number> {
  const draws = app.services.draws;
  const { id } = await draws.prepare({ taskId: publishedTask(app, overrides) });
  draws.commit({ drawId: id, ...CEREMONY });
  for (const witness of DEMO_WITNESSES) draws.witness({ drawId: id, ...witness });
  await draws.reveal({ drawId: id });
  await draws.seal({ drawId: id });
  return id;
}

const LARGE_TASK = { ...SMALL_TASK, name: '餐饮服务单位扩大抽查', ratio: { mode: 'fixed' as const, count: 60 } };

async function exportTo(page: Page, app: AppFixture, dir: string, format: '仅 PDF' | 'PDF 和 Excel') {
  const card = page.getByTestId('sheets-export');
  await card.getByText(format, { exact: true }).click();
  app.fileDialog.answer(dir);
  await card.getByTestId('sheets-export-start').click();
}

/** The page once the export button is back from its loading state, scrolled to the top, as the clerk sees it. */
async function settledShot(page: Page, name: string) {
  await expect(page.getByTestId('sheets-export-start')).not.toHaveClass(/ant-btn-loading/);
  await page.evaluate(() => window.scrollTo(0, 0));
  const button = page.getByTestId('sheets-export-start');
  await expect.poll(() => button.evaluate((b) => b.getAnimations({ subtree: true }).length)).toBe(0);
  await screenshot(page, name);
}

test('before any draw is sealed, the page says what to do first', async ({ page, app }) => {
  await app.open('/sheets');
  await expect(page.getByTestId('sheets-none')).toContainText('请先在「年度抽查计划」中编制并公示计划');
  await expect(page.getByTestId('sheets-draw-select')).toHaveClass(/ant-select-disabled/);
  await screenshot(page, 'sheets-0-none');
});

test('a clerk exports a sealed draw: progress, then the names of the files written', async ({ page, app }) => {
  loadDemo(app);
  const drawId = await sealedTask(app, SMALL_TASK);
  await app.open('/sheets');
  const view = app.services.sheets.draws()[0];
  expect(view.drawId).toBe(drawId);
  await expect(page.getByTestId('sheets-task-number')).toHaveText(view.taskNumber);
  await expect(page.getByTestId('sheets-entities')).toHaveText(`${view.entities} 户`);
  const rows = page.getByTestId('sheets-packages').locator('tbody tr');
  await expect(rows).toHaveCount(view.packages.length);
  await expect(rows.first()).toContainText(view.packages[0].team[0].name);
  await pageShot(page, 'sheets-1-draw');

  const dir = tempDir('ssj-e2e-sheets-');
  await exportTo(page, app, dir, 'PDF 和 Excel');
  await expect(page.getByTestId('sheets-running')).toBeVisible();
  await expect(page.getByTestId('sheets-progress-text')).toContainText(/已写入 \d+\/5 个文件/);
  await expect(page.getByTestId('sheets-done')).toContainText('已导出 5 个文件到文件夹', { timeout: 60_000 });
  expect(app.fileDialog.shown.at(-1)).toMatchObject({ mode: 'folder', title: '选择保存一户一表的文件夹' });
  const written = readdirSync(dir).sort();
  expect(written).toHaveLength(5);
  const listed = await page.getByTestId('sheets-files').locator('.ant-list-item').allInnerTexts();
  expect([...listed].sort()).toEqual(written);
  await expect(page.getByTestId('sheets-files')).not.toContainText(dir); // names only, never the path
  await settledShot(page, 'sheets-2-done');

  // The same folder again: refused before anything is written, and said so.
  await exportTo(page, app, dir, 'PDF 和 Excel');
  await expect(page.getByTestId('sheets-failed')).toContainText('为免覆盖，未写入任何文件');
  expect(readdirSync(dir).sort()).toEqual(written);
  await settledShot(page, 'sheets-3-exists');
});

test('a clerk leaves a long export, comes back, cancels it, and no file of it is left', async ({ page, app }) => {
  loadDemo(app);
  await sealedTask(app, SMALL_TASK);
  const large = await sealedTask(app, LARGE_TASK);
  await app.open('/sheets');
  const view = app.services.sheets.draws().find((d) => d.drawId === large)!;
  await pickOption(page, page.getByTestId('sheets-draw-select'), view.taskName);
  await expect(page.getByTestId('sheets-entities')).toHaveText(`${view.entities} 户`);

  const dir = tempDir('ssj-e2e-sheets-cancel-');
  // Both formats: the export must still be running after the trip away and back, or 取消 comes too late to test.
  await exportTo(page, app, dir, 'PDF 和 Excel');
  await expect(page.getByTestId('sheets-progress-text')).toContainText(/已写入 [1-9]\d*\/\d+ 个文件/, {
    timeout: 60_000,
  });
  // Away to another page and back: the export is still there, with its progress and 取消.
  const nav = page.getByTestId('nav');
  await nav.getByText('首页', { exact: true }).click();
  await expect(page.getByTestId('page-title')).toHaveText('首页');
  await nav.getByText('一户一表', { exact: true }).click();
  await expect(page.getByTestId('sheets-draw-select')).toContainText(view.taskName);
  await expect(page.getByTestId('sheets-progress-text')).toContainText(/已写入 [1-9]\d*\/\d+ 个文件/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'sheets-4-running');
  await page.getByTestId('sheets-export-cancel').click();
  await expect(page.getByTestId('sheets-cancelled')).toContainText('已删除', { timeout: 60_000 });
  expect(readdirSync(dir)).toEqual([]);
  await settledShot(page, 'sheets-5-cancelled');
});
