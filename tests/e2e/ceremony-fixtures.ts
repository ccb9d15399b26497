/**
 * Helpers of the draw e2e specs (draw-ceremony.spec.ts, draw-void-refusals.spec.ts): a small task, the ceremony's
 * people, the projector page and what it must show, 承诺 on the operator page.
 */
import type { Locator, Page } from '@playwright/test';
import type { TaskInput } from '@shared/domain/tasks';
import { confirmPopover, loadDemo, publishedTask, TEST_YEAR } from './draw-fixtures';
import { expect, screenshot, type AppFixture } from './harness';

export const SMALL_TASK = {
  name: `${TEST_YEAR}年餐饮服务单位双随机抽查`,
  scope: { entityTypes: [], industries: ['餐饮服务'], areas: [], offices: [], tags: [], grades: [] },
  ratio: { mode: 'fixed' as const, count: 6 },
  packageSize: 3,
  clusterBy: 'none' as const,
  requiredTags: [],
  excludeRecentYears: 0,
};
export const CEREMONY = { place: '县局三楼会议室', operator: '张敏', supervisor: '刘强(纪检)' };

/** The projector page: 1920×1080, bridged to the same services, on the task's ceremony route. */
export async function openProjector(
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
 * (no element wider or taller than its box, nothing outside the screen, 1920×1080 unless `size` says otherwise).
 */
export async function checkProjector(
  projector: Page,
  name: string,
  size = { width: 1920, height: 1080 },
): Promise<void> {
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
  const { width, height } = size;
  expect(report, name).toEqual({
    small: [],
    cut: [],
    cjk: true,
    window: [width, height],
    stage: [0, 0, width, height],
  });
  await screenshot(projector, name);
}

/** 承诺 on the operator page: who and where, then the confirmation. */
export async function commit(page: Page, who = CEREMONY): Promise<void> {
  const panel = page.getByTestId('draw-panel');
  await panel.getByTestId('commit-place').fill(who.place);
  await panel.getByTestId('commit-operator').fill(who.operator);
  await panel.getByTestId('commit-supervisor').fill(who.supervisor);
  await panel.getByTestId('draw-commit').click();
  await confirmPopover(page);
}

export const phase = (projector: Page, value: string, timeout?: number) =>
  expect(projector.getByTestId('ceremony-view')).toHaveAttribute(
    'data-phase',
    value,
    timeout ? { timeout } : undefined,
  );
export const hashOf = (page: Page, testId: string) => page.getByTestId(testId).first().getAttribute('data-value');
export const drawsOf = (app: AppFixture, taskId: number) =>
  app.db.conn.raw.prepare('SELECT id, state, void_reason FROM draws WHERE task_id = ? ORDER BY id').all(taskId) as {
    id: number;
    state: string;
    void_reason: string | null;
  }[];

/** The demo county, a small published task of its own (`overrides` applied) and the draw page open on it. */
export async function drawPageFor(
  page: Page,
  app: AppFixture,
  overrides: Partial<TaskInput>,
): Promise<{ taskId: number; panel: Locator }> {
  loadDemo(app);
  const taskId = publishedTask(app, { ...SMALL_TASK, ...overrides });
  await app.open(`/draw?task=${taskId}`);
  return { taskId, panel: page.getByTestId('draw-panel') };
}

/** 准备 from the operator page, waited for. */
export async function prepareOnPage(panel: Locator): Promise<void> {
  await panel.getByTestId('draw-prepare').click();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
}
