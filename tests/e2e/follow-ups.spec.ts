/**
 * 后续处置 end to end: the demo county's sealed draw with the demo results (problems approved, so follow-ups are open);
 * the clerk closes one with its note, and a close without the note is refused at the field with nothing written.
 */
import type { Page } from '@playwright/test';
import { afterMotion } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';
import { demoResults, sealedDraw } from './results-fixtures';

/** The open follow-ups, oldest due first, as the page lists them; the first one's id. */
async function openFollowUps(app: AppFixture, page: Page): Promise<number> {
  const { drawId } = await sealedDraw(app);
  demoResults(app, drawId);
  const open = app.services.results.followUps({ status: 'open', overdueOnly: false }).items;
  expect(open.length).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open('/follow-ups');
  await expect(page.getByTestId(`follow-up-${open[0].id}`)).toBeVisible();
  return open[0].id;
}

const closedOn = (app: AppFixture, id: number) =>
  app.db.conn.raw.prepare('SELECT closed_on FROM result_follow_ups WHERE id = ?').pluck().get(id);

test('closes a follow-up with its date and note', async ({ app, page }) => {
  const id = await openFollowUps(app, page);
  await screenshot(page, 'follow-ups-1-open');
  await page.getByTestId(`follow-up-close-${id}`).click();
  const dialog = page.getByTestId('follow-up-close');
  await dialog.getByTestId('follow-up-note').fill('经复查，已按要求完成整改。');
  await afterMotion(page);
  await screenshot(page, 'follow-ups-2-close');
  await dialog
    .getByRole('button', { name: '完 结' })
    .or(dialog.getByRole('button', { name: '完结' }))
    .click();
  await expect(page.getByTestId(`follow-up-${id}`)).toHaveCount(0);
  expect(closedOn(app, id)).toBe('2026-11-23');
  await page.getByText('已完结', { exact: true }).click();
  await expect(page.getByTestId(`follow-up-${id}`)).toContainText('经复查，已按要求完成整改。');
});

test('refuses to close a follow-up without its note', async ({ app, page }) => {
  const id = await openFollowUps(app, page);
  await page.getByTestId(`follow-up-close-${id}`).click();
  const dialog = page.getByTestId('follow-up-close');
  await dialog
    .getByRole('button', { name: '完 结' })
    .or(dialog.getByRole('button', { name: '完结' }))
    .click();
  await expect(dialog.getByText('请填写完结情况说明')).toBeVisible();
  await afterMotion(page);
  await screenshot(page, 'follow-ups-3-no-note');
  expect(closedOn(app, id)).toBeNull();
  await expect(dialog.getByTestId('follow-up-note')).toBeVisible();
});
