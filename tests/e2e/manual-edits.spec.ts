/**
 * Adding and removing by hand, end to end at 1366×768: an entity and an item added in a form, a never-drawn inspector
 * deleted, the delete of a drawn entity refused, another department's items retired together.
 */
import type { Page } from '@playwright/test';
import { usccCheckChar } from '@shared/domain/uscc';
import { confirmPopover, loadDemo, pageShot, pickOption } from './draw-fixtures';
import { expect, test, type AppFixture } from './harness';
import { sealedDraw } from './results-fixtures';
import { totalText } from './roster-fixtures';

const LAPTOP = { width: 1366, height: 768 };
const scalar = (app: AppFixture, sqlText: string, ...p: unknown[]) =>
  app.db.conn.raw
    .prepare(sqlText)
    .pluck()
    .get(...p);

async function openRoster(page: Page, app: AppFixture, route: string, roster: string) {
  await page.setViewportSize(LAPTOP);
  await app.open(route);
  const view = page.getByTestId(`roster-${roster}`);
  await expect(totalText(view)).toBeVisible();
  return view;
}

test('adds an entity in a form; a USCC another entity has is refused at the field', async ({ page, app }) => {
  loadDemo(app, 300);
  const view = await openRoster(page, app, '/entities', 'entities');
  const taken = scalar(app, 'SELECT uscc FROM entities WHERE uscc IS NOT NULL LIMIT 1') as string;
  await view.getByTestId('roster-new').click();
  const drawer = page.getByTestId('edit-drawer');
  await drawer.getByLabel('名称').fill('手工新增便利店');
  await drawer.getByLabel('统一社会信用代码').fill(taken);
  await drawer.getByTestId('edit-save').click();
  await expect(drawer.locator('#uscc_help')).toContainText('已被');
  await pageShot(page, 'manual-entity-duplicate');

  const body = '92469000MA5TGC0A1';
  await drawer.getByLabel('统一社会信用代码').fill(body + usccCheckChar(body));
  await drawer.getByTestId('edit-save').click();
  await expect(page.getByText('已新增“手工新增便利店”')).toBeVisible();
  expect(scalar(app, "SELECT count(*) FROM entities WHERE name = '手工新增便利店'")).toBe(1);
  await expect(totalText(view)).toHaveText('共 301 户');
});

test('adds an item in a form and opens it with its one check sub-item', async ({ page, app }) => {
  loadDemo(app, 100);
  await page.setViewportSize(LAPTOP);
  await app.open('/items');
  await page.getByTestId('items-new').click();
  const drawer = page.getByTestId('item-create');
  await drawer.getByTestId('item-create-save').click();
  await expect(drawer.locator('#compiler_help')).toContainText('编制单位不能为空');
  await drawer.getByLabel('编制单位').fill('县农业农村局');
  await drawer.getByLabel('抽查类别').fill('农药经营检查');
  await drawer.getByLabel('抽查事项').fill('农药经营许可情况的检查');
  await drawer.getByLabel('检查方式').fill('现场检查');
  await pageShot(page, 'manual-item-form');
  await drawer.getByTestId('item-create-save').click();
  const detail = page.getByTestId('item-drawer');
  await expect(detail).toContainText('农药经营许可情况的检查');
  await expect(detail.getByTestId('item-toggle-status')).toHaveText('停用此事项');
  expect(scalar(app, "SELECT status FROM items WHERE name = '农药经营许可情况的检查'")).toBe('启用');
  await pageShot(page, 'manual-item-created');
});

test('deletes an inspector no draw ever used', async ({ page, app }) => {
  loadDemo(app, 100);
  await app.services.rosters.create({ roster: 'inspectors', values: { badgeNo: 'SY-0001', name: '试用期人员' } });
  const view = await openRoster(page, app, '/inspectors', 'inspectors');
  await view.getByTestId('roster-search').locator('input').fill('试用期人员');
  await expect(totalText(view)).toHaveText('共 1 人');
  await pageShot(page, 'manual-inspectors');
  await view.getByRole('button', { name: '编辑' }).click();
  await page.getByTestId('edit-delete').click();
  await confirmPopover(page);
  await expect(page.getByText('已删除“试用期人员”')).toBeVisible();
  expect(scalar(app, "SELECT count(*) FROM inspectors WHERE badge_no = 'SY-0001'")).toBe(0);
  expect(scalar(app, "SELECT action FROM roster_changes WHERE roster = 'inspectors' ORDER BY id DESC LIMIT 1")).toBe(
    'delete',
  );
});

test('refuses to delete an entity a draw drew, and says what to do instead', async ({ page, app }) => {
  const { drawId } = await sealedDraw(app);
  const id = scalar(app, 'SELECT entity_id FROM draw_selected WHERE draw_id = ? LIMIT 1', drawId) as number;
  const uscc = scalar(app, 'SELECT coalesce(uscc, reg_no) FROM entities WHERE id = ?', id) as string;
  const view = await openRoster(page, app, '/entities', 'entities');
  await view.getByTestId('roster-search').locator('input').fill(uscc);
  await expect(totalText(view)).toHaveText('共 1 户');
  await view.getByTestId(`edit-${id}`).click();
  await page.getByTestId('edit-delete').click();
  await confirmPopover(page);
  await expect(page.getByTestId('edit-error')).toContainText('的抽取抽中了这户');
  await expect(page.getByTestId('edit-error')).toContainText('可将登记状态改为注销或吊销');
  await pageShot(page, 'manual-delete-refused');
  expect(scalar(app, 'SELECT count(*) FROM entities WHERE id = ?', id)).toBe(1);
});

test('retires another department’s items together after a confirm naming the count', async ({ page, app }) => {
  loadDemo(app, 100);
  for (const name of ['农药经营检查', '兽药经营检查', '种子经营检查'])
    await app.services.items.create({
      compiler: '县农业农村局',
      name,
      checkType: '',
      seqNo: '',
      category: '',
      targets: '',
      level: '一般',
      method: '',
      authority: '',
      basis: '',
      remarks: '',
    });
  await page.setViewportSize(LAPTOP);
  await app.open('/items');
  await pickOption(page, page.getByTestId('items-compiler'), '县农业农村局');
  await expect(totalText(page.getByTestId('items-page'))).toHaveText('共 3 项');
  await page.getByTestId('items-bulk-retire').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('停用「县农业农村局」的 3 个事项？');
  await pageShot(page, 'manual-items-bulk-confirm');
  await confirm.getByRole('button', { name: '停用 3 个事项' }).click();
  await expect(page.getByText('已停用 3 个事项。')).toBeVisible();
  expect(scalar(app, "SELECT count(*) FROM items WHERE compiler = '县农业农村局' AND status = '停用'")).toBe(3);
  expect(scalar(app, "SELECT count(*) FROM items WHERE compiler <> '县农业农村局' AND status = '停用'")).toBe(0);
  await expect(page.getByTestId('items-bulk-retire')).toBeDisabled();
  await pageShot(page, 'manual-items-retired');
});
