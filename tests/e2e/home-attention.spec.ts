/**
 * 首页「今日待办」 end to end: a county with a sealed draw whose results stand in every state (drafts overdue and due
 * soon, 已录入, 已审核, problems with open follow-ups) and a task still to draw. The card counts each line; each link
 * opens its page filtered to exactly those, with a tag naming the filter that takes it off; nothing to do reads calm.
 */
import type { Page } from '@playwright/test';
import type { ResultEntry, ResultRowEntry } from '@shared/domain/results';
import { sheetRows } from '@shared/domain/sheets';
import { saveEntry } from '../../src-main/results/entry';
import { review } from '../../src-main/results/review';
import { loadSheets } from '../../src-main/sheets/load';
import { NOTHING_FOUND } from '../fixtures/result-entry';
import { publishedTask } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';
import { demoResults, sealedDraw } from './results-fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** A draft (no 核查方式, so still pending) on a drawn entity with no result yet, inspected on `inspectedOn`. */
function draftOn(app: AppFixture, drawId: number, entityId: number, inspectedOn: string): void {
  saveEntry(app.db.conn.raw, app.db.ctx, entryFor(app, drawId, entityId, inspectedOn), { draft: true });
}

/** A reviewed result with a problem ordered corrected by `deadline`: its follow-up is open, overdue after it. */
function problemOn(app: AppFixture, drawId: number, entityId: number, deadline: string): void {
  const request = entryFor(app, drawId, entityId, '2026-11-20');
  request.entry.rows[0] = { ...request.entry.rows[0], outcome: '不符合', finding: '未公示许可证' };
  Object.assign(request.entry, {
    methods: ['实地检查'],
    categories: ['发现问题,依法责令立即改正或者限期改正'],
    followUps: ['责令改正,后续跟踪由日常监管部门负责'],
    correctionDeadline: deadline,
  });
  review(app.db.conn.raw, app.db.ctx, saveEntry(app.db.conn.raw, app.db.ctx, request).resultIds, 'approve');
}

function entryFor(app: AppFixture, drawId: number, entityId: number, inspectedOn: string) {
  const pkg = loadSheets(app.db.conn.raw, drawId).packages.find((p) =>
    p.entities.some((e) => e.entityId === entityId),
  )!;
  const sheet = pkg.entities.find((e) => e.entityId === entityId)!;
  const rows: ResultRowEntry[] = sheetRows(sheet).map((row) => ({
    subItemId: row.subItemId,
    outcome: '符合',
    finding: '',
  }));
  const entry: ResultEntry = {
    inspectedOn,
    inspectorIds: pkg.team.map((m) => m.id),
    rows,
    ...NOTHING_FOUND,
    methods: [],
  };
  return { drawId, entityId, taskIds: sheet.tasks.map((t) => t.id), entry };
}

/**
 * The county on 2026-12-15: the demo results, one draft overdue and one due soon, a problem whose follow-up is overdue,
 * and a task not drawn yet.
 */
async function busyCounty(app: AppFixture) {
  const { taskId, drawId } = await sealedDraw(app);
  app.db.ctx.clock.now = new Date('2026-12-15T02:00:00.000Z');
  demoResults(app, drawId);
  const [late, soon, problem] = app.services.results.entities({ drawId, state: '未录入' });
  draftOn(app, drawId, late.entityId, '2026-11-02');
  draftOn(app, drawId, soon.entityId, '2026-11-23');
  problemOn(app, drawId, problem.entityId, '2026-12-01');
  const undrawn = publishedTask(app, { name: '尚未抽取的任务' });
  return { taskId, drawId, undrawn, late, soon, view: app.services.home.attention() };
}

const card = (page: Page) => page.getByTestId('attention-card');
const total = (page: Page, line: string) => page.getByTestId(`attention-${line}-total`);
const listTotal = (page: Page) => page.locator('.ant-pagination-total-text');

test('says calmly that nothing needs doing on an empty database', async ({ app, page }) => {
  await app.open('/');
  await expect(card(page).getByTestId('attention-empty')).toHaveText('今天没有待办事项。');
  await expect(card(page).locator('.ant-list-item')).toHaveCount(0);
  await screenshot(page, 'home-attention-empty');
});

test('counts every line as the database stands', async ({ app, page }) => {
  const { view } = await busyCounty(app);
  const sum = (lines: { count: number }[]) => lines.reduce((n, l) => n + l.count, 0);
  expect(sum(view.resultsOverdue)).toBe(1);
  expect(sum(view.resultsDueSoon)).toBe(1);
  await app.open('/');
  await expect(total(page, 'resultsOverdue')).toHaveText('1 户');
  await expect(total(page, 'resultsDueSoon')).toHaveText('1 户');
  await expect(total(page, 'awaitingReview')).toHaveText(`${sum(view.awaitingReview)} 户`);
  await expect(total(page, 'awaitingPublication')).toHaveText(`${sum(view.awaitingPublication)} 户`);
  await expect(total(page, 'toDraw')).toHaveText(`${view.toDraw.length} 个任务`);
  await expect(total(page, 'sheetsNotPrinted')).toHaveText(`${sum(view.sheetsNotPrinted)} 户`);
  await expect(total(page, 'followUpsOpen')).toHaveText(`${view.followUpsOpen} 条`);
  if (view.followUpsOverdue > 0)
    await expect(total(page, 'followUpsOverdue')).toHaveText(`${view.followUpsOverdue} 条`);
  await screenshot(page, 'home-attention-card');
});

