/**
 * A county export where some 个体工商户 have no 名称 (no 字号): the clerk imports it, the preview says how many were
 * named after their operator, and the roster page shows them marked 待核实 and filters them. At 1366×768.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { syntheticUscc } from '../fixtures/roster-files';
import { expect, screenshot, test } from './harness';
import { openImportDialog, pickOption, tableRows, totalText } from './roster-fixtures';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssj-e2e-nameless-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Eight shops, three of them without a 名称, and one row with neither code nor name. */
async function countyExport(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('个体工商户');
  ws.addRow(['统一社会信用代码', '名称', '主体类型', '行业', '所属片区', '管辖单位', '经营者姓名', '信用风险等级']);
  const shop = (i: number, name: string | null, operator: string | null) =>
    ws.addRow([syntheticUscc(i, '2'), name, '个体工商户', '餐饮服务', '城关片区', '城关市场监管所', operator, 'B']);
  shop(301, '城关鑫源餐饮店', '王强');
  shop(302, null, '周建国');
  shop(303, '东关华盛小吃店', '李娜');
  shop(304, null, '欧阳明');
  shop(305, '新区和顺面馆', '张伟');
  shop(306, null, '陈秀英');
  shop(307, '河口百佳快餐店', '刘洋');
  shop(308, '南湖椰风饮品店', '黄磊');
  ws.addRow([null, null, '个体工商户', '餐饮服务', '城关片区', '城关市场监管所', null, 'B']);
  await wb.xlsx.writeFile(path);
}

test('a county export with nameless 个体工商户: named after the operator, counted, marked 待核实 and filtered', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const file = join(dir, '城关所个体户名录.xlsx');
  await countyExport(file);
  await app.open('/entities');
  const dialog = await openImportDialog(page, app, 'entities', file);
  await expect(dialog.getByTestId('mapping-legalRep')).toContainText('G 列：经营者姓名');
  await dialog.getByTestId('import-preview').click();

  await test.step('the preview counts the rows named after the operator', async () => {
    const counts = dialog.getByTestId('import-counts');
    await expect(counts.getByTestId('count-new')).toContainText('8');
    await expect(counts.getByTestId('count-rejected')).toContainText('1');
    await expect(counts.getByTestId('count-named')).toContainText('其中 3 户个体工商户名称为空，按经营者命名');
    await expect(dialog.getByTestId('import-problems')).toContainText(
      '名称为空，按经营者命名为「个体工商户（经营者：周建国）」，待核实',
    );
    await expect(dialog.getByTestId('import-problems')).toContainText('名称和经营者都为空，无法确定本户的名称，未导入');
    await screenshot(page, 'rosters-nameless-preview');
  });

  await test.step('confirmed: the report says it again', async () => {
    await dialog.getByTestId('import-confirm').click();
    const done = dialog.getByTestId('import-done');
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done.getByTestId('count-named')).toContainText('其中 3 户');
    await dialog.getByTestId('import-close').click();
  });

  await test.step('the roster marks them 待核实 and the filter keeps only them', async () => {
    const roster = page.getByTestId('roster-entities');
    await expect(totalText(roster)).toHaveText('共 8 户');
    await expect(roster.getByTestId('name-pending')).toHaveCount(3);
    await pickOption(page, page.getByTestId('filter-review'), '待核实');
    await expect(totalText(roster)).toHaveText('共 3 户');
    await expect(tableRows(roster)).toHaveCount(3);
    for (const operator of ['周建国', '欧阳明', '陈秀英'])
      await expect(roster).toContainText(`个体工商户（经营者：${operator}）`);
    await page.keyboard.press('Escape');
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
    await page.mouse.move(800, 700);
    await expect(page.locator('.ant-tooltip:not(.ant-tooltip-hidden)')).toHaveCount(0);
    await screenshot(page, 'rosters-nameless-pending');
  });
});
