import type { Plugin } from 'vite';

/**
 * In `npm run dev` only: @vitejs/plugin-react injects its React Refresh preamble as an inline
 * <script type="module">, and Vite's HMR client talks over a websocket. The strict CSP of index.html
 * would block both and leave a white window. This relaxes the meta tag on the dev server alone
 * (`apply: 'serve'`); the built index.html — what ships — keeps `script-src 'self'` unchanged.
 */
export function devCsp(): Plugin {
  return {
    name: 'ssj-dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html
          .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
          .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
    },
  };
}
