import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// src-shared runs in three places (main, renderer, the offline verify page): it must stay pure.
const ROOT = join(__dirname, '../../src-shared');
const FORBIDDEN_IMPORT =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](node:[^'"]+|electron|fs|path|os|crypto|child_process|worker_threads|better-sqlite3|kysely|exceljs|pdfmake|react[^'"]*|antd)['"]/g;
const FORBIDDEN_GLOBAL = /\b(?:window|document|localStorage|process|Buffer|require)\s*[.([]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('src-shared is pure TypeScript', () => {
  const files = tsFiles(ROOT);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('imports no Node, Electron, DOM-framework or database module', () => {
    const offenders = files.flatMap((f) => {
      const source = readFileSync(f, 'utf8');
      return [...source.matchAll(FORBIDDEN_IMPORT)].map((m) => `${relative(ROOT, f)}: ${m[1]}`);
    });
    expect(offenders).toEqual([]);
  });

  it('touches no host global (window, document, process, Buffer, require)', () => {
    const offenders = files.flatMap((f) => {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/(['"`])(?:\\.|(?!\1).)*\1/g, "''");
      return [...code.matchAll(FORBIDDEN_GLOBAL)].map((m) => `${relative(ROOT, f)}: ${m[0]}`);
    });
    expect(offenders).toEqual([]);
  });
});