test('each results line opens the results page filtered to exactly those', async ({ app, page }) => {
  const { drawId, late, soon, view } = await busyCounty(app);
  const lines = [
    { key: 'resultsOverdue', count: 1, tag: 'filter-due', row: late.name },
    { key: 'resultsDueSoon', count: 1, tag: 'filter-due', row: soon.name },
    { key: 'awaitingReview', count: view.awaitingReview[0].count, tag: null, row: null },
    { key: 'awaitingPublication', count: view.awaitingPublication[0].count, tag: 'filter-unpublished', row: null },
  ];
  for (const line of lines)
    await test.step(line.key, async () => {
      await app.open('/');
      await page.getByTestId(`attention-${line.key}`).getByRole('button').first().click();
      await expect(page).toHaveURL(new RegExp(`draw=${drawId}`));
      await expect(listTotal(page)).toHaveText(`共 ${line.count} 户`);
      if (line.tag) await expect(page.getByTestId(line.tag)).toBeVisible();
      if (line.row) await expect(page.getByRole('button', { name: line.row })).toBeVisible();
      if (line.key === 'awaitingReview') {
        await expect(page.locator('.ant-segmented-item-selected')).toHaveText('已录入');
        await expect(page.getByTestId('result-state').filter({ hasNotText: '已录入' })).toHaveCount(0);
      }
      if (line.key === 'awaitingPublication') {
        await expect(page.getByTestId('result-state').filter({ hasNotText: '已审核' })).toHaveCount(0);
        await screenshot(page, 'home-attention-results-unpublished');
      }
    });
});

test('the filter tag takes the filter off and the whole task is listed again', async ({ app, page }) => {
  const { drawId } = await busyCounty(app);
  const drawn = app.services.results.entities({ drawId }).length;
  await app.open('/');
  await page.getByTestId('attention-resultsOverdue').getByRole('button').first().click();
  const tag = page.getByTestId('filter-due');
  await expect(tag).toHaveText('只看录入已逾期');
  await expect(listTotal(page)).toHaveText('共 1 户');
  await tag.locator('.ant-tag-close-icon').click();
  await expect(tag).toHaveCount(0);
  await expect(page).not.toHaveURL(/due=/);
  await expect(listTotal(page)).toHaveText(`共 ${drawn} 户`);
});

test('the draw and 一户一表 lines open their task', async ({ app, page }) => {
  await busyCounty(app);
  await app.open('/');
  await page
    .getByTestId('attention-toDraw')
    .getByRole('button', { name: /尚未抽取的任务/ })
    .click();
  await expect(page.getByTestId('draw-task-select')).toContainText('尚未抽取的任务');
  await app.open('/');
  await page.getByTestId('attention-sheetsNotPrinted').getByRole('button').first().click();
  await expect(page.getByTestId('sheets-page')).toBeVisible();
  await expect(page).toHaveURL(/\/sheets\?draw=\d+/);
});

test('the follow-up lines open the list of open, and of overdue, follow-ups', async ({ app, page }) => {
  const { view } = await busyCounty(app);
  expect(view.followUpsOverdue).toBeGreaterThan(0);
  expect(view.followUpsOpen).toBeGreaterThan(view.followUpsOverdue);
  const rows = page.locator('[data-testid^="follow-up-"][data-row-key]');
  await app.open('/');
  await page.getByRole('button', { name: '查看未完结的后续处置' }).click();
  await expect(page.getByTestId('follow-ups-page')).toBeVisible();
  await expect(page.locator('.ant-segmented-item-selected')).toHaveText('未完结');
  await expect(rows).toHaveCount(Math.min(view.followUpsOpen, 20));
  await expect(page.getByTestId('follow-ups-overdue')).not.toBeChecked();
  await app.open('/');
  await page.getByRole('button', { name: '查看已逾期的后续处置' }).click();
  await expect(page.getByTestId('follow-ups-overdue')).toBeChecked();
  await expect(rows).toHaveCount(Math.min(view.followUpsOverdue, 20));
  await screenshot(page, 'home-attention-follow-ups-overdue');
  await page.getByTestId('follow-ups-overdue').click();
  await expect(page).not.toHaveURL(/overdue=1/);
  await expect(rows).toHaveCount(Math.min(view.followUpsOpen, 20));
});

test('the harness answers a malformed %-escape with 400, as the app:// handler does', async ({ app, page }) => {
  const answer = await page.request.get(`${app.baseUrl}%E4%B8.js`);
  expect(answer.status()).toBe(400);
});
