/**
 * 随机抽取 end to end: the operator runs a task's draw on the 随机抽取 page (准备 → 承诺 → 见证 → 揭晓 → 封存, 递补,
 * exports) while a second page at 1920×1080 shows the projector route, as the ceremony window would. Every stage of
 * the projector is screenshot and checked: type ≥ 48 px, Chinese glyphs available, nothing overflowing its box. The
 * exported proof is verified with verifyProof (src-shared/draw) from the file itself. Then a void with a reason, the
 * Chinese refusals before anything is committed, two clerks at one task, and a joint visit confirmed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { verifyProof } from '@shared/draw';
import { DEMO_WITNESSES } from '@shared/domain/draws';
import { nodeSha256 } from '../../src-main/draws/node-sha256';
import { readPdf } from '../integration/documents/pdf-text';
import { confirmModal, confirmPopover, loadDemo, pageShot, publishedTask, tempDir, TEST_YEAR } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';

const SMALL_TASK = {
  name: `${TEST_YEAR}年餐饮服务单位双随机抽查`,
  scope: { entityTypes: [], industries: ['餐饮服务'], areas: [], offices: [], tags: [], grades: [] },
  ratio: { mode: 'fixed' as const, count: 6 },
  packageSize: 3,
  clusterBy: 'none' as const,
  requiredTags: [],
  excludeRecentYears: 0,
};
const CEREMONY = { place: '县局三楼会议室', operator: '张敏', supervisor: '刘强(纪检)' };

/** The projector page: 1920×1080, bridged to the same services, on the task's ceremony route. */
async function openProjector(
  page: Page,
  app: AppFixture,
  taskId: number,
  reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
): Promise<Page> {
  const projector = await page.context().newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.emulateMedia({ reducedMotion });
  await app.bridge(projector);
  await projector.goto(`${app.baseUrl}index.html#/ceremony/${taskId}`);
  await expect(projector.getByTestId('ceremony-view')).toBeVisible();
  // The operator's window stays in front: Chromium runs a page behind another at ~1 frame a second, and every click
  // waits for frames. (The projector only polls and animates; its screenshots render a frame of their own.)
  await page.bringToFront();
  return projector;
}

/**
 * What a person at the back of the room needs: every piece of text ≥ 48 px, the CJK font present, and nothing cut off
 * (no element wider or taller than its box, nothing outside the 1920×1080 screen).
 */
async function checkProjector(projector: Page, name: string): Promise<void> {
  const report = await projector.evaluate(() => {
    const root = document.querySelector('.ceremony') as HTMLElement;
    const small: string[] = [];
    const cut: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!text) continue;
      const el = node.parentElement!;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 48) small.push(`${size}px「${text.slice(0, 16)}」`);
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1)
        cut.push(`off screen「${text.slice(0, 16)}」`);
      // Horizontal: an ellipsis or a clipped line. (Vertically, CJK glyph boxes exceed the line height by design.)
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`overflows「${text.slice(0, 16)}」`);
    }
    if (root.scrollHeight > root.clientHeight + 1)
      cut.push(`screen overflows by ${root.scrollHeight - root.clientHeight}px`);
    const stage = root.getBoundingClientRect();
    return {
      small,
      cut,
      cjk: document.fonts.check('48px "Noto Sans CJK SC"', '双随机抽取'),
      window: [innerWidth, innerHeight],
      stage: [stage.x, stage.y, stage.width, stage.height].map(Math.round),
    };
  });
  expect(report, name).toEqual({ small: [], cut: [], cjk: true, window: [1920, 1080], stage: [0, 0, 1920, 1080] });
  await screenshot(projector, name);
}

/** 承诺 on the operator page: who and where, then the confirmation. */
async function commit(page: Page, who = CEREMONY): Promise<void> {
  const panel = page.getByTestId('draw-panel');
  await panel.getByTestId('commit-place').fill(who.place);
  await panel.getByTestId('commit-operator').fill(who.operator);
  await panel.getByTestId('commit-supervisor').fill(who.supervisor);
  await panel.getByTestId('draw-commit').click();
  await confirmPopover(page);
}

