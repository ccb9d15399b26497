/**
 * 随机抽取 end to end: the operator runs a task's draw on the 随机抽取 page (准备 → 承诺 → 见证 → 揭晓 → 封存, 递补,
 * exports) while a second page at 1920×1080 shows the projector route, as the ceremony window would. Every stage of
 * the projector is screenshot and checked: type ≥ 48 px, Chinese glyphs available, nothing overflowing its box. The
 * exported proof is verified with verifyProof (src-shared/draw) from the file itself. Then a long step's progress,
 * and a joint visit confirmed (the operator paging a larger reveal: draw-reveal.spec.ts; a void and the refusals:
 * draw-void-refusals.spec.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { verifyProof } from '@shared/draw';
import { DEMO_WITNESSES } from '@shared/domain/draws';
import { nodeSha256 } from '../../src-main/draws/node-sha256';
import { readPdf } from '../integration/documents/pdf-text';
import {
  confirmModal,
  confirmPopover,
  loadDemo,
  pageShot,
  publishedTask,
  tempDir,
  TEST_YEAR,
  typeWitness,
} from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';
import { CEREMONY, checkProjector, commit, hashOf, openProjector, phase, SMALL_TASK } from './ceremony-fixtures';

/** The operator's page and the projector, one draw through them stage by stage, and what each stage showed. */
interface Ceremony {
  page: Page;
  app: AppFixture;
  taskId: number;
  dir: string;
  panel: Locator;
  projector: Page;
  inputDigest?: string | null;
  nonceCommit?: string | null;
  seed?: string | null;
}

/** Clicks an export button, answers its save dialog with `fileName`, and reads the file back (JSON, or a PDF's text). */
async function exportThroughDialog(c: Ceremony, button: string, fileName: string): Promise<unknown> {
  const path = join(c.dir, fileName);
  c.app.fileDialog.answer(path);
  await c.panel.getByTestId(button).click();
  // The proof asks first whether to save the offline verify page beside it.
  if (button === 'export-proof') await c.page.getByRole('button', { name: '一并保存' }).click();
  // The document worker renders the PDF: allow for a busy machine.
  await expect(c.page.locator('.ant-message')).toContainText(fileName, { timeout: 30_000 });
  return fileName.endsWith('.json')
    ? JSON.parse(readFileSync(path, 'utf8'))
    : (await readPdf(readFileSync(path))).compact;
}

/** The task's draw page, and the projector window the operator asks for, waiting. */
async function openCeremony(page: Page, app: AppFixture): Promise<Ceremony> {
  loadDemo(app);
  const dir = tempDir('ssj-e2e-draw-');
  const taskId = publishedTask(app, SMALL_TASK);
  await app.open(`/draw?task=${taskId}`);
  const panel = page.getByTestId('draw-panel');
  await expect(panel.getByTestId('draw-task-number')).toHaveText(`某市监抽查〔${TEST_YEAR}〕1号`);
  // The operator asks for the projector window; the harness records it and the test opens the route itself.
  await panel.getByTestId('ceremony-open').click();
  await expect(page.locator('.ant-message')).toContainText('投影画面已在新窗口中打开');
  expect(app.ceremonyWindows).toEqual([taskId]);
  const projector = await openProjector(page, app, taskId);
  await phase(projector, 'waiting');
  await expect(projector.getByTestId('nav')).toHaveCount(0);
  await expect(projector.locator('button, input, a')).toHaveCount(0);
  await checkProjector(projector, 'ceremony-0-waiting');
  return { page, app, taskId, dir, panel, projector };
}

async function prepareStage(c: Ceremony): Promise<void> {
  const { page, panel, projector } = c;
  await panel.getByTestId('draw-prepare').click();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  await expect(panel.getByTestId('prep-quota')).toHaveText('6');
  const inputDigest = (c.inputDigest = await hashOf(page, 'hash-inputDigest'));
  expect(inputDigest).toMatch(/^[0-9a-f]{64}$/);
  await phase(projector, 'prepared');
  await expect(projector.getByTestId('ceremony-hash-inputDigest')).toHaveAttribute('data-value', inputDigest!);
  await expect(projector.getByTestId('ceremony-counts')).toContainText(
    await panel.getByTestId('prep-candidates').innerText(),
  );
  await checkProjector(projector, 'ceremony-1-prepared');
  await pageShot(page, 'draw-1-prepared');
}

