/**
 * 年度抽查计划 end to end: the built renderer in Chromium over the real services on a temp database with the demo
 * county. A plan and a task are made through the page (the live scope and inspector counts follow the form), the plan is
 * published, a change publishes version 2 with its reason, version 1 stays readable, and both export for 公示
 * (xlsx opened back with exceljs, PDF with pdf.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { quotaOf } from '@shared/domain/tasks';
import { recentSince } from '../../src-main/draws/scope';
import { readInspectorPool } from '../../src-main/draws/inspector-pool';
import { readPdf } from '../integration/documents/pdf-text';
import {
  confirmModal,
  confirmPopover,
  fillRange,
  loadDemo,
  pickOption,
  settledShot,
  tempDir,
  TEST_YEAR,
} from './draw-fixtures';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test, type AppFixture } from './harness';

const TASK_NAME = `${TEST_YEAR}年餐饮服务单位双随机抽查`;
const ITEM = '餐饮服务提供者食品安全的检查';

/** Ground truth for the live counts: 存续 entities of the industry, per grade, not inspected since `since`. */
function inScope(raw: import('better-sqlite3').Database, industry: string | null, since: string): Map<string, number> {
  const rows = raw
    .prepare(
      `SELECT coalesce(credit_grade, '未评级') AS grade, count(*) AS n FROM entities
       WHERE reg_status = '存续' AND (? IS NULL OR industry = ?) AND (last_inspected_on IS NULL OR last_inspected_on < ?) GROUP BY grade`,
    )
    .all(industry, industry, since) as { grade: string; n: number }[];
  return new Map(rows.map((r) => [r.grade, r.n]));
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function xlsxText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))));
  return cells.join('\n');
}

/** The plans page with the plan being made: its detail pane and the task editor. */
interface PlanPage {
  page: Page;
  app: AppFixture;
  dir: string;
  detail: Locator;
  editor: Locator;
}

const count = (locator: Locator, n: number) => expect(locator).toHaveAttribute('data-count', String(n));
const firstTaskRow = (p: PlanPage) => p.detail.getByTestId('plan-tasks').locator('tr.ant-table-row').first();

/** An empty plans page, then a new plan (draft). */
async function openNewPlan(page: Page, app: AppFixture): Promise<PlanPage> {
  loadDemo(app, 3000);
  const dir = tempDir('ssj-e2e-plans-');
  // The page's "today" is the services' (the harness clock), so dates behave the same on any day the test runs.
  await page.clock.setFixedTime(app.db.ctx.now());
  await app.open('/plans');
  await expect(page.getByTestId('plans-page')).toContainText('还没有年度抽查计划');
  await screenshot(page, 'plans-1-empty');

  await page.getByTestId('plan-new').click();
  const newPlan = page.getByTestId('plan-new-modal');
  await newPlan.locator('input#year').fill(String(TEST_YEAR));
  await expect(newPlan.locator('input#title')).toHaveValue(`${TEST_YEAR}年度双随机抽查工作计划`);
  await confirmModal(page, 'plan-new-modal');
  const detail = page.getByTestId('plan-detail');
  await expect(detail.getByTestId('plan-title')).toHaveText(`${TEST_YEAR}年度双随机抽查工作计划`);
  await expect(detail.getByTestId('plan-status')).toHaveText('草稿');

  return { page, app, dir, detail, editor: page.getByTestId('task-editor') };
}

/** A task: its name, an item, a window (one already over is pointed out at once, as 准备 would refuse it). */
async function newTask(p: PlanPage): Promise<void> {
  const { page, detail, editor } = p;
  await detail.getByTestId('task-new').click();
  await expect(editor).toBeVisible();
  await editor.getByTestId('task-name').fill(TASK_NAME);
  await pickOption(page, editor.getByTestId('task-items'), ITEM, '餐饮服务');
  // A window already over is pointed out at once (准备 would refuse it).
  await fillRange(editor.locator('.ant-picker-range.task-period'), `${TEST_YEAR}-03-01`, `${TEST_YEAR}-06-30`);
  await expect(editor.getByTestId('task-period-ended')).toContainText(`开展时间已于 ${TEST_YEAR}-06-30 结束`);
  await fillRange(editor.locator('.ant-picker-range.task-period'), `${TEST_YEAR}-11-01`, `${TEST_YEAR}-12-31`);
  await expect(editor.getByTestId('task-period-ended')).toHaveCount(0);
}

