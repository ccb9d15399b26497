/**
 * The frame at 1366×768, the most common county PC screen: every page of the navigation fits the width (no sideways
 * scrolling of the window, no margin around it) and the navigation stays in view when a long page scrolls.
 */
import { loadDemo } from './draw-fixtures';
import { expect, screenshot, test } from './harness';

test.use({ viewport: { width: 1366, height: 768 } });

test('every page fits 1366×768 with the navigation in view', async ({ page, app }) => {
  loadDemo(app); // full rosters and a plan: wide tables and long pages
  await app.open('/');
  const nav = page.getByTestId('nav');
  const labels = await nav.locator('.ant-menu-title-content').allTextContents();
  expect(labels.length).toBeGreaterThan(8);
  for (const label of labels) {
    await test.step(label, async () => {
      await nav.getByText(label, { exact: true }).click();
      await expect(page.getByTestId('page-title')).toHaveText(label);
      const frame = await page.evaluate(() => ({
        overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        bodyMargin: getComputedStyle(document.body).margin,
      }));
      expect(frame, `${label}: the window scrolls sideways or has a margin`).toEqual({
        overflowX: 0,
        bodyMargin: '0px',
      });
      await page.mouse.wheel(0, 5000);
      await expect(nav.getByText(label, { exact: true })).toBeInViewport();
      if (label === '检查对象名录库') await screenshot(page, 'layout-1366-entities-scrolled');
      await page.mouse.wheel(0, -5000);
    });
  }
  await screenshot(page, 'layout-1366-settings');
});

test('the 名称 column stays in view while the roster table scrolls sideways', async ({ page, app }) => {
  loadDemo(app);
  await app.open('/entities');
  const table = page.locator('.ant-table-content').first();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  const firstName = page.locator('.ant-table-row').first().locator('td').nth(1);
  const before = await firstName.boundingBox();
  await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await firstName.boundingBox()).toEqual(before);
  await expect(firstName).not.toBeEmpty();
  await screenshot(page, 'layout-1366-entities-sideways');
});
