/**
 * 公示包 end to end at 1366×768: a clerk picks a sealed task and an empty folder and makes the package; a citizen then
 * opens the folder's index.html from disk in Chromium (no server, no network), searches an enterprise, sees whether
 * and why it was drawn, and follows the link to the verify page, which says 验证通过. A tampered proof fails there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { DrawProof } from '@shared/draw';
import { readSite } from '../integration/publish/site';
import { tempDir } from './draw-fixtures';
import { expect, screenshot, test, type AppFixture } from './harness';
import { sealedDraw } from './results-fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** The package of the demo county's sealed task, made through the page into a new empty folder. */
async function makePackage(page: Page, app: AppFixture): Promise<{ dir: string; taskId: number }> {
  const { taskId } = await sealedDraw(app);
  await app.open('/publish');
  const dir = tempDir('ssj-e2e-publish-');
  app.fileDialog.answer(dir);
  await page.getByTestId('publish-start').click();
  await expect(page.getByTestId('publish-done')).toContainText('公示包已生成到文件夹', { timeout: 60_000 });
  return { dir, taskId };
}

/** A page of its own opened from disk, where any request outside the package folder is refused. */
async function openFromDisk(browser: Browser, dir: string, file: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const inside = pathToFileURL(dir).href;
  await page.route('**/*', (route) => (route.request().url().startsWith(inside) ? route.continue() : route.abort()));
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(pathToFileURL(join(dir, file)).href);
  return page;
}

test('a clerk makes the package; a citizen searches it from disk and verifies the draw', async ({
  page,
  app,
  browser,
}) => {
  const { dir, taskId } = await makePackage(page, app);
  await screenshot(page, 'publish-1-done');
  const site = readSite(dir);
  const task = site.tasks[0];
  const [, name, code] = task.drawn[0];
  const stratum = task.strata.find((s) => s.codes.indexOf(code) >= 0 && s.codes.indexOf(code) < s.quota)!;

  const citizen = await openFromDisk(browser, dir, 'index.html');
  await test.step('a drawn enterprise, searched by name: drawn, with its draw number against the cut-off', async () => {
    await citizen.fill('#q', name);
    // Two demo enterprises can share a name: the hit is the one with this code.
    const hit = citizen.locator('.hit').filter({ hasText: code });
    await expect(hit).toContainText('已抽中');
    await expect(hit).toContainText(stratum.keys[stratum.codes.indexOf(code)]);
    await expect(hit).toContainText(stratum.cutoffKey!);
    await expect(hit).toContainText(`名单包第 ${task.packages[code]} 包`);
    await screenshot(citizen, 'publish-2-search');
  });
  await test.step('one not drawn, searched by code: not drawn, and why', async () => {
    const notDrawn = stratum.codes[stratum.quota];
    await citizen.fill('#q', notDrawn);
    await expect(citizen.locator('.hit')).toHaveCount(1);
    await expect(citizen.locator('.hit')).toContainText('未抽中');
    await expect(citizen.locator('.hit')).toContainText('大于本层截止抽取号');
  });
  await test.step('the task block: its announcement, strata with cut-offs and the drawn list', async () => {
    await citizen.locator('.task summary').first().click();
    await expect(citizen.locator('.task details table tr')).toHaveCount(task.drawn.length + 1);
    await citizen.locator('.task').first().scrollIntoViewIfNeeded();
    await screenshot(citizen, 'publish-2b-task');
  });
  await test.step('the verify link opens the task proof already verified', async () => {
    await citizen.locator('.hit .verify').click();
    await expect(citizen).toHaveURL(new RegExp(`tasks/task-${taskId}/verify.html$`));
    await expect(citizen.locator('.verdict')).toHaveText('验证通过');
    await expect(citizen.locator('#result')).toContainText(task.seed);
    await screenshot(citizen, 'publish-3-verified');
  });
});

test('a tampered proof in the folder fails verification', async ({ page, app, browser }) => {
  const { dir, taskId } = await makePackage(page, app);
  const proofPath = join(dir, `tasks/task-${taskId}/proof.json`);
  const proof = JSON.parse(readFileSync(proofPath, 'utf8')) as DrawProof;
  const [first, second] = proof.result.packages[0].entities;
  proof.result.packages[0].entities[0] = second ?? `${first}X`;
  if (second) proof.result.packages[0].entities[1] = first;
  const tampered = JSON.stringify(proof, null, 1);
  writeFileSync(proofPath, tampered);
  const pagePath = join(dir, `tasks/task-${taskId}/verify.html`);
  const html = readFileSync(pagePath, 'utf8');
  writeFileSync(
    pagePath,
    html.replace(/(id="proof-data" data-name="proof.json">)[\s\S]*?(<\/script>)/, `$1${tampered}$2`),
  );

  const citizen = await openFromDisk(browser, dir, 'index.html');
  await citizen.locator('.files a', { hasText: '离线验证本次抽取' }).first().click();
  await expect(citizen.locator('.verdict')).toHaveText('验证未通过');
  await expect(citizen.locator('.difference').first()).toContainText('第一处不一致');
  await screenshot(citizen, 'publish-4-tampered');

  await citizen.setInputFiles('#file', proofPath);
  await expect(citizen.locator('.verdict')).toHaveText('验证未通过');
});
