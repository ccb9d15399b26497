/**
 * 一单两库 pages end to end: the built renderer in Chromium over the real services on a temp database, files
 * chosen through the injected open/save dialog (app.fileDialog), real xlsx/csv files written here and read back.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { syntheticUscc, writeEntityXlsx } from '../fixtures/roster-files';
import { afterMotion } from './draw-fixtures';
import { expect, screenshot, test } from './harness';

const HAINAN = resolve(__dirname, '../../../shared/samples/hainan-2020-item-list.xlsx');

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssj-e2e-rosters-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ——— helpers ———

/** Picks an option of an antd Select by its label (again, if a click landed while the dropdown was still moving in). */
async function pickOption(page: Page, select: Locator, label: string) {
  await expect(async () => {
    const option = page.locator(
      `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`,
    );
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 2000 });
    await expect(select).toContainText(label, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

const tableRows = (scope: Locator) => scope.locator('.ant-table-tbody tr.ant-table-row');
const rowIds = (scope: Locator) =>
  tableRows(scope).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row-key'))));
const totalText = (scope: Locator) => scope.locator('.ant-pagination-total-text');

/** Runs the import dialog of `kind` on `file` up to the mapping step. */
async function openImportDialog(
  page: Page,
  app: { fileDialog: { answer(...p: (string | null)[]): void } },
  kind: string,
  file: string,
) {
  await page.getByTestId(`import-${kind}`).click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  // A click while the modal still zooms in can be lost (a CI run stayed at 选择文件 once): wait until it stands still.
  await afterMotion(page);
  app.fileDialog.answer(file);
  await dialog.getByTestId('import-choose').click();
  return dialog;
}

/** The problems table of the dialog, all pages, as [row, column, severity, reason]. */
async function allProblems(dialog: Locator): Promise<string[][]> {
  const out: string[][] = [];
  const table = dialog.getByTestId('import-problems');
  for (;;) {
    const rows = await table
      .locator('.ant-table-tbody tr.ant-table-row')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    out.push(...rows.map((r) => r.slice(0, 4)));
    const next = table.locator('.ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
  }
  return out;
}

const badCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

/** An entity file with good and bad rows, as a county clerk's spreadsheet might hold them. */
async function mixedEntityFile(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  ws.addRow(['统一社会信用代码', '注册号', '名称', '主体类型', '所属片区', '管辖单位', '信用风险等级', '登记状态']);
  const good = [101, 102, 110, 111].map((i) => syntheticUscc(i));
  const rows: (string | number | null)[][] = [
    [good[0], null, '城关鑫源餐饮店', '个体工商户', '城关片区', '城关市场监管所', 'A', '存续'], // 2
    [good[1], null, '东关华盛五金店', '个体工商户', '东关片区', '东关市场监管所', 'B', '存续'], // 3
    [badCheck(syntheticUscc(103)), null, '西关福临药店', '企业', '西关片区', '西关市场监管所', 'C', '存续'], // 4: check digit (flag)
    [syntheticUscc(104), null, '南关金海百货店', '个体工商户', '南关片区', '南关市场监管所', 'E', '存续'], // 5: grade E
    [syntheticUscc(105), null, '北关椰风水果店', '个体工商户', '北关片区', '北关市场监管所', 'B', '存续'], // 6: duplicate of 7
    [syntheticUscc(105), null, '北关椰风水果批发部', '个体工商户', '北关片区', '北关市场监管所', 'B', '存续'], // 7
    [914690060000123000, null, '河口百佳超市', '企业', '河口片区', '河口市场监管所', 'B', '存续'], // 8: float-damaged USCC, no 注册号
    [syntheticUscc(108), null, null, '个体工商户', '新区片区', '新区市场监管所', 'A', '存续'], // 9: empty name
    [good[2], null, '新区和顺汽修店', '个体工商户', '新区片区', '新区市场监管所', 'C', '存续'], // 10
    [good[3], null, '工业园鸿运建材有限公司', '企业', '工业园片区', '河口市场监管所', 'D', '存续'], // 11
  ];
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
  return { good };
}

// ——— (a) import with good and bad rows through the real dialog ———

test('imports an entity file with good and bad rows: every problem shown with row, column and reason; only good rows written; rejected-rows xlsx', async ({
  page,
  app,
}) => {
  const file = join(dir, '检查对象-混合.xlsx');
  const { good } = await mixedEntityFile(file);
  await app.open('/entities');
  await screenshot(page, 'rosters-entities-empty');
  const dialog = await openImportDialog(page, app, 'entities', file);
  await screenshot(page, 'rosters-import-1-choose');

  await expect(dialog.getByTestId('import-mapping')).toBeVisible();
  await expect(dialog).toContainText('表头在第 1 行,数据从第 2 行开始');
  await expect(dialog.getByTestId('mapping-creditGrade')).toContainText('G 列:信用风险等级');
  await screenshot(page, 'rosters-import-2-mapping');
  await dialog.getByTestId('import-preview').click();

  const report = dialog.getByTestId('import-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  const counts = dialog.getByTestId('import-counts');
  await expect(counts.getByTestId('count-new')).toContainText('5');
  await expect(counts.getByTestId('count-rejected')).toContainText('5');
  await expect(counts.getByTestId('count-flagged')).toContainText('1');
  await expect(dialog.getByTestId('flag-notice')).toContainText('1 行有提示');
  // Nothing is written by a preview.
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
  await screenshot(page, 'rosters-import-3-preview');

  const problems = await allProblems(dialog);
  const find = (row: number) => problems.filter((p) => p[0] === String(row));
  expect(find(4)).toEqual([
    ['4', 'A 统一社会信用代码', '提示', expect.stringMatching(/校验码不符（按 GB 32100-2015 应为 .）/)],
  ]);
  expect(find(5)).toEqual([['5', 'G 信用风险等级', '未导入', expect.stringMatching(/信用风险等级“E”无法识别/)]]);
  expect(find(6)).toEqual([['6', 'A 统一社会信用代码', '未导入', expect.stringMatching(/与第 7 行重复/)]]);
  expect(find(7)).toEqual([['7', 'A 统一社会信用代码', '未导入', expect.stringMatching(/与第 6 行重复/)]]);
  expect(find(8)).toEqual([
    ['8', 'A 统一社会信用代码', '未导入', expect.stringMatching(/被 Excel 存成了数字.*本行没有注册号可作替代/)],
  ]);
  expect(find(9)).toEqual([['9', 'C 名称', '未导入', '名称为空']]);
  expect(problems).toHaveLength(6);

  // The clerk checks row 4's code, finds it wrong, and does not accept it.
  await dialog.locator('.ant-pagination-item-1').click();
  await dialog.getByTestId('accept-4').click();
  await expect(dialog.getByTestId('import-confirm')).toContainText('1 行不接受');
  await screenshot(page, 'rosters-import-4-decline');
  await dialog.getByTestId('import-confirm').click();

  const done = dialog.getByTestId('import-done');
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done).toContainText('新增 4 条,更新 0 条,无变化 0 条,未导入 6 条');
  await screenshot(page, 'rosters-import-5-done');

  // The rejected-rows report through the save dialog, opened back with exceljs.
  const reportPath = join(dir, '导入问题清单.xlsx');
  app.fileDialog.answer(reportPath);
  await dialog.getByTestId('import-export-problems').click();
  await expect(page.getByText(/已将 7 条问题导出到 导入问题清单.xlsx/)).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(reportPath);
  const sheet = wb.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([undefined, '行号', '列', '处理', '原因']);
  const lines = (sheet.getSheetValues().slice(2) as unknown[][]).map((l) => [l[1], l[2], l[3], String(l[4])]);
  expect(lines).toContainEqual([
    4,
    'A 统一社会信用代码',
    '未导入',
    expect.stringMatching(/^未接受本行的提示,本行未导入\(.*校验码不符/),
  ]);
  expect(lines).toContainEqual([5, 'G 信用风险等级', '未导入', expect.stringMatching(/“E”无法识别/)]);
  expect(lines).toContainEqual([8, 'A 统一社会信用代码', '未导入', expect.stringMatching(/被 Excel 存成了数字/)]);
  expect(lines).toContainEqual([9, 'C 名称', '未导入', '名称为空']);
  expect(
    lines
      .filter((l) => /重复/.test(l[3] as string))
      .map((l) => l[0])
      .sort(),
  ).toEqual([6, 7]);
  expect(app.fileDialog.shown.map((d) => d.mode)).toEqual(['open', 'save']);

  await dialog.getByTestId('import-close').click();
  // The table and the database hold exactly the good rows.
  const roster = page.getByTestId('roster-entities');
  await expect(totalText(roster)).toHaveText('共 4 户');
  const dbCodes = app.db.conn.raw.prepare('SELECT uscc FROM entities ORDER BY id').pluck().all();
  expect(dbCodes).toEqual(good);
  await expect(tableRows(roster)).toHaveCount(4);
  for (const name of ['城关鑫源餐饮店', '东关华盛五金店', '新区和顺汽修店', '工业园鸿运建材有限公司'])
    await expect(roster).toContainText(name);
  await screenshot(page, 'rosters-entities-after-import');
});

// ——— the import job: progress (rows read / rows written) and cancel ———

test('a large import shows rows read and rows written, and a cancelled write leaves the database unchanged', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const file = join(dir, '检查对象-3万户.xlsx');
  await writeEntityXlsx(file, 30000);
  await app.open('/entities');
  const dialog = await openImportDialog(page, app, 'entities', file);
  await dialog.getByTestId('import-preview').click();
  const progress = dialog.getByTestId('import-progress-text');
  await expect(progress).toContainText(/已读取 [1-9][\d,]* 行/);
  await screenshot(page, 'rosters-import-progress-read');
  await expect(dialog.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('count-new')).toContainText('30,000');

  await dialog.getByTestId('import-confirm').click();
  await expect(progress).toContainText(/已写入 [1-9][\d,]* \/ 30,000 条/, { timeout: 30_000 });
  await screenshot(page, 'rosters-import-progress-write');
  await dialog.getByTestId('import-cancel').click();
  await expect(dialog.getByTestId('import-notice')).toHaveText('已取消,数据库未作任何修改。', { timeout: 30_000 });
  await expect(dialog.getByTestId('import-report')).toBeVisible();
  const raw = app.db.conn.raw;
  expect(raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
  expect(raw.prepare('SELECT count(*) FROM roster_changes').pluck().get()).toBe(0);
  expect(raw.prepare("SELECT count(*) FROM audit_log WHERE action = 'roster:import'").pluck().get()).toBe(0);
  await screenshot(page, 'rosters-import-cancelled');

  // The same preview can still be confirmed, to the end.
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-done')).toBeVisible({ timeout: 90_000 });
  expect(raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(30000);
});

// ——— (b) a changed column mapping is remembered for the next file of the same shape ———

test('a column mapping changed in the dialog is remembered for the next file of the same shape', async ({
  page,
  app,
}) => {
  const header = '统一社会信用代码,名称,主体类型,经营者,实际负责人';
  const write = (name: string, from: number) => {
    const path = join(dir, name);
    writeFileSync(
      path,
      [
        header,
        ...[from, from + 1].map((i) => `${syntheticUscc(i)},商户${i},个体工商户,登记人${i},实际负责人${i}`),
      ].join('\n'),
    );
    return path;
  };
  await app.open('/entities');
  let dialog = await openImportDialog(page, app, 'entities', write('一月.csv', 201));
  const legalRep = dialog.getByTestId('mapping-legalRep');
  await expect(legalRep).toContainText('D 列:经营者');
  await expect(dialog.getByTestId('mapping-remembered')).toHaveCount(0);
  await pickOption(page, legalRep, 'E 列:实际负责人');
  await expect(legalRep).toContainText('E 列:实际负责人');
  await expect(dialog.getByTestId('mapping-unmapped')).toContainText('D 列“经营者”');
  await screenshot(page, 'rosters-mapping-changed');
  await dialog.getByTestId('import-preview').click();
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  await dialog.getByTestId('import-close').click();
  expect(app.db.conn.raw.prepare('SELECT legal_rep FROM entities ORDER BY id').pluck().all()).toEqual([
    '实际负责人201',
    '实际负责人202',
  ]);

  dialog = await openImportDialog(page, app, 'entities', write('二月.csv', 301));
  await expect(dialog.getByTestId('mapping-remembered')).toContainText('已按上次确认的列对应关系填写');
  await expect(dialog.getByTestId('mapping-legalRep')).toContainText('E 列:实际负责人');
  await screenshot(page, 'rosters-mapping-remembered');
  await dialog.getByTestId('import-preview').click();
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  expect(app.db.conn.raw.prepare('SELECT legal_rep FROM entities ORDER BY id').pluck().all()).toEqual([
    '实际负责人201',
    '实际负责人202',
    '实际负责人301',
    '实际负责人302',
  ]);
});

// ——— (c) bad files: a Chinese message and nothing written ———

test('a wrong file type, an empty sheet and a header that matches nothing: a Chinese message, nothing written', async ({
  page,
  app,
}) => {
  const pdf = join(dir, '名录.pdf');
  writeFileSync(pdf, '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << >> endobj\n');
  const empty = join(dir, '空表.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  await wb.xlsx.writeFile(empty);
  const nothing = join(dir, '无表头.csv');
  writeFileSync(nothing, '甲,乙,丙\n1,2,3\n');

  await app.open('/entities');
  const dialog = await openImportDialog(page, app, 'entities', pdf);
  await expect(dialog.getByTestId('import-error')).toContainText('无法识别的文件类型。请选择 Excel 工作簿');
  await screenshot(page, 'rosters-import-bad-type');

  app.fileDialog.answer(empty);
  await dialog.getByTestId('import-choose').click();
  await expect(dialog.getByTestId('import-error')).toContainText('工作表是空的');

  app.fileDialog.answer(nothing);
  await dialog.getByTestId('import-choose').click();
  await expect(dialog.getByTestId('import-error')).toContainText('没有找到可识别的表头');
  await screenshot(page, 'rosters-import-no-header');

  // Cancelling the open dialog changes nothing either.
  app.fileDialog.answer(null);
  await dialog.getByTestId('import-choose').click();
  await expect(dialog.getByTestId('import-choose')).toBeVisible();

  const raw = app.db.conn.raw;
  expect(raw.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
  expect(raw.prepare('SELECT count(*) FROM roster_changes').pluck().get()).toBe(0);
  expect(raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);

  // The blank template, saved through the save dialog, is a real workbook with the import's header.
  await dialog.getByRole('button', { name: '关 闭' }).click();
  const template = join(dir, '模板.xlsx');
  app.fileDialog.answer(template);
  await page.getByTestId('template-entities').click();
  await expect(page.getByText('导入模板已保存为 模板.xlsx')).toBeVisible();
  const t = new ExcelJS.Workbook();
  await t.xlsx.readFile(template);
  expect(String(t.worksheets[0].getRow(1).getCell(1).value)).toContain('统一社会信用代码');
});

// ——— (d) demo data, then the roster table ———

test('demo data on an empty database, then search, filter, sort, page, bulk grade, export and an edit', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const raw = app.db.conn.raw;
  await app.open('/');
  await expect(page.getByTestId('demo-offer')).toBeVisible();
  await expect(page.getByTestId('demo-offer').getByRole('spinbutton')).toHaveValue('30000');
  await screenshot(page, 'rosters-home-empty');
  await page.getByTestId('demo-load').click();
  await expect(page.getByText(/示例数据已加载:检查对象 30,000 户/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('demo-offer')).toHaveCount(0);
  await expect(page.getByTestId('overview-entities')).toContainText('30,000');
  await screenshot(page, 'rosters-home-demo');

  await page.getByTestId('nav').getByText('检查对象名录库', { exact: true }).click();
  const roster = page.getByTestId('roster-entities');
  await expect(totalText(roster)).toHaveText('共 30,000 户');
  await screenshot(page, 'rosters-entities');

  // Search: two Chinese characters.
  const q = (sqlText: string, ...p: unknown[]) =>
    raw
      .prepare(sqlText)
      .pluck()
      .all(...p) as number[];
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

  // Clear the search, keep the filter; sort by name; second page.
  await roster.getByTestId('roster-search').locator('input').fill('');
  const gradeC = q("SELECT id FROM entities WHERE credit_grade = 'C' ORDER BY name, id");
  await expect(totalText(roster)).toHaveText(`共 ${gradeC.length.toLocaleString('zh-CN')} 户`);
  await roster.locator('th', { hasText: /^名称$/ }).click();
  await expect.poll(() => rowIds(roster)).toEqual(gradeC.slice(0, 50));
  await roster.locator('.ant-pagination-item-2').click();
  await expect.poll(() => rowIds(roster)).toEqual(gradeC.slice(50, 100));
  await screenshot(page, 'rosters-entities-filtered-sorted');

  // Export the current view (grade C, sorted by name) through the save dialog.
  const exportPath = join(dir, '导出-C级.xlsx');
  app.fileDialog.answer(exportPath);
  await roster.getByTestId('roster-export').click();
  await expect(page.getByText(`已导出 ${gradeC.length} 条到 导出-C级.xlsx`)).toBeVisible();
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(exportPath);
  expect(exported.worksheets[0].rowCount).toBe(gradeC.length + 1);

  // Bulk: three rows of this page to grade D.
  const picked = gradeC.slice(50, 53);
  for (const id of picked) await roster.locator(`tr[data-row-key="${id}"] .ant-checkbox-input`).check();
  await expect(roster.getByTestId('selection-bar')).toContainText('已选 3 条');
  await roster.getByTestId('selection-bar').getByRole('button', { name: '设置信用等级' }).click();
  const bulk = page.getByTestId('bulk-modal');
  await pickOption(page, bulk.getByTestId('bulk-value'), 'D 级');
  await screenshot(page, 'rosters-bulk-grade');
  await bulk.getByRole('button', { name: '确定修改' }).click();
  await expect(page.getByText('设置信用等级:已修改 3 条')).toBeVisible();
  expect(q(`SELECT id FROM entities WHERE credit_grade = 'D' AND id IN (${picked.join(',')})`)).toHaveLength(3);
  expect(raw.prepare("SELECT count(*) FROM roster_changes WHERE source = 'bulk'").pluck().get()).toBe(3);
  await expect(totalText(roster)).toHaveText(`共 ${(gradeC.length - 3).toLocaleString('zh-CN')} 户`);

  // Edit: validation errors in Chinese (from the channel's schema), a server refusal, then a valid save.
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
  await expect(drawer).toContainText('联系电话只能包含数字、空格、+、-、括号,最多 30 位');
  await expect(drawer).toContainText('日期格式应为 YYYY-MM-DD');
  await expect(drawer).toContainText(/统一社会信用代码校验位不正确\(第 18 位应为 .\),请核对。/);
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
  await expect(page.getByText(`检查子项已保存(共 ${before.length + 1} 项)`)).toBeVisible();
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
