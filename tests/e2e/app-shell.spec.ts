import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { expect, screenshot, test } from './harness';

const PAGES: { label: string; slug: string; planned: boolean }[] = [
  { label: '首页', slug: 'home', planned: false },
  { label: '检查事项清单', slug: 'items', planned: false },
  { label: '检查对象名录库', slug: 'entities', planned: false },
  { label: '执法检查人员名录库', slug: 'inspectors', planned: false },
  { label: '年度抽查计划', slug: 'plans', planned: false },
  { label: '随机抽取', slug: 'draw', planned: false },
  { label: '一户一表', slug: 'sheets', planned: false },
  { label: '检查结果录入', slug: 'results', planned: false },
  { label: '后续处置', slug: 'follow-ups', planned: false },
  { label: '信息公示', slug: 'disclosure', planned: false },
  { label: '公示包', slug: 'publish', planned: false },
  { label: '统计分析', slug: 'stats', planned: false },
  { label: '操作日志', slug: 'audit', planned: false },
  { label: '系统设置', slug: 'settings', planned: false },
];

test('the home page shows the real database the services opened', async ({ page, app }) => {
  await app.open('/');
  await expect(page).toHaveTitle('双随机一公开监管工作台');
  const info = page.getByTestId('app-info');
  await expect(info).toContainText(app.db.path);
  await expect(info).toContainText(`${LATEST_SCHEMA_VERSION}（最新 ${LATEST_SCHEMA_VERSION}）`);
  await screenshot(page, 'shell-home');
});

test('every workflow is reachable from the left navigation', async ({ page, app }) => {
  await app.open('/');
  const nav = page.getByTestId('nav');
  for (const p of PAGES) {
    await nav.getByText(p.label, { exact: true }).click();
    await expect(page.getByTestId('page-title')).toHaveText(p.label);
    if (p.planned) {
      await expect(page.getByText(`「${p.label}」功能正在建设中`)).toBeVisible();
      await expect(page.getByTestId('planned-list').locator('li').first()).toBeVisible();
    }
    await screenshot(page, `shell-${p.slug}`);
  }
});

test('settings are saved through the real services, logged, and survive a reload', async ({ page, app }) => {
  await app.open('/settings');
  const name = page.getByLabel('机关名称');
  await expect(name).toHaveValue('某县市场监督管理局');
  const avoidOwn = page.getByRole('switch');
  await expect(avoidOwn).toHaveAttribute('aria-checked', 'true'); // the default (姜堰 practice) is on
  await name.fill('城关县市场监督管理局');
  const gradeD = page.locator('input[id="gradeRatioPct_D"]');
  await gradeD.fill('25');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  const stored = await app.db.services.settings.get();
  expect(stored.bureauName).toBe('城关县市场监督管理局');
  expect(stored.gradeRatioBp.D).toBe(2500); // basis points, never floats

  await page.reload();
  await expect(page.getByLabel('机关名称')).toHaveValue('城关县市场监督管理局');
  await expect(page.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  await screenshot(page, 'settings-saved');

  await page.getByTestId('nav').getByText('操作日志', { exact: true }).click();
  const row = page.locator('.ant-table-row').first();
  await expect(row).toContainText('修改系统设置');
  await expect(row).toContainText('局名称：');
  await expect(row).toContainText('测试操作员');
  await expect(row).toContainText('城关县市场监督管理局');
  await screenshot(page, 'audit-after-settings');

  await page.getByTestId('nav').getByText('系统设置', { exact: true }).click();
  await page.getByRole('button', { name: '校验操作日志' }).click();
  await expect(page.getByTestId('audit-chain-check')).toContainText('操作日志完整：共');
  await screenshot(page, 'settings-audit-chain');
});

test('a malformed call from the page gets a typed Chinese error and changes nothing', async ({ page, app }) => {
  await app.open('/');
  const outcome = await page.evaluate(async () => {
    try {
      await window.api['settings:set']({ minTeamSize: 1 } as never);
      return { ok: true };
    } catch (e) {
      const err = e as { name: string; code: string; message: string };
      return { ok: false, name: err.name, code: err.code, message: err.message };
    }
  });
  expect(outcome).toMatchObject({ ok: false, name: 'ApiError', code: 'ipc.invalidRequest' });
  expect((outcome as { message: string }).message).toContain('每组至少 2 名执法人员');
  expect((await app.db.services.settings.get()).minTeamSize).toBe(2);
});

test('security: strict CSP, no Node in the page, injected inline script does not run', async ({ page, app }) => {
  const response = await page.goto(`${app.baseUrl}index.html#/`);
  const headerCsp = response?.headers()['content-security-policy'] ?? '';
  expect(headerCsp).toContain("script-src 'self'");
  expect(headerCsp).toContain("object-src 'none'");
  expect(headerCsp).toContain("frame-ancestors 'none'");
  const metaCsp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(metaCsp).toContain("default-src 'self'");
  expect(metaCsp).toContain("script-src 'self'");
  expect(metaCsp).toContain("base-uri 'none'");

  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    Buffer: typeof (window as unknown as { Buffer?: unknown }).Buffer,
    apiKeys: Object.keys(window.api).sort(),
    apiFrozen: Object.isFrozen(window.api),
  }));
  expect(globals).toMatchObject({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
  });
  expect(globals.apiFrozen).toBe(true);
  expect(globals.apiKeys).toContain('settings:get');

  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
    await new Promise((r) => setTimeout(r, 200));
    return { ran: (window as unknown as { __injected?: boolean }).__injected === true, seen };
  });
  expect(violations.ran).toBe(false);
  expect(violations.seen.join(',')).toMatch(/script-src/);
});
