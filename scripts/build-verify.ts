/**
 * `npm run build:verify`: writes resources/verify.html (a build output; electron-vite build and `npm run ssj` do too).
 * `npm run ssj` runs this before every command, so it skips the esbuild bundle while the page is newer than its sources.
 */
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const PAGE = resolve(ROOT, 'resources/verify.html');
// All of src-shared rather than what src-verify imports from it: a superset only rebuilds more often. The lock file
// stands for the bundled packages, so an upgrade of them rebuilds the page too.
const SOURCES = ['src-verify', 'src-shared', 'scripts/verify-page.ts', 'package-lock.json'].map((p) =>
  resolve(ROOT, p),
);

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function pageMtime(): number {
  try {
    return statSync(PAGE).mtimeMs;
  } catch {
    return -1;
  }
}

// Messages go to stderr: `npm run ssj` runs this before the CLI, whose stdout may be read by a script.
async function main(): Promise<void> {
  if (pageMtime() > Math.max(...SOURCES.map(newestMtime))) {
    process.stderr.write(`${relative(ROOT, PAGE)} 已是最新，未重新生成\n`);
    return;
  }
  // Imported only when stale: loading esbuild is most of this script's cost.
  const { writeVerifyPage, VERIFY_PAGE } = await import('./verify-page');
  if (await writeVerifyPage()) process.stderr.write(`已生成 ${VERIFY_PAGE}\n`);
  // An unchanged page is left unwritten: marked fresh, so the next run skips the bundle.
  else utimesSync(PAGE, new Date(), new Date());
}

void main();
