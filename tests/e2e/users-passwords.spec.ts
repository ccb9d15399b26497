/**
 * Passwords at 1366×768: 修改密码 from the header (a wrong current password refused at its field, what was typed kept,
 * then the new one in use) and 重置密码 by the 管理员, which also unlocks a locked account.
 */
import type { Page } from '@playwright/test';
import { afterMotion } from './draw-fixtures';
import { signIn } from './users-fixtures';
import { addUsers, PASSWORD } from '../fixtures/users';
import { expect, screenshot, test, type AppFixture } from './harness';

const NEW_PASSWORD = '新的密码2027';
test.use({ viewport: { width: 1366, height: 768 } });

const accounts = (app: AppFixture) =>
  addUsers(app.services, [
    ['王管理', '管理员'],
    ['李操作', '操作员'],
  ]);

/** Signs out from the header, then checks that only `password` now opens `name`'s account. */
async function onlyPasswordOpens(page: Page, name: string, old: string, password: string): Promise<void> {
  await page.getByTestId('sign-out').click();
  await signIn(page, name, old);
  await expect(page.getByTestId('sign-in-error')).toContainText('用户名或密码不正确');
  await signIn(page, name, password);
  await expect(page.getByTestId('user-badge')).toContainText(`${name}（`);
}

test('修改密码: a wrong current password is refused at its field, keeps what was typed, then the new one opens', async ({
  page,
  app,
}) => {
  accounts(app);
  await app.open('/');
  await signIn(page, '李操作');
  await page.getByTestId('change-password').click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await dialog.getByLabel('当前密码').fill('不对的密码');
  await dialog.getByLabel(/^新密码/).fill(NEW_PASSWORD);
  await dialog.getByLabel('再输入一次新密码').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: /^修\s?改$/ }).click();

  const current = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('当前密码') });
  await expect(current).toContainText('当前密码不正确，未做任何更改（再错 4 次，账户将锁定 15 分钟）。');
  await expect(dialog.locator('.ant-alert')).toHaveCount(0);
  await expect(dialog.getByLabel(/^新密码/)).toHaveValue(NEW_PASSWORD);
  await afterMotion(page);
  await screenshot(page, 'users-passwords-1-refused');
  await dialog.getByLabel('当前密码').fill(PASSWORD);
  await expect(current).not.toContainText('不正确');
  await dialog.getByRole('button', { name: /^修\s?改$/ }).click();
  await expect(page.getByText('密码已修改。')).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByTestId('change-password').click();
  await expect(dialog.getByLabel('当前密码')).toHaveValue('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: /^取\s?消$/ }).click();
  await onlyPasswordOpens(page, '李操作', PASSWORD, NEW_PASSWORD);
});

test('重置密码 by the 管理员: a repeat that differs is refused at its field; the new password unlocks', async ({
  page,
  app,
}) => {
  accounts(app);
  // The page tells a lock by its own clock: main's must be the same day for the lock to show.
  app.db.ctx.clock.now = new Date();
  for (let i = 0; i < 5; i++) expect(() => app.services.users.signIn({ name: '李操作', password: '错' })).toThrow();
  await app.open('/settings#users');
  await signIn(page, '王管理');
  const locked = page.getByTestId('users-table').locator('tr', { hasText: '李操作' });
  await expect(locked).toContainText('已锁定');
  await page.getByTestId('reset-李操作').click();
  const dialog = page.getByRole('dialog', { name: '重置密码' });
  await expect(dialog).toContainText('为「李操作」设置新密码');
  await dialog.getByTestId('reset-password').fill(NEW_PASSWORD);
  await dialog.getByTestId('reset-repeat').fill('另一个密码2027');
  await dialog.getByRole('button', { name: /^重\s?置$/ }).click();
  await expect(dialog).toContainText('两次输入的密码不一致');
  await afterMotion(page);
  await screenshot(page, 'users-passwords-2-repeat-refused');

  await dialog.getByTestId('reset-repeat').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: /^重\s?置$/ }).click();
  await expect(page.getByText('已重置「李操作」的密码，账户如被锁定也已解锁。')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(locked).toContainText('正常');
  await onlyPasswordOpens(page, '李操作', PASSWORD, NEW_PASSWORD);
});
