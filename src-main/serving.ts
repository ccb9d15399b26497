import { join, normalize, relative, sep } from 'node:path';

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
