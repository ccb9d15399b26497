import { describe, expect, it } from 'vitest';
import { buildVerifyHtml } from '../../../scripts/verify-page';

describe('the verify page built from src-verify', () => {
  it('is one self-contained file that loads nothing and allows only its own inline script and style', async () => {
    const html = await buildVerifyHtml();
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/,
    );
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img|<iframe|@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});
