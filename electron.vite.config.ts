import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { devCsp } from './build-support/dev-csp';
import { verifyPage } from './build-support/verify-page';

// Kept small on purpose (ARCHITECTURE.md). package.json has no "type": "module", so main and preload
// are emitted as CommonJS — the preload must be one CJS file to run in a sandboxed renderer.
const alias = { '@shared': resolve(__dirname, 'src-shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [verifyPage()],
    build: {
      rollupOptions: {
        // The import job's worker is a file of its own next to index.js (src-main/rosters/import-job.ts loads it).
        // So is the draw job's (src-main/draws/job.ts loads draw-worker.js).
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          'import-worker': resolve(__dirname, 'src-main/rosters/import-worker.ts'),
          'draw-worker': resolve(__dirname, 'src-main/draws/draw-worker.ts'),
          // …and the second snapshot reader the draw worker starts (src-main/draws/snapshot-reader.ts).
          'snapshot-reader-worker': resolve(__dirname, 'src-main/draws/snapshot-reader-worker.ts'),
          // …and the ranking threads of a city-scale 揭晓 (src-main/draws/parallel-rank.ts).
          'rank-worker': resolve(__dirname, 'src-main/draws/rank-worker.ts'),
          // The document renderers run in a worker too (src-main/documents/job.ts).
          'document-worker': resolve(__dirname, 'src-main/documents/document-worker.ts'),
          // …and the batch export of a draw's 一户一表 (src-main/sheets/export-job.ts).
          'sheet-export-worker': resolve(__dirname, 'src-main/sheets/sheet-export-worker.ts'),
          // …and the 公示包's (src-main/publish/job.ts).
          'publish-worker': resolve(__dirname, 'src-main/publish/publish-worker.ts'),
          // …and the results import's (src-main/results/import-job.ts).
          'result-import-worker': resolve(__dirname, 'src-main/results/result-import-worker.ts'),
          // …and the second reader of filled workbooks it starts (src-main/results/workbook-reader.ts).
          'workbook-reader-worker': resolve(__dirname, 'src-main/results/workbook-reader-worker.ts'),
          // …and 加载示例数据 (src-main/demo/demo-job.ts).
          'demo-worker': resolve(__dirname, 'src-main/demo/demo-worker.ts'),
          // …and bulk edits of the rosters (src-main/rosters/bulk-job.ts).
          'bulk-worker': resolve(__dirname, 'src-main/rosters/bulk-worker.ts'),
          // …and the 操作日志 export (src-main/audit/export-job.ts).
          'audit-export-worker': resolve(__dirname, 'src-main/audit/audit-export-worker.ts'),
        },
        // Code the entries share goes into chunks beside them, not in a chunks/ folder: the job code finds its worker
        // files through __dirname (import-job.ts workerEntry), which in a chunk is the chunk's folder.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // Everything (zod, the shared client) is bundled in: a sandboxed preload cannot require node_modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react(), devCsp()],
    // Relative asset URLs: the same build is served from app://ssj/ in Electron and from a local
    // http server in the browser e2e harness.
    base: './',
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
      },
    },
  },
});
