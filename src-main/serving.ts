import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';

// How the built UI is served: shared by the Electron app:// handler and the browser e2e harness,
// so the harness runs under the same CSP and the same path guard as the desktop app. No electron import.

/** The app's own origin. The UI is served only from here (never file://, never http). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ssj';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The CSP sent as a header with every app:// response (the meta tag in index.html repeats it, minus
 * frame-ancestors, which only works as a header). style-src allows inline styles because Ant Design
 * injects its CSS-in-JS as <style> elements; scripts stay strictly 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The file a URL path names inside `root`, or null when it would leave `root` (../, absolute, NUL). */
export function resolveInside(root: string, urlPath: string): string | null {
  const wanted = urlPath === '/' || urlPath === '' ? '/index.html' : urlPath;
  if (wanted.includes('\0')) return null;
  const full = normalize(join(root, wanted));
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`)) return null;
  return full;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a page of our own: app://ssj/…, or — only when `devUrl` is given (development) — the dev server's exact
 * origin. Parsed, never a prefix match: `http://localhost:5173@evil.example/` is evil.example with a user name.
 */
export function isTrustedUrl(url: string, devUrl?: string): boolean {
  const u = parseUrl(url);
  if (!u || u.username !== '' || u.password !== '') return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  const dev = devUrl ? parseUrl(devUrl) : null;
  return !!dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin;
}

/** The URL path with its %-escapes decoded, or null when one is malformed (`%E4%B8`, `%zz`). */
export function decodeUrlPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** The app:// protocol's answer for one request URL: the file from `rendererDir`, or 400/403/404. Never throws. */
export async function appResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
    return new Response('Not found', { status: 404 });
  const path = decodeUrlPath(url.pathname);
  if (path === null) return new Response('Bad request', { status: 400 });
  const file = resolveInside(rendererDir, path);
  if (!file) return new Response('Forbidden', { status: 403 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
