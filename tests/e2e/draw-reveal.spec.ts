/**
 * 揭晓 as the operator drives it: a draw of ten packages, the projector (1920×1080, reduced motion) showing the screen
 * of the drawn list the operator moves to — 下一屏, 下一屏 by the key, 上一屏 — with as many packages as fit at 48 px
 * and the witnesses beneath; a projector opened late joining on the same screen and fitting its own 1280×800; the
 * summary; after 封存 the list browsed again.
 */
import type { Page } from '@playwright/test';
import { DEMO_WITNESSES } from '@shared/domain/draws';
import { loadDemo, pageShot, publishedTask } from './draw-fixtures';
import { expect, test, type AppFixture } from './harness';
import { CEREMONY, checkProjector, openProjector, phase, SMALL_TASK } from './ceremony-fixtures';

/** The projector's screen of the drawn list, once its packages are there: which screen, and how many packages. */
async function screenShown(projector: Page, screen: number, firstPackage: number) {
  const reveal = projector.getByTestId('ceremony-reveal');
  await expect(reveal).toHaveAttribute('data-slide', String(screen));
  await expect(projector.getByTestId(`ceremony-package-${firstPackage}`)).toBeVisible();
  return reveal.locator('[data-testid^="ceremony-package-"]').count();
}

/** A projector opened late (at 1920×1080, as the first) shows the screen the room is on; at 1280×800 fewer fit. */
async function lateProjector(page: Page, app: AppFixture, taskId: number, projector: Page) {
  const late = await openProjector(page, app, taskId, 'reduce');
  const perScreen = Number(await projector.getByTestId('ceremony-reveal').getAttribute('data-per-screen'));
  await screenShown(late, 2, perScreen + 1);
  await late.setViewportSize({ width: 1280, height: 800 });
  // Its own measure: fewer packages a screen, the screen still starting where the room was.
  const reveal = late.getByTestId('ceremony-reveal');
  await expect(reveal).not.toHaveAttribute('data-per-screen', String(perScreen));
  const fewer = Number(await reveal.getAttribute('data-per-screen'));
  await expect(projector.getByTestId('ceremony-reveal').locator('.ceremony-package')).toHaveCount(fewer);
  await screenShown(late, Math.floor(perScreen / fewer) + 1, perScreen + 1);
  await checkProjector(late, 'ceremony-14-reveal-1280x800', { width: 1280, height: 800 });
  await late.close();
}

test('the operator pages the reveal: 下一屏 twice, 上一屏 once, the projector follows; a late projector joins; browsable after 封存', async ({
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
  draws.witness({ drawId: id, name: '福利彩票第2026135期开奖号码', value: '03 11 17 24 29 33 + 08', kind: 'public' });
  const projector = await openProjector(page, app, taskId, 'reduce');
  await phase(projector, 'committed');
  // Every witness stays on screen, four of them a line each.
  for (const w of [1, 2, 3, 4]) await expect(projector.getByTestId(`ceremony-witness-${w}`)).toBeVisible();
  await checkProjector(projector, 'ceremony-10-four-witnesses');
  await draws.reveal({ drawId: id });
  await app.open(`/draw?task=${taskId}`);
  const panel = page.getByTestId('draw-panel');
  const where = panel.getByTestId('reveal-where');

  await test.step('揭晓 shows the first screen, as many packages as fit at 48 px, the witnesses beneath', async () => {
    await phase(projector, 'reveal');
    await panel.getByTestId('reveal-pause').click();
    await expect(projector.getByTestId('ceremony-paused')).toBeVisible();
    const perScreen = await screenShown(projector, 1, 1);
    expect(perScreen).toBeGreaterThan(1);
    await expect(projector.getByTestId('ceremony-reveal')).toHaveAttribute('data-per-screen', String(perScreen));
    await expect(where).toContainText(`第 1/${Math.ceil(10 / perScreen)} 屏（每屏 ${perScreen} 个名单包，已暂停）`);
    const size = await projector
      .getByTestId('ceremony-package-1')
      .locator('.ceremony-line')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);
    for (const w of [1, 2, 3, 4]) await expect(projector.getByTestId(`ceremony-strip-witness-${w}`)).toBeVisible();
    await checkProjector(projector, 'ceremony-11-reveal-1');
  });

  await test.step('下一屏, 下一屏 (→), 上一屏: the projector follows', async () => {
    const perScreen = Number(await projector.getByTestId('ceremony-reveal').getAttribute('data-per-screen'));
    await panel.getByTestId('reveal-next').click();
    await screenShown(projector, 2, perScreen + 1);
    await checkProjector(projector, 'ceremony-11-reveal-2');
    await page.locator('body').press('ArrowRight');
    await screenShown(projector, 3, 2 * perScreen + 1);
    await checkProjector(projector, 'ceremony-11-reveal-3');
    await panel.getByTestId('reveal-previous').click();
    await screenShown(projector, 2, perScreen + 1);
    await expect(where).toContainText('第 2/');
    await pageShot(page, 'draw-9-reveal-controls');
  });

  await test.step('a projector opened late shows the screen the room is on, and at 1280×800 fits fewer, still ≥ 48 px', () =>
    lateProjector(page, app, taskId, projector));

  await test.step('到摘要, 封存, then the list browsed again screen by screen', async () => {
    await panel.getByTestId('reveal-summary').click();
    await phase(projector, 'summary');
    await checkProjector(projector, 'ceremony-12-summary-10-packages');
    await draws.seal({ drawId: id });
    await expect(projector.getByTestId('ceremony-summary')).toContainText('结果已封存');
    await panel.getByTestId('reveal-next').click();
    await phase(projector, 'reveal');
    await expect(projector.getByTestId('ceremony-view')).toHaveAttribute('data-stage', 'sealed');
    await screenShown(projector, 1, 1);
    await panel.getByTestId('reveal-next').click();
    await expect(projector.getByTestId('ceremony-reveal')).toHaveAttribute('data-slide', '2');
    await checkProjector(projector, 'ceremony-15-sealed-browse');
  });
  await projector.close();
});
