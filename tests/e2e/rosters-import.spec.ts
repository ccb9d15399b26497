/**
 * 一单两库 imports end to end: the built renderer in Chromium over the real services on a temp database, files
 * chosen through the injected open/save dialog (app.fileDialog), real xlsx/csv files written here and read back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { syntheticUscc, writeEntityXlsx } from '../fixtures/roster-files';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test, type AppFixture } from './harness';
import { allProblems, mixedEntityFile, openImportDialog, pickOption, tableRows, totalText } from './roster-fixtures';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssj-e2e-rosters-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ——— (a) import with good and bad rows through the real dialog ———

/** Row 9 is a 个体工商户 with neither 名称 nor 经营者: nothing to name it by. */
const NO_NAME = '名称和经营者都为空，无法确定本户的名称，未导入';

/** Up to the preview: the mapping found, the counts, nothing written yet. */
async function previewMixedFile(page: Page, app: AppFixture, file: string): Promise<Locator> {
  await app.open('/entities');
  await screenshot(page, 'rosters-entities-empty');
  const dialog = await openImportDialog(page, app, 'entities', file);
  await screenshot(page, 'rosters-import-1-choose');

  await expect(dialog.getByTestId('import-mapping')).toBeVisible();
  await expect(dialog).toContainText('表头在第 1 行，数据从第 2 行开始');
  await expect(dialog.getByTestId('mapping-creditGrade')).toContainText('G 列：信用风险等级');
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

  return dialog;
}

/** Every problem with its row, column and reason. */
async function expectProblems(dialog: Locator): Promise<void> {
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
  expect(find(9)).toEqual([['9', 'C 名称', '未导入', NO_NAME]]);
  expect(problems).toHaveLength(6);
}

/** The clerk checks row 4's code, finds it wrong, and does not accept it; the rest is written. */
async function declineRow4AndConfirm(page: Page, dialog: Locator): Promise<void> {
  await dialog.locator('.ant-pagination-item-1').click();
  await dialog.getByTestId('accept-4').click();
  await expect(dialog.getByTestId('import-confirm')).toContainText('1 行不接受');
  await screenshot(page, 'rosters-import-4-decline');
  await dialog.getByTestId('import-confirm').click();

  const done = dialog.getByTestId('import-done');
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done).toContainText('新增 4 条，更新 0 条，无变化 0 条，未导入 6 条');
  await screenshot(page, 'rosters-import-5-done');
}

/** The rejected-rows report through the save dialog, opened back with exceljs. */
async function expectRejectedRowsReport(page: Page, app: AppFixture, dialog: Locator): Promise<void> {
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
    expect.stringMatching(/^未接受本行的提示，本行未导入（.*校验码不符/),
  ]);
  expect(lines).toContainEqual([5, 'G 信用风险等级', '未导入', expect.stringMatching(/“E”无法识别/)]);
  expect(lines).toContainEqual([8, 'A 统一社会信用代码', '未导入', expect.stringMatching(/被 Excel 存成了数字/)]);
  expect(lines).toContainEqual([9, 'C 名称', '未导入', NO_NAME]);
  expect(
    lines
      .filter((l) => /重复/.test(l[3] as string))
      .map((l) => l[0])
      .sort(),
  ).toEqual([6, 7]);
  expect(app.fileDialog.shown.map((d) => d.mode)).toEqual(['open', 'save']);
}

/** The table and the database hold exactly the good rows. */
async function expectGoodRowsOnly(page: Page, app: AppFixture, dialog: Locator, good: string[]): Promise<void> {
  await dialog.getByTestId('import-close').click();
  const roster = page.getByTestId('roster-entities');
  await expect(totalText(roster)).toHaveText('共 4 户');
  const dbCodes = app.db.conn.raw.prepare('SELECT uscc FROM entities ORDER BY id').pluck().all();
  expect(dbCodes).toEqual(good);
  await expect(tableRows(roster)).toHaveCount(4);
  for (const name of ['城关鑫源餐饮店', '东关华盛五金店', '新区和顺汽修店', '工业园鸿运建材有限公司'])
    await expect(roster).toContainText(name);
  await screenshot(page, 'rosters-entities-after-import');
}

test('imports an entity file with good and bad rows: every problem shown with row, column and reason; only good rows written; rejected-rows xlsx', async ({
  page,
  app,
}) => {
  const file = join(dir, '检查对象-混合.xlsx');
  const { good } = await mixedEntityFile(file);
  const dialog = await test.step('preview', () => previewMixedFile(page, app, file));
  await test.step('the problems', () => expectProblems(dialog));
  await test.step('a flagged row declined, then confirm', () => declineRow4AndConfirm(page, dialog));
  await test.step('the rejected-rows report', () => expectRejectedRowsReport(page, app, dialog));
  await test.step('only the good rows written', () => expectGoodRowsOnly(page, app, dialog, good));
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
  await expect(dialog.getByTestId('import-notice')).toHaveText('已取消，数据库未作任何修改。', { timeout: 30_000 });
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
  await expect(legalRep).toContainText('D 列：经营者');
  await expect(dialog.getByTestId('mapping-remembered')).toHaveCount(0);
  await pickOption(page, legalRep, 'E 列：实际负责人');
  await expect(legalRep).toContainText('E 列：实际负责人');
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
  await expect(dialog.getByTestId('mapping-legalRep')).toContainText('E 列：实际负责人');
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