/** The live object counts follow the form: scope, per-grade quotas, a ratio changed and set back. */
async function liveCounts(p: PlanPage): Promise<void> {
  const { page, app, editor } = p;
  const raw = app.db.conn.raw;
  const since = recentSince(`${TEST_YEAR}-11-01`, 3)!;
  const everything = inScope(raw, null, since);
  const total = editor.getByTestId('scope-total');
  await count(total, sum(everything));
  await pickOption(page, editor.getByTestId('scope-industries'), '餐饮服务', '餐饮');
  const restaurants = inScope(raw, '餐饮服务', since);
  expect(sum(restaurants)).toBeLessThan(sum(everything));
  await count(total, sum(restaurants));
  // Per grade: N → ceil(N × ratio), with the bureau's default ratios (A 3%, B 5%, C 10%, D 30%, 未评级 5%).
  const bp = { A: 300, B: 500, C: 1000, D: 3000, 未评级: 500 } as const;
  for (const grade of ['A', 'B', 'C', 'D'] as const) {
    const row = editor.getByTestId(`scope-stratum-${grade}`);
    await expect(row).toContainText(`${restaurants.get(grade) ?? 0} 户`);
    await expect(row.locator('td').last()).toHaveText(`${quotaOf(restaurants.get(grade) ?? 0, bp[grade])} 户`);
  }
  const expected = [...restaurants].reduce((s, [g, n]) => s + quotaOf(n, bp[g as keyof typeof bp]), 0);
  await count(editor.getByTestId('scope-expected'), expected);
  // The D ratio goes up: the expected count follows.
  await editor.getByTestId('ratio-D').fill('50');
  const expectedD50 = expected - quotaOf(restaurants.get('D') ?? 0, 3000) + quotaOf(restaurants.get('D') ?? 0, 5000);
  expect(expectedD50).toBeGreaterThan(expected);
  await count(editor.getByTestId('scope-expected'), expectedD50);
  await editor.getByTestId('ratio-D').fill('30');
  await count(editor.getByTestId('scope-expected'), expected);
}

/** The inspector pool, live too; every control explains itself; the task saved. */
async function livePoolAndSave(p: PlanPage): Promise<void> {
  const { page, app, editor } = p;
  const pool = readInspectorPool(app.db.conn.raw, {
    inspectorScope: { kind: '全局', offices: [] },
    includeExperts: false,
    expertTags: [],
    joiningDepartments: [],
  });
  expect(pool.inspectors.length).toBeGreaterThan(0);
  await count(editor.getByTestId('scope-pool'), pool.inspectors.length);
  const offices = new Set(pool.inspectors.map((inspector) => inspector.office)).size;
  await expect(editor.getByTestId('scope-pool-detail')).toContainText(`执法人员来自 ${offices} 个单位；预计至少`);
  // Every control explains itself.
  await expect(editor).toContainText('近几年内已被抽查过的对象不再抽取');
  await expect(editor).toContainText('每个检查组的执法人员数，至少 2 人');
  await settledShot(page, 'plans-2-task-editor');
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();
  const taskRow = firstTaskRow(p);
  await expect(taskRow).toContainText(`某市监抽查〔${TEST_YEAR}〕1号`);
  await expect(taskRow).toContainText(TASK_NAME);
  await settledShot(page, 'plans-3-draft');
}

/** Publish: version 1, exported as xlsx and PDF through the save dialog. */
async function publishV1(p: PlanPage): Promise<void> {
  const { page, app, dir, detail } = p;
  await detail.getByTestId('plan-publish').click();
  await confirmPopover(page);
  await expect(detail.getByTestId('plan-status')).toHaveText('已公示 第 1 版');
  await expect(detail.getByTestId('version-row-1')).toContainText('（首次公示）');
  await settledShot(page, 'plans-4-published');

  const v1Xlsx = join(dir, 'v1.xlsx');
  const v1Pdf = join(dir, 'v1.pdf');
  app.fileDialog.answer(v1Xlsx);
  await detail.getByTestId('plan-export-xlsx').click();
  await expect(page.locator('.ant-message')).toContainText('已导出第 1 版公示计划：v1.xlsx');
  const xlsx = await xlsxText(v1Xlsx);
  expect(xlsx).toContain(TASK_NAME);
  expect(xlsx).toContain(ITEM);
  app.fileDialog.answer(v1Pdf);
  await detail.getByTestId('plan-export-pdf').click();
  await expect(page.locator('.ant-message')).toContainText('v1.pdf');
  expect((await readPdf(readFileSync(v1Pdf))).compact).toContain(TASK_NAME);
  expect(app.fileDialog.shown.map((d) => d.title)).toEqual(['导出公示计划（Excel）', '导出公示计划（PDF）']);
}