async function commitStage(c: Ceremony): Promise<void> {
  const { page, app, panel, projector, taskId, inputDigest } = c;
  await commit(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已承诺（见证中）');
  const nonceCommit = (c.nonceCommit = await hashOf(page, 'hash-nonceCommit'));
  expect(nonceCommit).toMatch(/^[0-9a-f]{64}$/);
  await phase(projector, 'committed');
  await expect(projector.getByTestId('ceremony-hash-nonceCommit')).toHaveAttribute('data-value', nonceCommit!);
  await expect(projector.getByTestId('ceremony-hash-inputDigest')).toHaveAttribute('data-value', inputDigest!);
  // The nonce is never shown before 揭晓.
  const nonce = app.db.conn.raw.prepare('SELECT nonce FROM draws WHERE task_id = ?').pluck().get(taskId) as string;
  expect(await projector.content()).not.toContain(nonce);
  expect(await page.content()).not.toContain(nonce);
  await checkProjector(projector, 'ceremony-2-committed');
  await pageShot(page, 'draw-2-committed');
  // Part one of the record, printed now.
  const part1Text = await exportThroughDialog(c, 'export-record-commit', '记录表第一部分.pdf');
  expect(part1Text).toContain(nonceCommit!);
  expect(part1Text).toContain(CEREMONY.supervisor);
}

/** 见证: each value in turn, shown on the projector as it comes. */
async function witnessStage(c: Ceremony): Promise<void> {
  const { page, panel, projector } = c;
  const witnesses = [
    ...DEMO_WITNESSES.slice(0, 2),
    { name: '福利彩票第2026135期开奖号码', role: '', value: '03 11 17 24 29 33 + 08', isPublic: true },
  ];
  for (const [i, w] of witnesses.entries()) {
    const dialog = await typeWitness(panel, w);
    if (i === 0) await pageShot(page, 'draw-3-witness-readback');
    await dialog.getByRole('button', { name: '核对无误，录入' }).click();
    await expect(panel.getByTestId('witness-list').locator('tr.ant-table-row')).toHaveCount(i + 1);
    await expect(projector.getByTestId(`ceremony-witness-${i + 1}`)).toContainText(w.value);
    await projector.waitForTimeout(700); // the witness slides in
    await checkProjector(projector, `ceremony-3-witness-${i + 1}`);
  }
  await expect(projector.getByTestId('ceremony-witness-3')).toContainText('公开值');
  await pageShot(page, 'draw-3-witnesses');
}

/** 揭晓: the animated reveal (and the same with reduced motion), then the summary. */
async function revealStage(c: Ceremony): Promise<void> {
  const { page, app, panel, projector, taskId } = c;
  await panel.getByTestId('draw-reveal').click();
  await confirmPopover(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已揭晓');
  await phase(projector, 'reveal');
  await panel.getByTestId('reveal-pause').click(); // the operator holds the first screen while the room reads it
  await expect(projector.getByTestId('ceremony-paused')).toBeVisible();
  const firstPackage = panel.getByTestId('package-row-1');
  const firstNames = await firstPackage.locator('td').nth(2).locator('strong').allInnerTexts();
  expect(firstNames).toHaveLength(3);
  for (const name of firstNames) await expect(projector.getByTestId('ceremony-package-1')).toContainText(name);
  expect(
    await projector
      .locator('.ceremony-appear')
      .first()
      .evaluate((el) => getComputedStyle(el).animationName),
  ).toBe('ceremony-in');
  // A second projector that asks for reduced motion: the same reveal, every line simply there, nothing moving.
  const calm = await openProjector(page, app, taskId, 'reduce');
  await phase(calm, 'reveal');
  const motion = await calm
    .locator('.ceremony-appear, .ceremony-package')
    .evaluateAll((els) => els.map((el) => `${getComputedStyle(el).animationName}/${getComputedStyle(el).opacity}`));
  expect(motion.length).toBeGreaterThan(0);
  expect(new Set(motion)).toEqual(new Set(['none/1']));
  await calm.close();
  await projector.waitForTimeout(6500); // every line of the screen has appeared
  await checkProjector(projector, 'ceremony-4-reveal');
  // The summary when the operator says so.
  await expect(panel.getByTestId('reveal-controls')).toBeVisible();
  await panel.getByTestId('reveal-summary').click();
  await phase(projector, 'summary');
  await expect(projector.getByTestId('ceremony-summary')).toContainText('结果待封存');
  const seed = (c.seed = await hashOf(page, 'hash-seed'));
  await expect(projector.getByTestId('ceremony-hash-seed')).toHaveAttribute('data-value', seed!);
  await checkProjector(projector, 'ceremony-5-summary');
}

/** 封存, then the proof through the save dialog, verified from the file with nothing but the verifier and SHA-256. */
async function sealStage(c: Ceremony): Promise<void> {
  const { page, panel, projector, dir, inputDigest, nonceCommit, seed } = c;
  await panel.getByTestId('draw-seal').click();
  await confirmPopover(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已封存');
  await expect(projector.getByTestId('ceremony-summary')).toContainText('结果已封存');
  await checkProjector(projector, 'ceremony-6-sealed');
  await pageShot(page, 'draw-4-sealed');

  // The proof, through the save dialog, verified from the file with nothing but the verifier and SHA-256.
  const proof = (await exportThroughDialog(c, 'export-proof', '抽取证明.json')) as {
    commitment: unknown;
    seed: string;
  };
  expect(proof.commitment).toEqual({ inputDigest, nonceCommit });
  expect(proof.seed).toBe(seed);
  expect(verifyProof(proof, nodeSha256)).toMatchObject({ valid: true, seed, amendments: 0 });
  expect(existsSync(join(dir, '抽取证明-离线验证页.html'))).toBe(true);
  expect(await exportThroughDialog(c, 'export-record-result', '记录表第二部分.pdf')).toContain(seed!);
}

/** 递补 with a required reason; the amended proof still verifies. */
async function amendStage(c: Ceremony): Promise<void> {
  const { page, panel, projector, seed } = c;
  const firstPackage = panel.getByTestId('package-row-1');
  const amendButton = firstPackage.locator('[data-testid^="amend-1-"]').first();
  const out = (await amendButton.getAttribute('data-testid'))!.replace('amend-1-', '');
  await amendButton.click();
  const amendModal = page.getByTestId('amend-modal');
  await confirmModal(page, 'amend-modal');
  await expect(amendModal).toContainText('请填写递补理由');
  const reason = '与检查对象负责人有亲属关系，申请回避';
  await amendModal.getByTestId('amend-reason').fill(reason);
  await confirmModal(page, 'amend-modal');
  const amendments = panel.getByTestId('draw-amendments');
  await expect(amendments).toContainText(reason);
  await expect(amendments).toContainText(out);
  await expect(firstPackage.locator(`[data-testid="amend-1-${out}"]`)).toHaveCount(0);
  await expect(projector.getByTestId('ceremony-amendment-1')).toContainText(reason);
  await checkProjector(projector, 'ceremony-7-amended');
  await pageShot(page, 'draw-5-amended');

  const amended = (await exportThroughDialog(c, 'export-proof', '抽取证明-递补后.json')) as { amendments: unknown[] };
  expect(amended.amendments).toEqual([expect.objectContaining({ package: 1, out, reason })]);
  expect(verifyProof(amended, nodeSha256)).toMatchObject({ valid: true, seed, amendments: 1 });
  expect(await exportThroughDialog(c, 'export-record-result', '记录表第二部分-递补后.pdf')).toContain(reason);
}

test('the whole draw from the operator page, the projector at 1920×1080 at every stage, the proof verified from its file, 递补', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const c = await test.step('the task and the projector open', () => openCeremony(page, app));
  await test.step('准备', () => prepareStage(c));
  await test.step('承诺', () => commitStage(c));
  await test.step('见证', () => witnessStage(c));
  await test.step('揭晓', () => revealStage(c));
  await test.step('封存 and the proof', () => sealStage(c));
  await test.step('递补', () => amendStage(c));
  await c.projector.close();
});

test('a long step runs in the background: its progress on the page and the projector, and the services answer meanwhile', async ({
  page,
  app,
}) => {
  loadDemo(app);
  const taskId = publishedTask(app, { ...SMALL_TASK, name: '进度显示测试任务' });
  await app.open(`/draw?task=${taskId}`);
  const panel = page.getByTestId('draw-panel');
  const projector = await openProjector(page, app, taskId);
  await phase(projector, 'waiting');
  // Another connection holds the write lock (as an import would): 准备 reads the roster, then waits to store what it
  // prepared — its progress stays at 保存准备结果 until the lock goes (the draw worker waits up to 30 s for it).
  const other = new BetterSqlite3(app.db.path);
  other.exec('BEGIN IMMEDIATE');
  try {
    await panel.getByTestId('draw-prepare').click();
    const progress = panel.getByTestId('draw-progress');
    await expect(progress).toContainText('正在准备：保存准备结果（在后台进行，页面可以继续查看）');
    await expect(progress).toContainText('75%');
    // The main process is not held up by the step: another call through the bridge is answered at once.
    const answeredIn = await page.evaluate(async () => {
      const started = performance.now();
      await window.api['settings:get']();
      return performance.now() - started;
    });
    expect(answeredIn).toBeLessThan(500);
    await screenshot(page, 'draw-6-long-step-progress');
    await projector.bringToFront();
    await expect(projector.getByTestId('ceremony-busy')).toContainText('保存准备结果', { timeout: 2000 });
    await expect(projector.locator('.ceremony-progress > div')).toHaveAttribute('style', /width: 75%/);
    await projector.waitForTimeout(400); // the bar grows to it (0.3 s)
    await screenshot(projector, 'ceremony-13-long-step-progress');
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  await page.bringToFront();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  await expect(panel.getByTestId('draw-progress')).toHaveCount(0);
  await projector.close();
});

test('joint visits: the same entity drawn by two departments in overlapping windows is proposed; the clerk confirms and it is recorded', async ({
  page,
  app,
}) => {
  loadDemo(app);
  // Both tasks draw every restaurant of 城关片区 (100%), one led by the bureau, one by the health commission.
  const shared = {
    ...SMALL_TASK,
    scope: { ...SMALL_TASK.scope, areas: ['城关片区'] },
    ratio: { mode: 'uniform' as const, bp: 10000 },
  };
  const food = publishedTask(app, { ...shared, name: '餐饮服务食品安全抽查' });
  const health = publishedTask(app, {
    ...shared,
    name: '餐饮场所卫生抽查',
    leadDepartment: '县卫生健康委员会',
    startDate: `${TEST_YEAR}-11-15`,
    endDate: `${TEST_YEAR}-12-15`,
  });
  const draws = app.services.draws;
  for (const taskId of [food, health]) {
    const { id } = await draws.prepare({ taskId });
    draws.commit({ drawId: id, ...CEREMONY });
    draws.witness({ drawId: id, name: '李明', value: '314159' });
    await draws.reveal({ drawId: id });
    await draws.seal({ drawId: id });
  }
  const drawn = app.db.conn.raw.prepare('SELECT count(*) FROM draw_selected').pluck().get() as number;
  expect(drawn % 2).toBe(0);
  await app.open(`/draw?task=${food}`);
  const card = page.getByTestId('joint-visits');
  await expect(card).toContainText(`共 ${drawn / 2} 户`);
  const first = card.getByTestId('visit-proposals').locator('tr.ant-table-row').first();
  await expect(first).toContainText('县卫生健康委员会');
  await expect(first).toContainText(`${TEST_YEAR}年11月15日至${TEST_YEAR}年12月15日`);
  await pageShot(page, 'draw-7-joint-proposals');
  await first.locator('[data-testid^="visit-merge-"]').click();
  await page.getByTestId('visit-modal').getByTestId('visit-note').fill('两部门同日上门，一次检查');
  await confirmModal(page, 'visit-modal');
  await expect(page.locator('.ant-message')).toContainText('已合并');
  await expect(card.getByTestId('visit-merged').locator('tr.ant-table-row')).toHaveCount(1);
  await expect(card).toContainText(`共 ${drawn / 2 - 1} 户`);
  const visits = app.db.conn.raw
    .prepare('SELECT note, (SELECT count(*) FROM joint_visit_tasks) AS tasks FROM joint_visits')
    .all();
  expect(visits).toEqual([{ note: '两部门同日上门，一次检查', tasks: 2 }]);
  await pageShot(page, 'draw-8-joint-merged');
});
