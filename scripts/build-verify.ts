/** `npm run build:verify`: writes resources/verify.html (a build output; electron-vite build and `npm run ssj` do too). */
import { writeVerifyPage, VERIFY_PAGE } from './verify-page';

// The message goes to stderr: `npm run ssj` runs this before the CLI, whose stdout may be read by a script.
void writeVerifyPage().then((wrote) => {
  if (wrote) process.stderr.write(`已生成 ${VERIFY_PAGE}\n`);
});
