/**
 * `npm run dev` serves the renderer from Vite's dev server (React Refresh, HMR). The Electron shell cannot
 * run here, but the page it loads can: this starts the renderer's dev server with the project's own config
 * and checks the app mounts under its (dev-relaxed) CSP — the white-window failure a built-only test misses.
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import { devCsp } from '../../build-support/dev-csp';
import { expect, test } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');
let server: ViteDevServer;

test.beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: resolve(ROOT, 'src-renderer'),
    resolve: { alias: { '@shared': resolve(ROOT, 'src-shared') } },
    plugins: [react(), devCsp()],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'silent',
  });
  await server.listen();
});
test.afterAll(async () => server?.close());

test('the dev renderer mounts: the React Refresh preamble is not blocked', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const port = (server.httpServer!.address() as AddressInfo).port;
  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.getByTestId('nav')).toContainText('检查对象名录库', { timeout: 45_000 });
  // Opened outside the desktop app there is no window.api: the page says so instead of crashing.
  await expect(page.getByText('window.api 不可用').first()).toBeVisible();
  expect(errors.filter((e) => /preamble|Content Security Policy|window\.api/i.test(e))).toEqual([]);
});
