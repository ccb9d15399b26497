import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'src-main');
// The Electron shell: the only main-side files that may talk to Electron. Everything else also runs in the CLI,
// in the browser e2e harness and under vitest, where there is no Electron.
const SHELL = ['index.ts', 'window.ts', 'security.ts', 'protocol.ts', 'serving.ts'];
const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const isShell = (path: string) => SHELL.includes(path) || path.startsWith('preload/');

describe('the main side', () => {
  const files = tsFiles(MAIN).map((f) => relative(MAIN, f).split('\\').join('/'));

  it('imports electron only in the shell files', () => {
    const offenders = files.filter((f) => !isShell(f) && ELECTRON_IMPORT.test(readFileSync(join(MAIN, f), 'utf8')));
    expect(files.length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});

describe('worker files', () => {
  const config = readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8');
  const entries = [...config.matchAll(/'?([\w-]+)'?:\s*resolve\(__dirname,\s*'(src-main\/[^']+)'\)/g)].map((m) => ({
    name: m[1],
    file: m[2],
  }));
  const started = tsFiles(MAIN).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/workerEntry\(__dirname,\s*'([^']+)'\)/g)].map((m) => ({
      name: m[1],
      file: relative(ROOT, join(dirname(f), `${m[1]}.ts`))
        .split('\\')
        .join('/'),
    })),
  );

  it('are named *-worker.ts, as is their electron-vite entry', () => {
    const workers = entries.filter((e) => e.name !== 'index');
    expect(workers.length).toBeGreaterThan(2);
    for (const entry of workers) {
      expect(entry.name).toMatch(/-worker$/);
      expect(basename(entry.file)).toBe(`${entry.name}.ts`);
    }
  });

  it('started by workerEntry are exactly the electron-vite worker entries', () => {
    expect(started.length).toBeGreaterThan(2);
    for (const worker of started) {
      expect(worker.name).toMatch(/-worker$/);
      expect(entries).toContainEqual(worker);
    }
  });
});
