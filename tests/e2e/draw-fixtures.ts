/**
 * Helpers of the plan and draw e2e specs (plans.spec.ts, draw-ceremony.spec.ts): the demo county on the test's
 * database, published tasks made through the real services, antd controls driven like a clerk drives them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { TaskInput } from '@shared/domain/tasks';
// Loaded here through Playwright's TypeScript hook: services load the document renderers with a dynamic import(),
// which Node would otherwise resolve natively, outside the hook, and fail on the .ts source.
import '../../src-main/documents';
import { loadDemoData } from '../../src-main/demo/demo-data';
import { createDemoPlan } from '../../src-main/demo/plan-demo';
import { expect, screenshot, SCREENSHOTS, type AppFixture } from './harness';

/** The harness's clock (tests/fixtures/test-db.ts): every task window below contains it. */
export const TEST_YEAR = 2026;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The demo county (offices, entities, inspectors, experts, items), as 加载示例数据 writes it (here in this thread). */
export function loadDemo(app: AppFixture, entities = 3000): void {
  loadDemoData(app.db.conn.raw, { entities, actor: app.db.ctx.actor(), now: app.db.ctx.now() });
}

/** The demo task with `overrides`, added to the year's plan and published through the services; the task id. */
export function publishedTask(app: AppFixture, overrides: Partial<TaskInput> = {}): number {
  const window = { startDate: `${TEST_YEAR}-11-01`, endDate: `${TEST_YEAR}-12-31` };
  return createDemoPlan(app.services, app.db.conn.raw, app.db.ctx.now(), { ...window, ...overrides }).taskId;
}

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Picks an option of an antd Select by its label (again, if a click landed while the dropdown was still moving in). */
export async function pickOption(page: Page, select: Locator, label: string | RegExp, search?: string): Promise<void> {
  await expect(async () => {
    const option = openDropdown(page).locator('.ant-select-item-option').filter({ hasText: label }).first();
    if (!(await option.isVisible())) {
      await select.click();
      if (search) await select.locator('input').fill(search);
    }
    await option.click({ timeout: 2000 });
    await expect(select).toContainText(label, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press('Escape');
}

/** Types a date range into an antd RangePicker (start, Enter, end, Enter), as a clerk can. */
export async function fillRange(picker: Locator, start: string, end: string): Promise<void> {
  const inputs = picker.locator('input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(start);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(end);
  await inputs.nth(1).press('Enter');
  await expect(inputs.nth(0)).toHaveValue(start);
  await expect(inputs.nth(1)).toHaveValue(end);
}

/**
 * Clicks the OK button of the Popconfirm that is open, once it has stopped zooming in: Playwright checks where the
 * button is and then clicks there, and a button still growing can move out from under that point — the click then
 * lands on the popup beside it and nothing happens (seen on a loaded CI machine).
 */
export async function confirmPopover(page: Page): Promise<void> {
  const ok = page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
  await ok.waitFor(); // the popup exists (a click just now may not have made it yet) …
  await afterMotion(page); // … and has stopped zooming in
  await ok.click();
}

/**
 * Clicks the OK button of a Modal (found by the Modal's data-testid, or by `{ ok }`, the button's own), once it has
 * stopped moving (as confirmPopover).
 */
export async function confirmModal(page: Page, target: string | { ok: string }): Promise<void> {
  const ok =
    typeof target === 'string'
      ? page.getByTestId(target).locator('.ant-modal-footer .ant-btn-primary')
      : page.getByTestId(target.ok);
  await ok.waitFor();
  await afterMotion(page);
  await ok.click();
}

/** Waits until no dialog, drawer or popup is opening or closing (a screenshot then shows it, not a fading ghost). */
export async function afterMotion(page: Page): Promise<void> {
  const overlays = [
    '.ant-modal',
    '.ant-modal-mask',
    '.ant-drawer-content-wrapper',
    '.ant-drawer-mask',
    '.ant-popover',
    '.ant-select-dropdown',
  ];
  // Every phase of the motion (prepare, start, active) keeps its -appear / -enter / -leave class on.
  const moving = overlays.flatMap((o) => ['appear', 'enter', 'leave'].map((phase) => `${o}[class*="-${phase}"]`));
  await expect(page.locator(moving.join(', '))).toHaveCount(0);
}

/** The operator's whole page (it scrolls), for the record of what the clerk saw. */
export async function pageShot(page: Page, name: string): Promise<void> {
  await afterMotion(page);
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What the clerk sees in the window (the viewport, as `screenshot`), once every overlay has stopped moving. */
export async function settledShot(page: Page, name: string): Promise<void> {
  await afterMotion(page);
  await screenshot(page, name);
}

export interface WitnessEntry {
  name: string;
  role?: string;
  value: string;
  isPublic?: boolean;
}

/** Types a witness value into the form and submits it; the read-back dialog then asks the witness to check it. */
export async function typeWitness(panel: Locator, w: WitnessEntry): Promise<Locator> {
  const form = panel.getByTestId('witness-form');
  if (w.isPublic) await form.getByTestId('witness-kind').click();
  await form.getByTestId('witness-name').fill(w.name);
  if (w.role) await form.getByTestId('witness-role').fill(w.role);
  await form.getByTestId('witness-value').fill(w.value);
  await form.getByTestId('witness-add').click();
  const dialog = panel
    .page()
    .locator('.ant-modal-confirm')
    .filter({ has: panel.page().getByTestId('witness-readback') });
  await expect(dialog.getByTestId('witness-readback-value')).toHaveText(w.value.trim());
  await afterMotion(panel.page());
  return dialog;
}

/** A witness value entered and confirmed as read back. */
export async function enterWitness(panel: Locator, w: WitnessEntry): Promise<void> {
  const dialog = await typeWitness(panel, w);
  await dialog.getByRole('button', { name: '核对无误，录入' }).click();
  await expect(dialog).toBeHidden();
}
