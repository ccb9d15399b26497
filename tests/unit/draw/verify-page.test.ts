import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildVerifyHtml, VERIFY_PAGE } from '../../../scripts/verify-page';

describe('resources/verify.html', () => {
  it('is up to date with src-verify and the engine (run `npm run build:verify` and commit)', async () => {
    const rebuilt = await buildVerifyHtml();
    expect(
      readFileSync(VERIFY_PAGE, 'utf8') === rebuilt,
      'resources/verify.html is stale: run npm run build:verify',
    ).toBe(true);
  });

  it('is one self-contained file that loads nothing and allows only its own inline script and style', () => {
    const html = readFileSync(VERIFY_PAGE, 'utf8');
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/,
    );
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img|<iframe|@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});
