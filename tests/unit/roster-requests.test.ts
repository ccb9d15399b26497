/** The roster edit's field rules, as the page's edit drawer and the IPC dispatch both apply them. */
import { describe, expect, it } from 'vitest';
import { entityPatch } from '@shared/ipc/channels/rosters.requests';
import { requestSchemas } from '@shared/ipc/schemas';
import { ROSTER_BROWSE_LIMIT } from '@shared/domain/roster-views';

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
    expect(phoneIssue('电话 12345')).toBe('联系电话只能包含数字、空格、+、-、括号，最多 30 位');
    expect(phoneIssue('1'.repeat(31))).toBe('联系电话只能包含数字、空格、+、-、括号，最多 30 位');
  });
});

describe('roster:query', () => {
  const query = (page: number, pageSize: number) =>
    requestSchemas['roster:query'].safeParse({ roster: 'entities', page, pageSize });

  it('turns pages up to the browse limit', () => {
    expect(query(ROSTER_BROWSE_LIMIT / 50, 50).success).toBe(true);
    expect(query(ROSTER_BROWSE_LIMIT / 200, 200).success).toBe(true);
  });

  it('refuses a page beyond it in Chinese, pointing to search and filters', () => {
    const refused = query(ROSTER_BROWSE_LIMIT / 50 + 1, 50);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['page'],
      message: '只能翻阅前 10,000 条：其余请用搜索或筛选找到',
    });
  });
});
