import { defineConfig } from '@playwright/test';

// The renderer is tested in Debian's Chromium (no browser download is possible here), opened over a
// local http server that sends the same CSP as the desktop app's app:// protocol. See harness.ts.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // The app honours reduced motion (no Ant Design or ceremony animation): screenshots show settled pages.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.SSJ_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--lang=zh-CN',
      ],
    },
  },
});
