import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit (pure src-shared) and integration (services over a real temp SQLite file) run under plain Node.
// The e2e layer runs separately under Playwright (tests/e2e), against the built renderer.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src-shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/integration/global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
