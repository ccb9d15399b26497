/** Accounts for the sign-in tests: one password for every account made here, and sign-in as a person types it. */
import type { Page } from '@playwright/test';

export const PASSWORD = '演示密码2026';

export async function signIn(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.getByTestId('sign-in-name').fill(name);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}
