/**
 * 操作日志 end to end: a log of people's changes; the clerk filters by person, by an action picked by its Chinese
 * name, by dates and by object, reads the total, and exports what the filters match (the xlsx read back). The page
 * fits 1366×768 without scrolling sideways.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { appendAuditRaw, type AuditRecord } from '../../src-main/audit/service';
import { afterMotion, fillRange, pickOption } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';

function seed(app: AppFixture): void {
  const raw = app.db.conn.raw;
  const add = (r: AuditRecord, at: string) => raw.transaction(() => appendAuditRaw(raw, r, new Date(at))).immediate();
  const long = '某县市场监督管理局城关市场监督管理所食品经营许可与日常监督检查科'.repeat(4);
  add(
    { actor: '张三', action: 'settings:set', target: 'settings', detail: { bureauName: { from: '旧局名', to: long } } },
    '2026-03-02T01:00:00Z',
  );
  add({ actor: '张三', action: 'draws:seal', target: 'draws:12', detail: { selected: 30 } }, '2026-03-03T02:00:00Z');
  add(
    { actor: '李四', action: 'results:correct', target: 'result:7', detail: { reason: '录入错误' } },
    '2026-03-05T03:00:00Z',
  );
  add(
    { actor: '李四', action: 'results:approve', target: 'results', detail: { resultIds: [7, 8] } },
    '2026-03-06T03:00:00Z',
  );
  for (let i = 1; i <= 120; i++) {
    add(
      {
        actor: '王五',
        action: 'roster:update',
        target: `entities:${i}`,
        detail: { reason: '更新联系电话' },
      },
      '2026-03-20T02:00:00Z',
    );
  }
}

const total = (page: Page) => page.getByTestId('audit-total');

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('filters by person, action, dates and object, shows the total, and exports what matches', async ({
  app,
  page,
}) => {
  seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/audit');
  await expect(total(page)).toHaveText('共 124 条');
  await expect(page.getByRole('button', { name: '显示更早的 100 条' })).toBeVisible();
  await afterMotion(page);
  await noSidewaysScroll(page);
  await screenshot(page, 'audit-1-all');

  await test.step('by person and by an action picked by its Chinese name', async () => {
    await pickOption(page, page.getByTestId('audit-actor'), '李四');
    await expect(total(page)).toHaveText('共 2 条');
    await pickOption(page, page.getByTestId('audit-action'), '更正检查结果', '更正');
    await expect(total(page)).toHaveText('共 1 条');
    await expect(page.getByTestId('audit-table')).toContainText('检查结果 7');
    await expect(page.getByTestId('audit-table')).toContainText('原因：录入错误');
  });

  await test.step('by dates and by object', async () => {
    await page.getByTestId('audit-actor').locator('.ant-select-clear').click({ force: true });
    await page.getByTestId('audit-action').locator('.ant-select-clear').click({ force: true });
    await expect(total(page)).toHaveText('共 124 条');
    await fillRange(page.locator('.audit-dates'), '2026-03-02', '2026-03-05');
    await expect(total(page)).toHaveText('共 3 条');
    await pickOption(page, page.getByTestId('audit-target-kind'), '抽取');
    await expect(total(page)).toHaveText('共 1 条');
    await page.getByTestId('audit-target-kind').locator('.ant-select-clear').click({ force: true });
    await expect(total(page)).toHaveText('共 3 条');
    await afterMotion(page);
    await noSidewaysScroll(page);
    await screenshot(page, 'audit-2-filtered');
  });

  await test.step('exports the three matching rows', async () => {
    const path = join(app.db.dir, '操作日志.xlsx');
    app.fileDialog.answer(path);
    await page.getByRole('button', { name: '导出（Excel）' }).click();
    await expect(page.getByText('已导出 3 条操作记录：操作日志.xlsx')).toBeVisible({ timeout: 30_000 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('操作日志')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(4).text).toBe('更正检查结果');
    expect(sheet.getRow(4).getCell(4).text).toBe('修改系统设置');
    expect(wb.getWorksheet('说明')!.getRow(2).getCell(2).text).toBe('日期：2026-03-02 至 2026-03-05');
  });
});

test('shows the rows written while the export runs, and 取消 leaves no file', async ({ app, page }) => {
  const raw = app.db.conn.raw;
  raw
    .transaction(() => {
      for (let i = 1; i <= 40_000; i++) {
        const r = { actor: '王五', action: 'roster:update', target: `entities:${i}`, detail: { reason: '更新电话' } };
        appendAuditRaw(raw, r, new Date('2026-03-20T02:00:00Z'));
      }
    })
    .immediate();
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/audit');
  await expect(total(page)).toHaveText('共 40,000 条');
  const path = join(app.db.dir, '操作日志-取消.xlsx');
  app.fileDialog.answer(path);
  await page.getByTestId('audit-export').click();
  const running = page.getByTestId('audit-export-progress');
  await expect(running).toContainText(/已写入 [1-9][\d,]* \/ 40,000 条/, { timeout: 30_000 });
  await noSidewaysScroll(page);
  await screenshot(page, 'audit-3-exporting');
  await page.getByTestId('audit-export-cancel').click();
  await expect(page.getByText('已取消导出，未写入文件。')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('audit-export')).toBeEnabled();
  expect(readdirSync(app.db.dir).filter((name) => name.includes('操作日志'))).toEqual([]);
  await expect(total(page)).toHaveText('共 40,000 条');
});
