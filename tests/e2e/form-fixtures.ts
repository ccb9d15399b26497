/** Reading and typing antd form fields as a clerk does. */
import type { Locator } from '@playwright/test';

/** The message at the field of `input` (its nearest form item). */
export const messageOf = (input: Locator) =>
  input
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]')
    .locator('.ant-form-item-explain-error');

/** Types into an input and leaves it, as a clerk does before reaching for 保存. */
export async function typeAndLeave(input: Locator, text: string): Promise<void> {
  await input.fill(text);
  await input.press('Tab');
}
