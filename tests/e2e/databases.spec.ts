/**
 * 打开其他数据库 / 新建数据库 from the home page: the page loads again over the other file, whose data it then shows;
 * a file that is not a database is refused at the card and the current database stays open.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './draw-fixtures';
import { expect, screenshot, test } from './harness';

test.use({ live: true });

test('a new practice database opens beside the real one, and the real one opens again', async ({ page, app }) => {
  await app.open('/');
  const info = page.getByTestId('app-info');
  await expect(info).toContainText(app.db.path);
  const practice = join(tempDir('ssj-practice-'), '练习.sqlite');
  app.fileDialog.answer(practice);
  await page.getByTestId('db-create').click();
  await expect(info).toContainText(practice);
  await expect(page.getByTestId('demo-offer')).toBeVisible();
  await page.getByTestId('app-info').scrollIntoViewIfNeeded();
  await screenshot(page, 'databases-practice');

  app.fileDialog.answer(app.db.path);
  await page.getByTestId('db-open').click();
  await expect(info).toContainText(app.db.path);
});

test('a file that is not a database is refused and the current one stays open', async ({ page, app }) => {
  await app.open('/');
  const notADatabase = join(tempDir('ssj-not-db-'), '名录.sqlite');
  writeFileSync(notADatabase, '这不是数据库文件。'.repeat(50));
  app.fileDialog.answer(notADatabase);
  await page.getByTestId('db-open').click();
  await expect(page.getByTestId('db-error')).toContainText('未能切换数据库');
  await expect(page.getByTestId('app-info')).toContainText(app.db.path);
  await page.getByTestId('db-error').scrollIntoViewIfNeeded();
  await screenshot(page, 'databases-refused');
});
