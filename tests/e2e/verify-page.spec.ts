/**
 * The offline verify page (resources/verify.html) in Chromium: a draw-vectors proof verifies, a tampered one names
 * its first difference, and "查我的抽取号" shows an entity's draw number, rank and the stratum's cut-off.
 * Opened from file:// with every request outside it refused — the page must work with no network at all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');
const PAGE_URL = pathToFileURL(resolve(ROOT, 'resources/verify.html')).href;
const PROOF_PATH = resolve(ROOT, 'tests/fixtures/draw-vectors/03-area-tags.proof.json');
const SCREENSHOTS = resolve(__dirname, 'screenshots');

test.beforeEach(async ({ page }) => {
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    if (route.request().url() === PAGE_URL) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(PAGE_URL);
  test.info().annotations.push({ type: 'outside-requests', description: String(outside.length) });
});

test('a published proof verifies, with seed and per-stratum counts', async ({ page }) => {
  const proof = JSON.parse(readFileSync(PROOF_PATH, 'utf8'));
  await page.setInputFiles('#file', PROOF_PATH);
  await expect(page.locator('.verdict')).toHaveText('验证通过');
  await expect(page.locator('#result')).toContainText(proof.seed);
  const rows = page.locator('#result tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('150');
  await expect(rows.nth(0)).toContainText('8');

  const first = proof.result.selected[0];
  await page.fill('#uscc', first.code.toLowerCase());
  await page.click('#lookup-form button');
  const lookup = page.locator('#lookup-result');
  await expect(lookup).toContainText('已抽中');
  await expect(lookup).toContainText(first.key);
  await expect(lookup).toContainText('第 1 名');
  const cutoff = proof.result.selected.filter((s: { stratum: string }) => s.stratum === first.stratum).at(-1).key;
  await expect(lookup).toContainText(cutoff);
  await page.screenshot({ path: resolve(SCREENSHOTS, 'verify-valid.png'), fullPage: true });
});

test('a tampered proof fails and names the first difference', async ({ page }) => {
  const proof = JSON.parse(readFileSync(PROOF_PATH, 'utf8'));
  proof.result.packages[2].team[1] = 'ZF00001';
  await page.setInputFiles('#file', {
    name: 'tampered.proof.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(proof)),
  });
  await expect(page.locator('.verdict')).toHaveText('验证未通过');
  await expect(page.locator('.difference')).toContainText('第 3 包的检查组不一致');
  await expect(page.locator('.difference')).toContainText('ZF00001');
  await page.screenshot({ path: resolve(SCREENSHOTS, 'verify-tampered.png'), fullPage: true });
});

test('an entity that was not drawn sees its rank after the cut-off', async ({ page }) => {
  const proof = JSON.parse(readFileSync(PROOF_PATH, 'utf8'));
  const selected = new Set(proof.result.selected.map((s: { code: string }) => s.code));
  const other = proof.inputs.strata[0].candidates.find((c: { code: string }) => !selected.has(c.code));
  await page.setInputFiles('#file', PROOF_PATH);
  await expect(page.locator('.verdict')).toHaveText('验证通过');
  await page.fill('#uscc', other.code);
  await page.click('#lookup-form button');
  await expect(page.locator('#lookup-result')).toContainText('未抽中');
  await expect(page.locator('#lookup-result')).toContainText('本层共 150 户');
  await page.screenshot({ path: resolve(SCREENSHOTS, 'verify-lookup.png'), fullPage: true });
});