/** A change after publication: refused without a reason, version 2 with one. */
async function changeToV2(p: PlanPage, reason: string): Promise<void> {
  const { detail, editor } = p;
  const raw = p.app.db.conn.raw;
  const taskId = Number(await firstTaskRow(p).getAttribute('data-row-key'));
  await detail.getByTestId(`task-edit-${taskId}`).click();
  await expect(editor).toBeVisible();
  await expect(editor).toContainText(`本计划已公示（第 1 版）。保存后将立即发布第 2 版`);
  await editor.getByTestId('ratio-A').fill('5');
  await editor.getByTestId('task-save').click();
  await expect(editor).toContainText('请填写修改理由');
  expect(raw.prepare('SELECT count(*) FROM plan_versions').pluck().get()).toBe(1);
  await editor.getByTestId('task-change-reason').fill(reason);
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();
  await expect(detail.getByTestId('plan-status')).toHaveText('已公示 第 2 版');
  await expect(detail.getByTestId('version-row-2')).toContainText(reason);
  await expect(detail.getByTestId('version-row-2')).toContainText('现行');
  await expect(detail.getByTestId('version-row-1')).toContainText('（首次公示）');
}

/** Version 1 is still readable as it was published; both versions export, the old one with its old content. */
async function readVersions(p: PlanPage, reason: string): Promise<void> {
  const { page, app, dir, detail } = p;
  const raw = app.db.conn.raw;
  await detail.getByTestId('version-view-1').click();
  const versionModal = page.getByTestId('version-modal');
  await expect(versionModal.getByTestId('publication-v1')).toContainText('A级3%');
  await expect(versionModal.getByTestId('publication-v1')).toContainText('（首次公示）');
  await settledShot(page, 'plans-5-v1-readable');
  await versionModal.locator('.ant-modal-footer .ant-btn').click();
  await expect(versionModal.locator('.ant-modal')).toBeHidden();
  await detail.getByTestId('version-view-2').click();
  await expect(versionModal.getByTestId('publication-v2')).toContainText('A级5%');
  await expect(versionModal.getByTestId('publication-v2')).toContainText(reason);
  await settledShot(page, 'plans-6-v2');
  await versionModal.locator('.ant-modal-footer .ant-btn').click();

  // Both versions export; the old one with its old content.
  const v1Again = join(dir, 'v1-again.pdf');
  app.fileDialog.answer(v1Again);
  await detail.getByTestId('version-pdf-1').click();
  await expect(page.locator('.ant-message')).toContainText('v1-again.pdf');
  const again = await readPdf(readFileSync(v1Again));
  expect(again.compact).toContain('A级3%');
  expect(again.compact).not.toContain('A级5%');
  const stored = raw.prepare('SELECT version, reason FROM plan_versions ORDER BY version').all();
  expect(stored).toEqual([
    { version: 1, reason: null },
    { version: 2, reason },
  ]);
  await settledShot(page, 'plans-7-versions');
}

test('a year plan through the page: live scope counts, publish, v2 with its reason, v1 still readable, xlsx and PDF for 公示', async ({
  page,
  app,
}) => {
  const p = await test.step('a new plan (draft)', () => openNewPlan(page, app));
  await test.step('a task', () => newTask(p));
  await test.step('the live object counts', () => liveCounts(p));
  await test.step('the live inspector pool, and save', () => livePoolAndSave(p));
  await test.step('publish: version 1', () => publishV1(p));
  const reason = '按上级部署，A级对象抽查比例提高到5%';
  await test.step('a change after publication: version 2 with its reason', () => changeToV2(p, reason));
  await test.step('both versions readable and exported', () => readVersions(p, reason));
});
