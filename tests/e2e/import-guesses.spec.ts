/**
 * Imports say what they guessed, at 1366×768: a status read by synonym (退休 → 调离) is shown in the preview as a
 * mapping the clerk changes, and the finished import lists what was applied; a published item list chosen on the
 * entity roster page is refused with what it is, before any column is mapped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshot, test } from './harness';
import { HAINAN, openImportDialog, pickOption } from './roster-fixtures';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssj-e2e-guesses-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.beforeEach(async ({ page }) => page.setViewportSize({ width: 1366, height: 768 }));

test('a status read by synonym is shown in the preview, changed by the clerk, and stored as chosen', async ({
  page,
  app,
}) => {
  const file = join(dir, '执法人员名单.csv');
  writeFileSync(
    file,
    [
      '执法证号,姓名,所属单位,人员状态',
      'ZF001,张建华,城关市场监管所,在岗',
      'ZF002,李秀梅,城关市场监管所,退休',
      'ZF003,王立新,东关市场监管所,退休',
      'ZF004,赵文静,东关市场监管所,病假',
    ].join('\n'),
  );
  await app.open('/inspectors');
  const dialog = await openImportDialog(page, app, 'inspectors', file);
  await dialog.getByTestId('import-preview').click();
  const mappings = dialog.getByTestId('value-mappings');
  const retired = dialog.getByTestId('value-choice-status-退休');

  await test.step('the preview lists each guessed value with its rows, not the exact ones', async () => {
    await expect(mappings).toContainText('2 个取值不是标准写法，已按近义词对应，请核对');
    await expect(mappings.locator('.ant-table-row')).toHaveCount(2);
    await expect(mappings).toContainText('「退休」');
    await expect(mappings).toContainText('「病假」');
    await expect(mappings).not.toContainText('「在岗」');
    await expect(retired).toContainText('「调离」（自动识别）');
    await screenshot(page, 'import-guesses-1-preview');
  });

  await test.step('the clerk maps 退休 to 在岗 and confirms', async () => {
    await pickOption(page, retired, '「在岗」');
    await screenshot(page, 'import-guesses-2-changed');
    await dialog.getByTestId('import-confirm').click();
    const done = dialog.getByTestId('import-done');
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done.getByTestId('value-mappings')).toContainText('「在岗」（自动识别为「调离」，已按您的选择改）');
    await done.getByTestId('value-mappings').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-guesses-3-done');
  });

  const stored = app.db.conn.raw.prepare('SELECT badge_no, status FROM inspectors ORDER BY badge_no').all();
  expect(stored).toEqual([
    { badge_no: 'ZF001', status: '在岗' },
    { badge_no: 'ZF002', status: '在岗' },
    { badge_no: 'ZF003', status: '在岗' },
    { badge_no: 'ZF004', status: '请假' },
  ]);
});

test('the rows of a guessed value the clerk does not accept are left out, and the button says how many', async ({
  page,
  app,
}) => {
  const file = join(dir, '执法人员-病假.csv');
  writeFileSync(file, ['执法证号,姓名,人员状态', 'ZF011,孙丽,病假', 'ZF012,周强,在岗'].join('\n'));
  await app.open('/inspectors');
  const dialog = await openImportDialog(page, app, 'inspectors', file);
  await dialog.getByTestId('import-preview').click();
  await pickOption(page, dialog.getByTestId('value-choice-status-病假'), '不导入这些行');
  await expect(dialog.getByTestId('import-confirm')).toContainText('确认导入（1 行按取值不导入）');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-done')).toContainText('新增 1 条');
  await expect(dialog.getByTestId('import-problems')).toContainText('状态为“病假”的行按您的选择不导入');
  expect(app.db.conn.raw.prepare('SELECT badge_no FROM inspectors').pluck().all()).toEqual(['ZF012']);
});

test('an item list chosen on the entity roster page is refused with what it is, nothing written', async ({
  page,
  app,
}) => {
  await app.open('/entities');
  const dialog = await openImportDialog(page, app, 'entities', HAINAN);
  const error = dialog.getByTestId('import-error');
  await expect(error).toContainText('这是随机抽查事项清单，不是检查对象名录库');
  await expect(error).toContainText('请在“检查事项清单”页面导入。');
  await expect(dialog.getByTestId('import-mapping')).toHaveCount(0);
  await expect(dialog.getByTestId('import-choose')).toBeVisible();
  await screenshot(page, 'import-guesses-wrong-kind');
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
});
