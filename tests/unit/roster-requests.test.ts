/** The roster edit's field rules, as the page's edit drawer and the IPC dispatch both apply them. */
import { describe, expect, it } from 'vitest';
import { entityPatch } from '@shared/ipc/channels/rosters.requests';

const phoneIssue = (phone: string) =>
  entityPatch
    .partial()
    .safeParse({ phone })
    .error?.issues.find((i) => i.path[0] === 'phone')?.message;

describe('entityPatch', () => {
  it('takes a phone number of digits, spaces, +, - and brackets', () => {
    expect(phoneIssue('+86 (0898) 6533-1234')).toBeUndefined();
  });

  it('refuses anything else in Chinese', () => {
    expect(phoneIssue('电话 12345')).toBe('联系电话只能包含数字、空格、+、-、括号,最多 30 位');
    expect(phoneIssue('1'.repeat(31))).toBe('联系电话只能包含数字、空格、+、-、括号,最多 30 位');
  });
});
