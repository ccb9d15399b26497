/**
 * Local accounts at 1366×768: the first 管理员 created in 系统设置, sign-in once accounts exist (a wrong password
 * refused in Chinese), a 查看 user refused a write by main, and 承诺 needing the supervisor's own password.
 */
import { confirmPopover } from './draw-fixtures';
import { drawPageFor, prepareOnPage } from './ceremony-fixtures';
import { signIn } from './users-fixtures';
import { expect, screenshot, test } from './harness';
import { countRows } from '../fixtures/test-db';
import { addUsers, PASSWORD } from '../fixtures/users';

test.use({ viewport: { width: 1366, height: 768 } });

test('the first 管理员 is created in 系统设置 and signed in at once', async ({ page, app }) => {
  await app.open('/');
  await expect(page.getByTestId('step-admin')).toHaveAttribute('data-done', 'false');
  await page
    .getByTestId('step-admin')
    .getByRole('button', { name: /去用户管理/ })
    .click();
  await expect(page.getByTestId('page-title')).toHaveText('系统设置');
  const section = page.getByTestId('users-section');
  await expect(section).toBeInViewport();
  await expect(section).toContainText('尚未创建用户：现在无需登录即可使用本程序。');
  await section.getByTestId('user-name').fill('王管理');
  await section.getByTestId('user-password').fill('短');
  await section.getByTestId('user-add').click();
  await expect(section).toContainText('新密码至少 8 个字符');
  await section.getByTestId('user-password').fill(PASSWORD);
  await section.getByTestId('user-repeat').fill(PASSWORD);
  await section.getByTestId('user-add').click();
  await expect(page.getByTestId('user-badge')).toContainText('王管理（管理员）');
  await expect(section.getByTestId('users-table')).toContainText('全部操作，包括用户管理和系统设置');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'users-1-settings');
});

test('once accounts exist the app asks for sign-in; a wrong password is refused in Chinese', async ({ page, app }) => {
  addUsers(app.services, [
    ['王管理', '管理员'],
    ['李操作', '操作员'],
  ]);
  await app.open('/');
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await signIn(page, '李操作', '不对的密码');
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    '用户名或密码不正确，未做任何更改（再错 4 次，账户将锁定 15 分钟）。',
  );
  await screenshot(page, 'users-2-sign-in-refused');
  await signIn(page, '李操作');
  await expect(page.getByTestId('user-badge')).toContainText('李操作（操作员）');
  await expect(page.getByTestId('page-title')).toHaveText('首页');
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
});

test('a 查看 user is refused a write by main, in Chinese, and nothing changes', async ({ page, app }) => {
  addUsers(app.services, [
    ['王管理', '管理员'],
    ['赵查看', '查看'],
  ]);
  await app.open('/settings');
  await signIn(page, '赵查看');
  await expect(page.getByTestId('user-badge')).toContainText('赵查看（查看）');
  const offices = countRows(app.db.conn.raw, 'offices');
  const audits = countRows(app.db.conn.raw, 'audit_log');
  // The form is there (a hidden button would not be a check): main refuses the call itself.
  await page.getByTestId('office-name').fill('综合执法大队');
  await page.getByTestId('office-add').click();
  await expect(page.getByTestId('office-error')).toHaveText(
    '用户「赵查看」的角色「查看」无权进行此操作（仅限管理员），已拒绝，未做任何更改。',
  );
  expect([countRows(app.db.conn.raw, 'offices'), countRows(app.db.conn.raw, 'audit_log')]).toEqual([offices, audits]);
  await page.getByTestId('office-error').scrollIntoViewIfNeeded();
  await screenshot(page, 'users-3-viewer-refused');
});

test('承诺 needs the supervisor’s own password, typed on the operator’s machine', async ({ page, app }) => {
  const { panel, taskId } = await drawPageFor(page, app, { name: '监督员确认测试' });
  addUsers(app.services, [
    ['王管理', '管理员'],
    ['张敏', '操作员'],
    ['刘强', '监督员'],
  ]);
  await page.reload();
  await signIn(page, '张敏');
  await prepareOnPage(panel);
  await expect(panel.getByTestId('commit-operator')).toHaveValue('张敏');
  await expect(panel.getByTestId('commit-operator')).toBeDisabled();
  await panel.getByTestId('commit-place').fill('县局三楼会议室');

  await test.step('the operator’s own account as supervisor is refused', async () => {
    await panel.getByTestId('commit-supervisor').fill('张敏');
    await panel.getByTestId('supervisor-password').fill(PASSWORD);
    await panel.getByTestId('draw-commit').click();
    await confirmPopover(page);
    await expect(
      page.getByText('承诺须由另一位监督员输入本人密码，不能使用操作人员本人的账户，未做任何更改。'),
    ).toBeVisible();
    await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  });

  await test.step('the supervisor types their password and 承诺 goes through with both names', async () => {
    await panel.getByTestId('commit-supervisor').fill('刘强');
    await panel.getByTestId('supervisor-password').fill(PASSWORD);
    await screenshot(page, 'users-4-commit-supervisor');
    await panel.getByTestId('draw-commit').click();
    await confirmPopover(page);
    await expect(panel.getByTestId('draw-state')).toHaveText('已承诺（见证中）');
    const commitment = page.getByTestId('draw-commitment');
    await expect(commitment).toContainText('张敏');
    await expect(commitment).toContainText('刘强');
    const row = app.db.conn.raw.prepare('SELECT operator, supervisor FROM draws WHERE task_id = ? AND state = ?');
    expect(row.get(taskId, 'committed')).toEqual({ operator: '张敏', supervisor: '刘强' });
  });
});
