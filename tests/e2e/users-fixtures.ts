/** Sign-in as a person types it, with the one password of the test accounts (tests/fixtures/users.ts) by default. */
import type { Page } from '@playwright/test';
import { PASSWORD } from '../fixtures/users';

export async function signIn(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.getByTestId('sign-in-name').fill(name);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}
