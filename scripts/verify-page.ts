/**
 * Builds resources/verify.html: src-verify bundled by esbuild into ONE self-contained file (inline script and CSS,
 * no network). The file is a build output, not committed: `electron-vite build`, `npm run ssj`, vitest's global
 * setup and the benchmarks that publish write it (writeVerifyPage); the unit test checks a fresh build in memory.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(__dirname, '..');
export const VERIFY_PAGE = resolve(ROOT, 'resources/verify.html');

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export async function buildVerifyHtml(): Promise<string> {
  const bundle = await build({
    entryPoints: [resolve(ROOT, 'src-verify/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    alias: { '@shared': resolve(ROOT, 'src-shared') },
    logLevel: 'silent',
  });
  // "</script" inside the bundle would end the inline script early.
  const script = bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').trim();
  const style = readFileSync(resolve(ROOT, 'src-verify/style.css'), 'utf8').trim();
  // The strictest policy a single file allows: nothing may load from anywhere (default-src 'none'), and only
  // this exact inline script and style run — allowed by their SHA-256 rather than 'unsafe-inline', so a script
  // injected into the page (or a tampered copy of it) does not run.
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const template = readFileSync(resolve(ROOT, 'src-verify/page.html'), 'utf8');
  return template
    .replace('<!--CSP-->', () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace('<!--STYLE-->', () => `<style>${style}</style>`)
    .replace('<!--SCRIPT-->', () => `<script>${script}</script>`);
}

/** Writes resources/verify.html when it is missing or differs from a fresh build; true when it wrote. */
export async function writeVerifyPage(): Promise<boolean> {
  const html = await buildVerifyHtml();
  if (existsSync(VERIFY_PAGE) && readFileSync(VERIFY_PAGE, 'utf8') === html) return false;
  mkdirSync(dirname(VERIFY_PAGE), { recursive: true });
  writeFileSync(VERIFY_PAGE, html);
  return true;
}
