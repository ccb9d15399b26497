/**
 * 一单两库 pages end to end: the built renderer in Chromium over the real services on a temp database, files
 * chosen through the injected open/save dialog (app.fileDialog), real xlsx/csv files written here and read back.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import type { Database } from 'better-sqlite3';
import { expect, screenshot, test, type AppFixture } from './harness';
import { badCheck, HAINAN, openImportDialog, pickOption, rowIds, tableRows, totalText } from './roster-fixtures';
import { formatCount } from '@shared/domain/counts';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssj-e2e-rosters-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ——— (d) demo data, then the roster table ———

/** The demo county, 30,000 entities, loaded from the home page; then the entity roster. */
interface Roster {
  page: Page;
  app: AppFixture;
  raw: Database;
  roster: Locator;
  /** The grade-C entity ids, sorted by name, as the table shows them after sorting. */
  gradeC: number[];
}

const idsOf =
  (raw: Database) =>
  (sqlText: string, ...p: unknown[]) =>
    raw
      .prepare(sqlText)
      .pluck()
      .all(...p) as number[];

async function loadDemoFromHome(page: Page, app: AppFixture): Promise<Roster> {
  await app.open('/');
  await expect(page.getByTestId('demo-offer')).toBeVisible();
  await expect(page.getByTestId('demo-offer').getByRole('spinbutton')).toHaveValue('30000');
  await screenshot(page, 'rosters-home-empty');
  await page.getByTestId('demo-load').click();
  await expect(page.getByText(/示例数据已加载：检查对象 30,000 户/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('demo-offer')).toHaveCount(0);
  await expect(page.getByTestId('overview-entities')).toContainText('30,000');
  await screenshot(page, 'rosters-home-demo');

  await page.getByTestId('nav').getByText('检查对象名录库', { exact: true }).click();
  const roster = page.getByTestId('roster-entities');
  await expect(totalText(roster)).toHaveText('共 30,000 户');
  // The pages offered stop at the browse limit: 200 pages of 50, and the table says how to find the rest.
  await expect(roster.getByTestId('browse-limit')).toHaveText('可翻阅前 10,000 户；其余请用搜索或筛选找到。');
  await expect(roster.locator('.ant-pagination-item-200')).toBeVisible();
  await screenshot(page, 'rosters-entities');

  return { page, app, raw: app.db.conn.raw, roster, gradeC: [] };
}

/** Search: two Chinese characters; then filter: grade C. */
async function searchAndFilter({ page, raw, roster }: Roster): Promise<void> {
  const q = idsOf(raw);
  await roster.getByTestId('roster-search').locator('input').fill('鑫源');
  const searched = q("SELECT id FROM entities WHERE name LIKE '%鑫源%' ORDER BY id");
  expect(searched.length).toBeGreaterThan(60);
  await expect(totalText(roster)).toHaveText(`共 ${searched.length.toLocaleString('zh-CN')} 户`);
  await expect.poll(() => rowIds(roster)).toEqual(searched.slice(0, 50));

  // Filter: grade C.
  await pickOption(page, roster.getByTestId('filter-creditGrade'), 'C');
  await page.keyboard.press('Escape');
  const filtered = q("SELECT id FROM entities WHERE name LIKE '%鑫源%' AND credit_grade = 'C' ORDER BY id");
  await expect(totalText(roster)).toHaveText(`共 ${filtered.length} 户`);
  await expect.poll(() => rowIds(roster)).toEqual(filtered.slice(0, 50));
}

/** Clear the search, keep the filter; sort by name; second page; export the current view through the save dialog. */
async function sortPageAndExport(r: Roster): Promise<void> {
  const { page, app, raw, roster } = r;
  const q = idsOf(raw);
  await roster.getByTestId('roster-search').locator('input').fill('');
  const gradeC = (r.gradeC = q("SELECT id FROM entities WHERE credit_grade = 'C' ORDER BY name, id"));
  await expect(totalText(roster)).toHaveText(`共 ${gradeC.length.toLocaleString('zh-CN')} 户`);
  await roster.locator('th', { hasText: /^名称$/ }).click();
  await expect.poll(() => rowIds(roster)).toEqual(gradeC.slice(0, 50));
  await roster.locator('.ant-pagination-item-2').click();
  await expect.poll(() => rowIds(roster)).toEqual(gradeC.slice(50, 100));
  await screenshot(page, 'rosters-entities-filtered-sorted');

  const exportPath = join(dir, '导出-C级.xlsx');
  app.fileDialog.answer(exportPath);
  await roster.getByTestId('roster-export').click();
  await expect(page.getByText(`已导出 ${formatCount(gradeC.length)} 条到 导出-C级.xlsx`)).toBeVisible();
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(exportPath);
  expect(exported.worksheets[0].rowCount).toBe(gradeC.length + 1);
}

/** Bulk: three rows of this page to grade D. */
async function bulkGrade({ page, raw, roster, gradeC }: Roster): Promise<void> {
  const q = idsOf(raw);
  const picked = gradeC.slice(50, 53);
  for (const id of picked) await roster.locator(`tr[data-row-key="${id}"] .ant-checkbox-input`).check();
  await expect(roster.getByTestId('selection-bar')).toContainText('已选 3 条');
  await roster.getByTestId('selection-bar').getByRole('button', { name: '设置信用等级' }).click();
  const bulk = page.getByTestId('bulk-modal');
  await pickOption(page, bulk.getByTestId('bulk-value'), 'D 级');
  await screenshot(page, 'rosters-bulk-grade');
  await bulk.getByRole('button', { name: '确定修改' }).click();
  await expect(page.getByText('设置信用等级：已修改 3 条')).toBeVisible();
  expect(q(`SELECT id FROM entities WHERE credit_grade = 'D' AND id IN (${picked.join(',')})`)).toHaveLength(3);
  expect(raw.prepare("SELECT count(*) FROM roster_changes WHERE source = 'bulk'").pluck().get()).toBe(3);
  await expect(totalText(roster)).toHaveText(`共 ${(gradeC.length - 3).toLocaleString('zh-CN')} 户`);
}

/** Edit: validation errors in Chinese (from the channel's schema), a server refusal, then a valid save. */
async function editEntity({ page, raw, roster, gradeC }: Roster): Promise<void> {
  const target = gradeC[60];
  const other = raw
    .prepare('SELECT uscc FROM entities WHERE uscc IS NOT NULL AND id <> ? LIMIT 1')
    .pluck()
    .get(target) as string;
  await roster.getByTestId(`edit-${target}`).click();
  const drawer = page.getByTestId('edit-drawer');
  const field = (label: string) => drawer.getByLabel(label, { exact: true });
  await field('名称').fill('  ');
  await field('联系电话').fill('电话:123');
  await field('最近被抽查日期').fill('2025/6/30');
  await field('统一社会信用代码').fill(badCheck(other));
  await drawer.getByTestId('edit-save').click();
  await expect(drawer).toContainText('名称不能为空');
  await expect(drawer).toContainText('联系电话只能包含数字、空格、+、-、括号，最多 30 位');
  await expect(drawer).toContainText('日期格式应为 YYYY-MM-DD');
  await expect(drawer).toContainText(/统一社会信用代码校验位不正确（第 18 位应为 .），请核对。/);
  await screenshot(page, 'rosters-edit-errors');
  await field('名称').fill('城关鑫源示范餐饮店');
  await field('联系电话').fill('0898-12345678');
  await field('最近被抽查日期').fill('2025-06-30');
  await field('统一社会信用代码').fill(other);
  await drawer.getByTestId('edit-save').click();
  await expect(drawer.getByTestId('edit-error')).toContainText(`统一社会信用代码“${other}”已被`);
  await screenshot(page, 'rosters-edit-server-error');
  const own = raw.prepare('SELECT uscc FROM entities WHERE id = ?').pluck().get(target) as string;
  await field('统一社会信用代码').fill(own);
  await drawer.getByTestId('edit-save').click();
  await expect(page.getByText('已保存“城关鑫源示范餐饮店”')).toBeVisible();
  expect(raw.prepare('SELECT name, phone, last_inspected_on FROM entities WHERE id = ?').get(target)).toEqual({
    name: '城关鑫源示范餐饮店',
    phone: '0898-12345678',
    last_inspected_on: '2025-06-30',
  });
  const change = raw
    .prepare("SELECT after FROM roster_changes WHERE source = 'edit' AND record_id = ?")
    .pluck()
    .get(target) as string;
  expect(Object.keys(JSON.parse(change)).sort()).toEqual(['last_inspected_on', 'name', 'phone']);
  // Renamed, it sorts elsewhere: a 3+ character search (the trigram index) finds it.
  await roster.getByTestId('roster-search').locator('input').fill('示范餐饮');
  await expect(totalText(roster)).toHaveText('共 1 户');
  await expect(tableRows(roster)).toHaveCount(1);
  await expect(tableRows(roster).first()).toContainText('城关鑫源示范餐饮店');
  await screenshot(page, 'rosters-entities-after-edit');
}

test('demo data on an empty database, then search, filter, sort, page, bulk grade, export and an edit', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const r = await test.step('demo data from the home page', () => loadDemoFromHome(page, app));
  await test.step('search and filter', () => searchAndFilter(r));
  await test.step('sort, page and export', () => sortPageAndExport(r));
  await test.step('bulk grade', () => bulkGrade(r));
  await test.step('an edit', () => editEntity(r));
});

