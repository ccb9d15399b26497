/** `npm run build:verify`: writes resources/verify.html (commit it; a unit test fails when it is stale). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildVerifyHtml, VERIFY_PAGE } from './verify-page';

void buildVerifyHtml().then((html) => {
  mkdirSync(dirname(VERIFY_PAGE), { recursive: true });
  writeFileSync(VERIFY_PAGE, html);
  process.stdout.write(`已生成 ${VERIFY_PAGE}(${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)\n`);
});
