/**
 * Starts a worker thread the same way in the built app and from sources: a tiny CommonJS bootstrap (`eval: true`, no
 * file to locate) loads `<name>.js` next to the bundle, or `<name>.ts` through tsx's register API, which honours
 * `@shared/*`.
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
