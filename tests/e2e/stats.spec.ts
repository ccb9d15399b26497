/**
 * 统计分析 end to end: the demo county's year with a sealed draw, results entered and some published; the clerk reads
 * the figures, hovers one for its formula and counts, exports the report; a year with nothing to count says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { afterMotion } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';
import { demoResults, sealedDraw } from './results-fixtures';

/** Publishes every reviewed result of the draw in one 抽查结果公告. */
function publishReviewed(app: AppFixture, taskId: number): void {
  const raw = app.db.conn.raw;
  const { lastInsertRowid } = raw
    .prepare(
      `INSERT INTO publications (kind, year, bureau_name, title, task_id, published_at, published_by, digest)
       VALUES ('抽查结果公告', 2026, '某县市场监督管理局', '抽查结果公告', ?, '2026-11-23T08:00:00.000Z', '测试', ?)`,
    )
    .run(taskId, 'a'.repeat(64));
  raw
    .prepare(
      `INSERT INTO publication_results (publication_id, result_id)
       SELECT ?, id FROM results WHERE task_id = ? AND state = '已审核'`,
    )
    .run(lastInsertRowid, taskId);
}

async function openStats(app: AppFixture, page: Page): Promise<void> {
  const { taskId, drawId } = await sealedDraw(app);
  demoResults(app, drawId);
  publishReviewed(app, taskId);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/stats');
  await expect(page.getByTestId('stats-figure-completionRate')).toBeVisible();
}

test('shows the figures with their formula on hover, and exports the report', async ({ app, page }) => {
  await openStats(app, page);
  const view = app.services.stats.view({ year: 2026 });
  const completion = view.rows[0].figures.find((f) => f.key === 'completionRate')!;
  await expect(page.getByTestId('stats-figure-completionRate')).toContainText(
    `${completion.numerator} ÷ ${completion.denominator}`,
  );
  await expect(page.getByTestId('stats-chart-months').locator('svg')).toBeVisible();
  await page.getByTestId('stats-figure-onTimeRate').hover();
  await expect(page.getByTestId('stats-tip-onTimeRate')).toContainText(
    '计算公式：在检查后规定工作日内首次公示的结果数',
  );
  await afterMotion(page);
  await screenshot(page, 'stats-1-figures');
  await page.mouse.move(0, 0);
  await page.getByTestId('stats-chart-grades').scrollIntoViewIfNeeded();
  await afterMotion(page);
  await screenshot(page, 'stats-3-charts');
  const pdf = join(app.db.dir, '统计分析.pdf');
  app.fileDialog.answer(pdf);
  await page.getByRole('button', { name: '导出报告（PDF）' }).click();
  await expect(page.getByText('已导出：统计分析.pdf')).toBeVisible({ timeout: 30_000 });
  expect(existsSync(pdf)).toBe(true);
});

test('a year with nothing to count says so instead of showing zeros', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/stats');
  await expect(page.getByTestId('stats-empty')).toHaveText('2026年度没有抽查任务，没有可统计的数据。');
  await expect(page.getByTestId('stats-figure-completionRate')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导出报告（PDF）' })).toBeDisabled();
  await screenshot(page, 'stats-2-empty');
});
