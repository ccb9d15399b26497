/**
 * Helpers of the roster e2e specs (rosters.spec.ts, rosters-import.spec.ts): antd table and select helpers, the
 * import dialog, and a county clerk's entity file with good and bad rows.
 */
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { syntheticUscc } from '../fixtures/roster-files';
import { afterMotion } from './draw-fixtures';
import { expect } from './harness';

export const HAINAN = resolve(__dirname, '../fixtures/samples/hainan-2020-item-list.xlsx');

/** Picks an option of an antd Select by its label (again, if a click landed while the dropdown was still moving in). */
export async function pickOption(page: Page, select: Locator, label: string) {
  await expect(async () => {
    const option = page.locator(
      `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`,
    );
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 2000 });
    await expect(select).toContainText(label, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

export const tableRows = (scope: Locator) => scope.locator('.ant-table-tbody tr.ant-table-row');
export const rowIds = (scope: Locator) =>
  tableRows(scope).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row-key'))));
export const totalText = (scope: Locator) => scope.locator('.ant-pagination-total-text');

/** Runs the import dialog of `kind` on `file` up to the mapping step. */
export async function openImportDialog(
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
export async function allProblems(dialog: Locator): Promise<string[][]> {
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

export const badCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

/** An entity file with good and bad rows, as a county clerk's spreadsheet might hold them. */
export async function mixedEntityFile(path: string) {
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
