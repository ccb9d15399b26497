/**
 * 用户管理 at 1366×768, signed in as the 管理员: changing another account's role, 停用 (the account then cannot sign
 * in), deleting only an account nobody has used, and one's own row offering none of these.
 */
import type { Page } from '@playwright/test';
import { afterMotion, confirmPopover } from './draw-fixtures';
import { signIn } from './users-fixtures';
import { addUsers, PASSWORD } from '../fixtures/users';
import { expect, screenshot, test, type AppFixture } from './harness';

test.use({ viewport: { width: 1366, height: 768 } });

/** 王管理 (管理员), 李操作 (操作员, who has changed his password: named in the log) and 赵查看 (never used). */
function accounts(app: AppFixture): void {
  addUsers(app.services, [
    ['王管理', '管理员'],
    ['李操作', '操作员'],
    ['赵查看', '查看'],
  ]);
  const users = app.services.users;
  users.signIn({ name: '李操作', password: PASSWORD });
  users.changePassword({ oldPassword: PASSWORD, password: PASSWORD });
  users.signOut();
}

async function openUsers(page: Page, app: AppFixture) {
  accounts(app);
  await app.open('/settings#users');
  await signIn(page, '王管理');
  const table = page.getByTestId('users-table');
  await expect(table).toContainText('赵查看');
  await table.scrollIntoViewIfNeeded();
  return table;
}

const row = (app: AppFixture, name: string) =>
  app.db.conn.raw.prepare('SELECT role, disabled_at IS NOT NULL AS disabled FROM users WHERE name = ?').get(name);

test('a 管理员 changes another account’s role after confirming it', async ({ page, app }) => {
  const table = await openUsers(page, app);
  await table.getByTestId('role-赵查看').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('录入员').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('将「赵查看」的角色由查看改为录入员？');
  await afterMotion(page);
  await confirm.getByRole('button', { name: '修改角色' }).click();
  await expect(page.getByText('已将「赵查看」的角色改为录入员。')).toBeVisible();
  await expect(table.getByTestId('role-赵查看')).toContainText('录入员');
  expect(row(app, '赵查看')).toEqual({ role: '录入员', disabled: 0 });
});

test('停用 keeps a used account’s name, which then cannot sign in; only a never-used one is deleted', async ({
  page,
  app,
}) => {
  const table = await openUsers(page, app);
  await expect(table.getByTestId('delete-李操作')).toBeDisabled();
  await table.getByTestId('disable-李操作').click();
  await confirmPopover(page);
  await expect(table.locator('tr', { hasText: '李操作' })).toContainText('已停用');
  await table.getByTestId('delete-赵查看').click();
  await confirmPopover(page);
  await expect(table).not.toContainText('赵查看');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await screenshot(page, 'users-admin-1-disabled');
  expect(row(app, '李操作')).toEqual({ role: '操作员', disabled: 1 });

  await page.getByTestId('sign-out').click();
  await signIn(page, '李操作');
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    '账户「李操作」已停用，不能登录或确认操作；如需使用，请管理员启用。',
  );
});

test('one’s own row offers no role change, 停用 or 删除', async ({ page, app }) => {
  const table = await openUsers(page, app);
  const own = table.locator('tr', { hasText: '王管理（本人）' });
  await expect(own).toBeVisible();
  await expect(own.getByRole('combobox')).toBeDisabled();
  await expect(own.getByTestId('disable-王管理')).toHaveCount(0);
  await expect(own.getByTestId('delete-王管理')).toHaveCount(0);
});
