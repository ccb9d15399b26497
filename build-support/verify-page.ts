import type { Plugin } from 'vite';
import { writeVerifyPage } from '../scripts/verify-page';

/** The main build writes resources/verify.html from src-verify, where electron-builder and the app look for it. */
export function verifyPage(): Plugin {
  return {
    name: 'ssj-verify-page',
    async buildStart() {
      await writeVerifyPage();
    },
  };
}