test('加载示例数据 shows its progress and a cancel that leaves the database empty', async ({ page, app }) => {
  await app.open('/');
  const offer = page.getByTestId('demo-offer');
  await offer.getByRole('spinbutton').fill('1000000');
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('demo-progress')).toContainText(/已写入检查对象 [1-9][\d,]* \/ 1,000,000 户/, {
    timeout: 60_000,
  });
  await page.getByTestId('demo-progress').scrollIntoViewIfNeeded();
  await screenshot(page, 'rosters-demo-progress');
  await page.getByTestId('demo-cancel').click();
  await expect(page.getByTestId('demo-progress')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('demo-error')).toHaveCount(0);
  await expect(offer).toBeVisible();
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM roster_changes').pluck().get()).toBe(0);
});

// ——— inspectors and experts ———

test('the inspector roster and the expert tab after demo data', async ({ page, app }) => {
  await app.services.demo.load(500);
  await app.open('/inspectors');
  const inspectors = page.getByTestId('roster-inspectors');
  const n = app.db.conn.raw.prepare('SELECT count(*) FROM inspectors').pluck().get() as number;
  await expect(totalText(inspectors)).toHaveText(`共 ${n} 人`);
  await pickOption(page, inspectors.getByTestId('filter-status'), '在岗');
  await page.keyboard.press('Escape');
  const onDuty = app.db.conn.raw
    .prepare("SELECT count(*) FROM inspectors WHERE status = '在岗'")
    .pluck()
    .get() as number;
  await expect(totalText(inspectors)).toHaveText(`共 ${onDuty} 人`);
  await screenshot(page, 'rosters-inspectors');
  await page.getByRole('tab', { name: '专家库' }).click();
  const experts = page.getByTestId('roster-experts');
  const e = app.db.conn.raw.prepare('SELECT count(*) FROM experts').pluck().get() as number;
  await expect(totalText(experts)).toHaveText(`共 ${e} 人`);
  await screenshot(page, 'rosters-experts');
});

