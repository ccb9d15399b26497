/**
 * First run, at 1366×768: an empty database opens on the home page's 开始使用 steps, none done, 创建管理员 first and
 * 机关信息 next; the administrator follows the bureau's link to 系统设置, enters the bureau and an office, and the step
 * is ticked on return.
 */
import { afterMotion } from './draw-fixtures';
import { expect, screenshot, test } from './harness';
import type { Page } from '@playwright/test';

/** The saved/added toasts have faded: a screenshot shows the page, not the messages over it. */
const toastsGone = (page: Page) => expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });

test.use({ viewport: { width: 1366, height: 768 }, bureau: false });

test('an empty database: 开始使用 lists the steps in order, none done, the 管理员 first', async ({ page, app }) => {
  await app.open('/');
  const card = page.getByTestId('getting-started');
  await expect(card).toContainText('已完成 0 / 7 步');
  const steps = card.locator('[data-testid^="step-"]');
  await expect(steps).toHaveText([
    /创建管理员账户/,
    /填写机关信息/,
    /导入检查事项清单/,
    /导入检查对象名录库/,
    /导入执法检查人员名录库/,
    /编制并公示年度抽查计划/,
    /完成第一次随机抽取/,
  ]);
  for (const key of ['admin', 'bureau', 'items', 'entities', 'inspectors', 'plan', 'draw'])
    await expect(card.getByTestId(`step-${key}`)).toHaveAttribute('data-done', 'false');
  await expect(card.getByTestId('step-admin').getByRole('button')).toHaveClass(/ant-btn-primary/);
  await screenshot(page, 'first-run-1-home');
});

test('entering the bureau in 系统设置 ticks the first step', async ({ page, app }) => {
  await app.open('/');
  await test.step('the first step leads to 系统设置, which says what waits for the bureau', async () => {
    await page
      .getByTestId('step-bureau')
      .getByRole('button', { name: /去系统设置/ })
      .click();
    await expect(page.getByTestId('page-title')).toHaveText('系统设置');
    await expect(page.getByTestId('bureau-not-set')).toContainText('不能公示年度抽查计划，也不能准备抽取');
    await expect(page.getByLabel('机关名称')).toHaveValue(''); // the placeholder is not offered as the bureau
    await expect(page.getByLabel('机关简称')).toHaveValue('');
    await screenshot(page, 'first-run-2-settings');
  });

  await test.step('both names are required, then saved', async () => {
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('请填写机关名称')).toBeVisible();
    await page.getByLabel('机关名称').fill('城关县市场监督管理局');
    await page.getByLabel('机关简称').fill('城关市监');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('设置已保存')).toBeVisible();
    await expect(page.getByTestId('bureau-not-set')).toBeHidden();
    expect(await app.services.settings.get()).toMatchObject({
      bureauName: '城关县市场监督管理局',
      bureauShortName: '城关市监',
      bureauSet: true,
    });
  });

  await test.step('an office is added to the bureau list', async () => {
    const offices = page.getByTestId('offices-section');
    await offices.getByTestId('office-name').fill('食品经营监管科');
    await offices.getByTestId('office-add').click();
    await expect(offices.locator('tr.ant-table-row')).toContainText(['食品经营监管科']);
    await offices.scrollIntoViewIfNeeded();
    await afterMotion(page);
    await toastsGone(page);
    await screenshot(page, 'first-run-3-offices');
    expect(await app.services.settings.offices()).toEqual([{ name: '食品经营监管科', kind: '局机关', used: 0 }]);
  });

  await test.step('back on the home page the bureau step is ticked; the 管理员 is still the next step', async () => {
    await page.getByTestId('nav').getByText('首页', { exact: true }).click();
    const card = page.getByTestId('getting-started');
    await expect(card.getByTestId('step-bureau')).toHaveAttribute('data-done', 'true');
    await expect(card).toContainText('已完成 1 / 7 步');
    await expect(card.getByTestId('step-admin').getByRole('button')).toHaveClass(/ant-btn-primary/);
    await toastsGone(page);
    await screenshot(page, 'first-run-4-home-ticked');
  });
});
