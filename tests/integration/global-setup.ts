import { writeVerifyPage } from '../../scripts/verify-page';

/** resources/verify.html is a build output: the tests that publish or export a draw copy it from there. */
export default async function setup(): Promise<void> {
  await writeVerifyPage();
}
