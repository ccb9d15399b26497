/**
 * Starting a worker thread from a file, the same way in the built app and from sources. The Worker is started from a
 * tiny CommonJS bootstrap (`eval: true`, no file to locate) that loads the worker entry: next to a built bundle the
 * entry is `<name>.js` (an electron-vite main entry of its own); from sources (tsx CLI, vitest, benchmarks) it is
 * `<name>.ts`, loaded through tsx's CommonJS register API, which also honours tsconfig's `@shared/*` path.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) require('tsx/cjs/api').register();
require(workerData.entry);
`;

/** The built `<name>.js` in `dir` when present, else its TypeScript source (tsx, vitest, benchmarks). */
export function workerEntry(dir: string, name: string): string {
  const built = join(dir, `${name}.js`);
  return existsSync(built) ? built : join(dir, `${name}.ts`);
}

/** A worker running `entry` (a .js file, or a .ts file through tsx), with `workerData.request` = data. */
export function startWorker(
  entry: string,
  request: unknown,
  resourceLimits: NonNullable<ConstructorParameters<typeof Worker>[1]>['resourceLimits'],
): Worker {
  return new Worker(BOOTSTRAP, { eval: true, workerData: { entry, request }, resourceLimits });
}
