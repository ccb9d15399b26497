/**
 * 检查结果录入 end to end: a sealed draw's entities listed with their state; one paper sheet entered by keyboard only
 * (Enter between fields, 全部符合 on Alt+A, 提交 on Ctrl+Enter), a refusal shown at its field, the draft kept across a
 * reload, then reviewed; and filled workbooks imported through a preview that names the bad sheet.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { drawAndSeal } from '../fixtures/county';
import { spoiledWorkbook } from '../integration/results/workbooks';
import { afterMotion, loadDemo, pageShot, publishedTask, tempDir } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * A published task drawn and sealed through the services; the draw id. Packages are dealt without area clusters, so
 * they hold three entities each whatever the seed; by area most would hold one, and a workbook needs two sheets.
 */
async function sealedDraw(app: AppFixture): Promise<number> {
  loadDemo(app, 600);
  const taskId = publishedTask(app, {
    name: '结果录入测试任务',
    ratio: { mode: 'uniform', bp: 2000 },
    clusterBy: 'none',
  });
  return drawAndSeal(app.services, taskId);
}

const status = (page: Page) => page.getByTestId('save-status');

test('enters one paper sheet by keyboard, keeps the draft across a reload, submits and reviews it', async ({
  app,
  page,
}) => {
  const drawId = await sealedDraw(app);
  const first = app.services.results.entities({ drawId })[0];
  await app.open('/results');
  await expect(page.getByTestId('task-counts')).toContainText('未录入');
  await screenshot(page, 'results-list');
  await page.getByRole('button', { name: first.name }).click();
  const date = page.getByLabel('检查日期');

  await test.step('a date that is not a date is refused at its field, and the text stays', async () => {
    await expect(date).toBeFocused();
    await page.keyboard.type('2026-13-45');
    await expect(page.getByTestId('problem-inspectedOn')).toContainText('不是有效的日期');
    await expect(status(page)).toContainText('未能保存');
    await expect(date).toHaveValue('2026-13-45');
  });

  await test.step('全部符合 on Alt+A; 提交 refused while 核查方式 is empty', async () => {
    await date.press('Control+A');
    await page.keyboard.type('2026-11-24');
    await page.keyboard.press('Alt+A');
    await expect(page.getByRole('radio', { name: '符合', exact: true }).first()).toBeChecked();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('problem-methods')).toContainText('请选择核查方式');
    await expect(page.getByText('提交未成功')).toBeVisible();
    await expect(status(page)).toContainText('已保存');
    await screenshot(page, 'results-entry-refused');
  });

  await test.step('Enter moves from field to field; Space ticks 实地检查; the draft is saved', async () => {
    await date.focus();
    await page.keyboard.press('Enter'); // → 到场检查人员
    await page.keyboard.press('Enter'); // → 核查方式
    await expect(page.getByRole('checkbox', { name: '实地检查' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(status(page)).toContainText('已保存');
  });

  await test.step('a reload finds the draft as typed', async () => {
    await page.reload();
    await expect(page.getByLabel('检查日期')).toHaveValue('2026-11-24');
    await expect(page.getByRole('checkbox', { name: '实地检查' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '未发现问题', exact: true })).toBeChecked();
    await expect(page.getByTestId('result-state')).toHaveText('未录入');
  });

  await test.step('Ctrl+Enter enters it; Alt+N opens the next entity', async () => {
    await page.getByLabel('检查日期').focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('result-state')).toHaveText('已录入');
    await screenshot(page, 'results-entry-entered');
    await pageShot(page, 'results-entry-whole');
    await page.keyboard.press('Alt+N');
    await expect(page.getByTestId('entry-view')).not.toContainText(first.name);
    await expect(page.getByLabel('检查日期')).toHaveValue('');
  });

  await test.step('审核通过 from the list shows the reviewer and time', async () => {
    await page.getByRole('button', { name: '返回列表' }).click();
    const row = page.locator('tr', { hasText: first.name });
    await row.getByRole('button', { name: '审核通过' }).click();
    await expect(row.getByTestId('result-state')).toHaveText('已审核');
    await expect(row).toContainText('测试操作员');
    await screenshot(page, 'results-reviewed');
  });
});

test('imports a filled workbook: the preview names the bad sheet, 确认导入 enters the rest', async ({ app, page }) => {
  const drawId = await sealedDraw(app);
  const {
    path: file,
    pkg,
    badSheet,
    badCell,
  } = await spoiledWorkbook(app.db.conn.raw, drawId, tempDir('ssj-results-'));

  await app.open(`/results?draw=${drawId}`);
  await page.getByRole('button', { name: '导入填好的一户一表' }).click();
  app.fileDialog.answer([file]);
  await page.getByRole('button', { name: '选择工作簿' }).click();
  await expect(page.getByTestId('import-running')).toBeVisible();
  await expect(page.getByTestId('import-cancel')).toBeVisible();
  const problems = page.getByTestId('import-problems');
  // The worker's first start compiles its sources (tsx) on a loaded machine: allow it time.
  await expect(problems).toContainText(badSheet, { timeout: 60_000 });
  await expect(problems).toContainText(badCell);
  await expect(problems).toContainText('基本符合');
  await expect(page.getByTestId('import-counts')).toContainText(String(pkg.entities.length - 1));
  await expect(page.getByTestId('import-running')).toHaveCount(0);
  expect(app.services.results.entities({ drawId, state: '已录入' })).toHaveLength(0);
  await afterMotion(page);
  await screenshot(page, 'results-import-preview');
  await page.getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByTestId('task-counts')).toContainText(`已录入 ${pkg.entities.length - 1}`);
  expect(app.services.results.entities({ drawId, state: '已录入' })).toHaveLength(pkg.entities.length - 1);
});

test('cancels a preview under way: the dialog says so and nothing is written', async ({ app, page }) => {
  const drawId = await sealedDraw(app);
  const dir = tempDir('ssj-results-');
  const { path: file } = await spoiledWorkbook(app.db.conn.raw, drawId, dir);
  const copies = Array.from({ length: 300 }, (_, i) => join(dir, `副本${i + 1}.xlsx`));
  for (const copy of copies) copyFileSync(file, copy);

  await app.open(`/results?draw=${drawId}`);
  await page.getByRole('button', { name: '导入填好的一户一表' }).click();
  app.fileDialog.answer(copies);
  await page.getByRole('button', { name: '选择工作簿' }).click();
  const text = page.getByTestId('import-progress-text');
  await expect(text).toContainText(/已读 [1-9]\d*\/300 个/, { timeout: 60_000 });
  await screenshot(page, 'results-import-running');
  await page.getByTestId('import-cancel').click();
  await expect(page.getByText('已取消预览，没有写入任何内容。')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-running')).toHaveCount(0);
  await expect(page.getByTestId('import-counts')).toHaveCount(0);
  expect(app.services.results.entities({ drawId, state: '已录入' })).toHaveLength(0);
});
