/**
 * 备份与恢复 in 系统设置, at 1366×768: the backups beside the database are listed with their kind, 保留天数 is saved, a
 * backup is written to the folder the clerk chooses, and a restore first shows what the backup holds — while a backup
 * from a newer version is refused in Chinese with the database file untouched.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { dailyBackup } from '../../src-main/backups/daily';
import { makeBackup } from '../../src-main/backups/copy';
import { tempDir } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function openSection(app: AppFixture, page: import('@playwright/test').Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await dailyBackup(app.db.conn.raw, app.db.path, new Date('2026-11-23T00:30:00Z'));
  await app.open('/settings');
  const section = page.getByTestId('backups-section');
  await section.scrollIntoViewIfNeeded();
  return section;
}

test('the section lists the backups, saves 保留天数 and backs up to a chosen folder', async ({ app, page }) => {
  const section = await openSection(app, page);
  await expect(section.getByTestId('backup-folder')).toContainText('备份');
  await expect(section.getByTestId('backup-list')).toContainText('每日自动');
  await expect(section.getByTestId('backup-list')).toContainText('2026/11/23 08:30:00');

  await section.getByTestId('keep-days').fill('14');
  await section.getByTestId('keep-days-save').click();
  await expect(page.getByText('每日自动备份保留 14 天。')).toBeVisible();
  const stored = app.db.conn.raw.prepare("SELECT value FROM settings WHERE key = 'backupKeepDays'").pluck().get();
  expect(stored).toBe('14');

  const dir = tempDir('ssj-e2e-backup-');
  app.fileDialog.answer(dir);
  await section.getByTestId('backup-now').click();
  await expect(page.getByText(/已备份到：/)).toBeVisible();
  expect(readdirSync(dir)).toEqual([expect.stringMatching(/^ssj-desk-\d{4}-\d{2}-\d{2}-\d{6}-手动\.sqlite$/)]);
  expect(app.fileDialog.shown.at(-1)).toMatchObject({ mode: 'folder', title: '选择保存备份的文件夹' });
  await screenshot(page, 'backups-1-section');
});

test('a restore shows what the backup holds before anything changes; a newer backup is refused', async ({
  app,
  page,
}) => {
  const section = await openSection(app, page);
  const backup = await makeBackup(app.db.conn.raw, app.db.path, 'manual', new Date(), tempDir('ssj-e2e-backup-'));

  await test.step('the confirmation names the bureau and the counts; 取消 changes nothing', async () => {
    app.fileDialog.answer(backup);
    await section.getByTestId('restore-choose').click();
    const modal = page.getByRole('dialog');
    await expect(modal).toContainText('当前数据库将被替换');
    await expect(modal).toContainText('某县市场监督管理局');
    await expect(modal).toContainText('操作日志');
    await screenshot(page, 'backups-2-confirm');
    await modal.getByRole('button', { name: /取\s*消/ }).click();
    await expect(modal).toBeHidden();
  });

  await test.step('a backup from a newer version: refused in Chinese, the database file byte-identical', async () => {
    const raw = new BetterSqlite3(backup);
    raw.pragma('user_version = 99');
    raw.close();
    app.db.conn.raw.pragma('wal_checkpoint(TRUNCATE)');
    const before = digest(app.db.path);
    app.fileDialog.answer(backup);
    await section.getByTestId('restore-choose').click();
    await expect(section.getByTestId('restore-error')).toContainText('来自更新版本的本程序（结构版本 99）');
    await expect(section.getByTestId('restore-error')).toContainText('当前数据库未作任何修改');
    expect(digest(app.db.path)).toBe(before);
    await screenshot(page, 'backups-3-refused');
  });
});

test.describe('in the running app (a live database, as the desktop app opens it)', () => {
  test.use({ live: true });

  test('a confirmed restore brings the backup’s data back and the page loads over it', async ({ app, page }) => {
    const section = await openSection(app, page);
    const backup = await makeBackup(app.db.conn.raw, app.db.path, 'manual', new Date(), tempDir('ssj-e2e-backup-'));
    await app.services.settings.set({ bureauName: '备份之后改过的名称' });
    app.fileDialog.answer(backup);
    await section.getByTestId('restore-choose').click();
    await page.getByTestId('restore-confirm').click();
    await expect(page.getByText('已从备份恢复，页面将重新载入。')).toBeVisible();
    await expect.poll(async () => (await app.services.settings.get()).bureauName).toBe('某县市场监督管理局');
    await app.open('/settings');
    await expect(page.getByLabel('机关名称')).toHaveValue('某县市场监督管理局');
  });
});