const phase = (projector: Page, value: string, timeout?: number) =>
  expect(projector.getByTestId('ceremony-view')).toHaveAttribute(
    'data-phase',
    value,
    timeout ? { timeout } : undefined,
  );
const hashOf = (page: Page, testId: string) => page.getByTestId(testId).first().getAttribute('data-value');
const drawsOf = (app: AppFixture, taskId: number) =>
  app.db.conn.raw.prepare('SELECT id, state, void_reason FROM draws WHERE task_id = ? ORDER BY id').all(taskId) as {
    id: number;
    state: string;
    void_reason: string | null;
  }[];

test('the whole draw from the operator page, the projector at 1920×1080 at every stage, the proof verified from its file, 递补', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  loadDemo(app);
  const dir = tempDir('ssj-e2e-draw-');
  const taskId = publishedTask(app, SMALL_TASK);
  await app.open(`/draw?task=${taskId}`);
  const panel = page.getByTestId('draw-panel');
  await expect(panel.getByTestId('draw-task-number')).toHaveText(`某市监抽查〔${TEST_YEAR}〕1号`);
  /** Clicks an export button, answers its save dialog with `fileName`, and reads the file back (JSON, or a PDF's text). */
  const exportThroughDialog = async (button: string, fileName: string): Promise<unknown> => {
    const path = join(dir, fileName);
    app.fileDialog.answer(path);
    await panel.getByTestId(button).click();
    await expect(page.locator('.ant-message')).toContainText(fileName);
    return fileName.endsWith('.json')
      ? JSON.parse(readFileSync(path, 'utf8'))
      : (await readPdf(readFileSync(path))).compact;
  };

  // The operator asks for the projector window; the harness records it and the test opens the route itself.
  await panel.getByTestId('ceremony-open').click();
  await expect(page.locator('.ant-message')).toContainText('投影画面已在新窗口中打开');
  expect(app.ceremonyWindows).toEqual([taskId]);
  const projector = await openProjector(page, app, taskId);
  await phase(projector, 'waiting');
  await expect(projector.getByTestId('nav')).toHaveCount(0);
  await expect(projector.locator('button, input, a')).toHaveCount(0);
  await checkProjector(projector, 'ceremony-0-waiting');

  // ——— 准备 ———
  await panel.getByTestId('draw-prepare').click();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  await expect(panel.getByTestId('prep-quota')).toHaveText('6');
  const inputDigest = await hashOf(page, 'hash-inputDigest');
  expect(inputDigest).toMatch(/^[0-9a-f]{64}$/);
  await phase(projector, 'prepared');
  await expect(projector.getByTestId('ceremony-hash-inputDigest')).toHaveAttribute('data-value', inputDigest!);
  await expect(projector.getByTestId('ceremony-counts')).toContainText(
    await panel.getByTestId('prep-candidates').innerText(),
  );
  await checkProjector(projector, 'ceremony-1-prepared');
  await pageShot(page, 'draw-1-prepared');

  // ——— 承诺 ———
  await commit(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已承诺(见证中)');
  const nonceCommit = await hashOf(page, 'hash-nonceCommit');
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
  const part1Text = await exportThroughDialog('export-record-commit', '记录表第一部分.pdf');
  expect(part1Text).toContain(nonceCommit!);
  expect(part1Text).toContain(CEREMONY.supervisor);

  // ——— 见证: each value in turn, shown on the projector as it comes ———
  const witnesses = [
    ...DEMO_WITNESSES.slice(0, 2),
    { name: '福利彩票第2026135期开奖号码', role: '', value: '03 11 17 24 29 33 + 08', isPublic: true },
  ];
  for (const [i, w] of witnesses.entries()) {
    const form = panel.getByTestId('witness-form');
    if ('isPublic' in w) await form.getByTestId('witness-kind').click();
    await form.getByTestId('witness-name').fill(w.name);
    if (w.role) await form.getByTestId('witness-role').fill(w.role);
    await form.getByTestId('witness-value').fill(w.value);
    await form.getByTestId('witness-add').click();
    await expect(panel.getByTestId('witness-list').locator('tr.ant-table-row')).toHaveCount(i + 1);
    await expect(projector.getByTestId(`ceremony-witness-${i + 1}`)).toContainText(w.value);
    await projector.waitForTimeout(700); // the witness slides in
    await checkProjector(projector, `ceremony-3-witness-${i + 1}`);
  }
  await expect(projector.getByTestId('ceremony-witness-3')).toContainText('公开值');
  await pageShot(page, 'draw-3-witnesses');

  // ——— 揭晓: the animated reveal, then the summary ———
  await panel.getByTestId('draw-reveal').click();
  await confirmPopover(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已揭晓');
  await phase(projector, 'reveal');
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
  await projector.waitForTimeout(3000); // every line of the slide has appeared
  await checkProjector(projector, 'ceremony-4-reveal');
  await phase(projector, 'summary', 30_000);
  await expect(projector.getByTestId('ceremony-summary')).toContainText('结果待封存');
  const seed = await hashOf(page, 'hash-seed');
  await expect(projector.getByTestId('ceremony-hash-seed')).toHaveAttribute('data-value', seed!);
  await checkProjector(projector, 'ceremony-5-summary');

  // ——— 封存 ———
  await panel.getByTestId('draw-seal').click();
  await confirmPopover(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已封存');
  await expect(projector.getByTestId('ceremony-summary')).toContainText('结果已封存');
  await checkProjector(projector, 'ceremony-6-sealed');
  await pageShot(page, 'draw-4-sealed');

  // The proof, through the save dialog, verified from the file with nothing but the verifier and SHA-256.
  const proof = (await exportThroughDialog('export-proof', '抽取证明.json')) as { commitment: unknown; seed: string };
  expect(proof.commitment).toEqual({ inputDigest, nonceCommit });
  expect(proof.seed).toBe(seed);
  expect(verifyProof(proof, nodeSha256)).toMatchObject({ valid: true, seed, amendments: 0 });
  expect(existsSync(join(dir, '抽取证明-离线验证页.html'))).toBe(true);
  expect(await exportThroughDialog('export-record-result', '记录表第二部分.pdf')).toContain(seed!);

  // ——— 递补 with a required reason ———
  const amendButton = firstPackage.locator('[data-testid^="amend-1-"]').first();
  const out = (await amendButton.getAttribute('data-testid'))!.replace('amend-1-', '');
  await amendButton.click();
  const amendModal = page.getByTestId('amend-modal');
  await confirmModal(page, 'amend-modal');
  await expect(amendModal).toContainText('请填写递补理由');
  const reason = '与检查对象负责人有亲属关系,申请回避';
  await amendModal.getByTestId('amend-reason').fill(reason);
  await confirmModal(page, 'amend-modal');
  const amendments = panel.getByTestId('draw-amendments');
  await expect(amendments).toContainText(reason);
  await expect(amendments).toContainText(out);
  await expect(firstPackage.locator(`[data-testid="amend-1-${out}"]`)).toHaveCount(0);
  await expect(projector.getByTestId('ceremony-amendment-1')).toContainText(reason);
  await checkProjector(projector, 'ceremony-7-amended');
  await pageShot(page, 'draw-5-amended');

  const amended = (await exportThroughDialog('export-proof', '抽取证明-递补后.json')) as { amendments: unknown[] };
  expect(amended.amendments).toEqual([expect.objectContaining({ package: 1, out, reason })]);
  expect(verifyProof(amended, nodeSha256)).toMatchObject({ valid: true, seed, amendments: 1 });
  expect(await exportThroughDialog('export-record-result', '记录表第二部分-递补后.pdf')).toContain(reason);
  await projector.close();
});

test('a larger reveal pages through the packages, four to a screen, every screen fitting, then the summary', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  loadDemo(app);
  const taskId = publishedTask(app, { ...SMALL_TASK, ratio: { mode: 'fixed', count: 30 } });
  const draws = app.services.draws;
  const { id } = await draws.prepare({ taskId });
  draws.commit({ drawId: id, ...CEREMONY });
  for (const w of DEMO_WITNESSES) draws.witness({ drawId: id, ...w });
  await app.open(`/draw?task=${taskId}`);
  const projector = await openProjector(page, app, taskId);
  await projector.bringToFront(); // nothing to click on the operator's page: the projector's timers run at full rate
  await phase(projector, 'committed');
  await expect(projector.getByTestId('ceremony-witness-3')).toBeVisible();
  await projector.waitForTimeout(800); // the witnesses slide in
  await checkProjector(projector, 'ceremony-10-three-witnesses');
  await draws.reveal({ drawId: id });
  await phase(projector, 'reveal');
  const reveal = projector.getByTestId('ceremony-reveal');
  for (const [slide, first] of [
    [1, 1],
    [2, 5],
    [3, 9],
  ]) {
    await expect(reveal).toHaveAttribute('data-slide', String(slide), { timeout: 20_000 });
    await expect(reveal.locator('[data-testid^="ceremony-package-"]')).toHaveCount(slide < 3 ? 4 : 2);
    await expect(projector.getByTestId(`ceremony-package-${first}`)).toBeVisible();
    await projector.waitForTimeout(6000); // every line of the screen has appeared
    await checkProjector(projector, `ceremony-11-reveal-${slide}`);
  }
  await phase(projector, 'summary', 20_000);
  await expect(projector.getByTestId('ceremony-summary')).toContainText('30');
  await checkProjector(projector, 'ceremony-12-summary-10-packages');
  await projector.close();
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
    await expect(progress).toContainText('正在准备:保存准备结果(在后台进行,页面可以继续查看)');
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

test('a committed draw is voided with its reason, never deleted; the task can be prepared again', async ({
  page,
  app,
}) => {
  loadDemo(app);
  const taskId = publishedTask(app, {
    ...SMALL_TASK,
    name: '2026年食品销售者双随机抽查',
    scope: { ...SMALL_TASK.scope, industries: ['食品销售'] },
  });
  await app.open(`/draw?task=${taskId}`);
  const projector = await openProjector(page, app, taskId);
  const panel = page.getByTestId('draw-panel');
  await panel.getByTestId('draw-prepare').click();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  await commit(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已承诺(见证中)');
  const form = panel.getByTestId('witness-form');
  await form.getByTestId('witness-name').fill('李明');
  await form.getByTestId('witness-value').fill('314159');
  await form.getByTestId('witness-add').click();
  await expect(panel.getByTestId('witness-list').locator('tr.ant-table-row')).toHaveCount(1);

  await panel.getByTestId('draw-void').click();
  await confirmModal(page, 'void-modal');
  await expect(page.getByTestId('void-modal')).toContainText('请填写作废理由');
  expect(drawsOf(app, taskId).map((d) => d.state)).toEqual(['committed']);
  const reason = '会场停电,见证人未能全部到场,经监督人员同意作废';
  await page.getByTestId('void-modal').getByTestId('void-reason').fill(reason);
  await confirmModal(page, 'void-modal');
  await expect(panel.getByTestId('draw-voided')).toContainText(reason);
  await expect(panel.getByTestId('draw-state')).toHaveText('已作废');
  await expect(panel.getByTestId('draw-prepare')).toHaveText('重新准备');
  await expect(panel.locator('.ant-steps-item-error')).toHaveCount(1);
  // Kept on record, with its commitment and witness.
  expect(drawsOf(app, taskId)).toEqual([expect.objectContaining({ state: 'voided', void_reason: reason })]);
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM draw_witnesses').pluck().get()).toBe(1);
  await phase(projector, 'voided');
  await expect(projector.getByTestId('ceremony-voided')).toContainText(reason);
  await checkProjector(projector, 'ceremony-8-voided');
  // A smaller projector (1280×800) shows the same picture, scaled to fit.
  await projector.bringToFront(); // a page behind another gets no frames, so no resize is seen
  await projector.setViewportSize({ width: 1280, height: 800 });
  await expect(async () => {
    const box = await projector
      .getByTestId('ceremony-view')
      .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect([box.x, box.y, box.width, box.height].map(Math.round)).toEqual([0, 40, 1280, 720]);
  }).toPass({ timeout: 5000 });
  await screenshot(projector, 'ceremony-9-voided-1280x800');
  await page.bringToFront();
  await pageShot(page, 'draw-6-voided');

  // The next attempt shows the void (its inputs carry it too: draw-inputs.ts, tested with the service).
  await panel.getByTestId('draw-prepare').click();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  await expect(page.getByTestId('voided-attempt-1')).toContainText(reason);
  await projector.close();
});

test('bad input is refused in Chinese at 准备 and nothing is written: empty scope, too few inspectors, a passed window; two clerks at one task', async ({
  page,
  app,
}) => {
  loadDemo(app);
  const raw = app.db.conn.raw;
  // 城关片区 entities are all supervised by 城关市场监管所: with 东关's office as well, nothing is in scope.
  const empty = publishedTask(app, {
    ...SMALL_TASK,
    name: '范围为空的任务',
    scope: { ...SMALL_TASK.scope, areas: ['城关片区'], offices: ['东关市场监管所'] },
  });
  const fewInspectors = publishedTask(app, {
    ...SMALL_TASK,
    name: '人员不足的任务',
    teamSize: 8,
    inspectorScope: { kind: '单一所', offices: ['城关市场监管所'] },
  });
  const passed = publishedTask(app, {
    ...SMALL_TASK,
    name: '已过期的任务',
    startDate: `${TEST_YEAR}-03-01`,
    endDate: `${TEST_YEAR}-06-30`,
  });
  const cases: [number, RegExp, string][] = [
    [empty, /检查对象范围内没有可抽取的对象/, 'draw-bad-empty-scope'],
    [fewInspectors, /执法人员范围内在岗人员只有 \d 人,不足每组 8 人/, 'draw-bad-few-inspectors'],
    [passed, /开展时间已于 2026-06-30 结束,不能再抽取/, 'draw-bad-window-passed'],
  ];
  const auditBefore = raw.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  for (const [taskId, message, shot] of cases) {
    await app.open(`/draw?task=${taskId}`);
    const panel = page.getByTestId('draw-panel');
    await panel.getByTestId('draw-prepare').click();
    const error = panel.getByTestId('draw-error');
    await expect(error).toContainText('准备未完成,没有保存任何内容');
    await expect(error).toContainText(message);
    await expect(panel.getByTestId('draw-state')).toHaveCount(0);
    expect(drawsOf(app, taskId)).toEqual([]);
    await pageShot(page, shot);
  }
  expect(raw.prepare('SELECT count(*) FROM draw_inputs').pluck().get()).toBe(0);
  expect(raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);

  // Two clerks at one task: this page prepared, another clerk prepared and committed first.
  const contested = publishedTask(app, { ...SMALL_TASK, name: '两位操作员同时抽取的任务' });
  await app.open(`/draw?task=${contested}`);
  const panel = page.getByTestId('draw-panel');
  await panel.getByTestId('draw-prepare').click();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  const other = await app.services.draws.prepare({ taskId: contested });
  app.services.draws.commit({ drawId: other.id, ...CEREMONY });
  await commit(page, { place: '二楼会议室', operator: '王强', supervisor: '赵丽' });
  await expect(panel.getByTestId('draw-error')).toContainText('未能承诺');
  await expect(panel.getByTestId('draw-error')).toContainText(`同一任务的另一次准备(抽取编号 ${other.id})已承诺`);
  // The page now shows the other clerk's committed draw; exactly one commitment exists.
  await expect(panel.getByTestId('draw-state')).toHaveText('已承诺(见证中)');
  expect(
    drawsOf(app, contested)
      .filter((d) => d.state === 'committed')
      .map((d) => d.id),
  ).toEqual([other.id]);
  await pageShot(page, 'draw-bad-two-clerks');
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
  await page.getByTestId('visit-modal').getByTestId('visit-note').fill('两部门同日上门,一次检查');
  await confirmModal(page, 'visit-modal');
  await expect(page.locator('.ant-message')).toContainText('已合并');
  await expect(card.getByTestId('visit-merged').locator('tr.ant-table-row')).toHaveCount(1);
  await expect(card).toContainText(`共 ${drawn / 2 - 1} 户`);
  const visits = app.db.conn.raw
    .prepare('SELECT note, (SELECT count(*) FROM joint_visit_tasks) AS tasks FROM joint_visits')
    .all();
  expect(visits).toEqual([{ note: '两部门同日上门,一次检查', tasks: 2 }]);
  await pageShot(page, 'draw-8-joint-merged');
});
