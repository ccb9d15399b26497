/**
 * 信息公示 end to end: the demo county's sealed draw; the clerk previews its 抽查任务公告, publishes it and exports it
 * as xlsx and PDF (read back); a 抽查结果公告 with no reviewed result is refused in Chinese with nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { readPdf } from '../integration/documents/pdf-text';
import { afterMotion, confirmPopover, pickOption, tempDir } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';
import { sealedDraw } from './results-fixtures';

async function openPage(app: AppFixture, page: Page, tab = 'task'): Promise<{ taskId: number; drawId: number }> {
  const drawn = await sealedDraw(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(`/disclosure?tab=${tab}`);
  await expect(page.getByTestId('disclosure-page')).toBeVisible();
  return drawn;
}

const publications = (app: AppFixture) =>
  app.db.conn.raw.prepare('SELECT count(*) FROM publications').pluck().get() as number;

test('previews, publishes and exports a 抽查任务公告', async ({ app, page }) => {
  const { taskId } = await openPage(app, page);
  const number = app.db.conn.raw.prepare('SELECT number FROM tasks WHERE id = ?').pluck().get(taskId) as string;
  const title = '某县市场监督管理局2026年度第1号抽查任务公告';
  await test.step('preview', async () => {
    await pickOption(page, page.getByTestId('disclosure-task'), number);
    await expect(page.getByTestId('announcement-title')).toHaveText(title);
    await afterMotion(page);
    await screenshot(page, 'disclosure-1-preview');
  });
  await test.step('publish', async () => {
    await page.getByTestId('announcement-publish').click();
    await confirmPopover(page);
    await expect(page.getByTestId('announcement-published')).toContainText('测试操作员');
    expect(publications(app)).toBe(1);
    await afterMotion(page);
    await screenshot(page, 'disclosure-2-published');
  });
  await test.step('export', async () => {
    const dir = tempDir('disclosure-');
    app.fileDialog.answer(join(dir, 'a.xlsx'));
    await page.getByTestId('announcement-export-xlsx').click();
    await expect(page.getByText('已导出「a.xlsx」。')).toBeVisible();
    app.fileDialog.answer(join(dir, 'a.pdf'));
    await page.getByTestId('announcement-export-pdf').click();
    await expect(page.getByText('已导出「a.pdf」。')).toBeVisible();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    expect(wb.getWorksheet('抽查任务公告')!.getCell('A1').value).toBe(title);
    const pdf = await readPdf(readFileSync(join(dir, 'a.pdf')));
    expect(pdf.compact).toContain(title);
    expect(pdf.compact).toContain('公示时间');
  });
});

test('refuses a 抽查结果公告 with no reviewed result, writing nothing', async ({ app, page }) => {
  const { taskId } = await openPage(app, page, 'result');
  const number = app.db.conn.raw.prepare('SELECT number FROM tasks WHERE id = ?').pluck().get(taskId) as string;
  await pickOption(page, page.getByTestId('result-task'), number);
  await page.getByTestId('result-preview').click();
  await expect(page.getByText(`抽查任务${number}没有可以公示的已审核检查结果，不能公示。`)).toBeVisible();
  await afterMotion(page);
  await screenshot(page, 'disclosure-3-refused');
  expect(publications(app)).toBe(0);
  await expect(page.getByTestId('announcement-publish')).toHaveCount(0);
});

test('refuses a 公示 rule that would publish a phone number, at its field', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/settings');
  const rules = page.getByTestId('disclosure-rules');
  await rules.scrollIntoViewIfNeeded();
  await pickOption(page, rules.getByTestId('rule-phone'), '公示');
  await expect(rules.getByText('“联系电话”不能设为“公示”：个人隐私，一律不公示。').first()).toBeVisible();
  await rules.getByTestId('disclosure-rules-save').click();
  await expect(rules.locator('.ant-alert-error')).toContainText('“联系电话”不能设为“公示”');
  await afterMotion(page);
  await rules.getByTestId('rule-phone').scrollIntoViewIfNeeded();
  await screenshot(page, 'disclosure-4-rule-refused');
  expect(app.db.conn.raw.prepare("SELECT count(*) FROM settings WHERE key = 'disclosure'").pluck().get()).toBe(0);
});