// ——— (e) the item list: the Hainan sample, one item, a split sub-item ———

test('items: the published Hainan list imports as 285 items; one item opens and a sub-item is split', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  expect(existsSync(HAINAN)).toBe(true);
  await app.open('/items');
  const dialog = await openImportDialog(page, app, 'items', HAINAN);
  await expect(dialog.getByTestId('import-mapping')).toBeVisible();
  await screenshot(page, 'rosters-items-import-mapping');
  await dialog.getByTestId('import-preview').click();
  await expect(dialog.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('count-new')).toContainText('285');
  await screenshot(page, 'rosters-items-import-preview');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
  await dialog.getByTestId('import-close').click();

  const itemsPage = page.getByTestId('items-page');
  await expect(totalText(itemsPage)).toHaveText('共 285 项');
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM items').pluck().get()).toBe(285);
  await screenshot(page, 'rosters-items');

  await tableRows(itemsPage).first().click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-detail')).toBeVisible();
  const itemId = (await rowIds(itemsPage))[0];
  const before = app.db.conn.raw
    .prepare('SELECT id, content FROM item_sub_items WHERE item_id = ? ORDER BY ordinal')
    .all(itemId) as { id: number; content: string }[];
  expect(before.length).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'rosters-item-detail');

  await drawer.getByTestId('split-1').click();
  const split = page.getByTestId('split-modal');
  await split.getByTestId('split-text').fill('核查营业执照是否悬挂\n核查登记事项与实际是否一致');
  await screenshot(page, 'rosters-item-split');
  await split.getByRole('button', { name: /拆\s?分/ }).click();
  await expect(drawer.getByTestId(`sub-item-${before.length + 1}`)).toContainText('子项');
  await drawer.getByTestId('sub-items-save').click();
  await expect(page.getByText(`检查子项已保存（共 ${before.length + 1} 项）`)).toBeVisible();
  const after = app.db.conn.raw
    .prepare('SELECT id, ordinal, content FROM item_sub_items WHERE item_id = ? ORDER BY ordinal')
    .all(itemId) as { id: number; content: string }[];
  expect(after.map((s) => s.content).slice(0, 2)).toEqual(['核查营业执照是否悬挂', '核查登记事项与实际是否一致']);
  expect(after[0].id).toBe(before[0].id);
  expect(
    app.db.conn.raw.prepare("SELECT count(*) FROM audit_log WHERE action = 'items:update-sub-items'").pluck().get(),
  ).toBe(1);
  await screenshot(page, 'rosters-item-split-saved');
});
