/** Dates and free text as every request schema takes them: what a clerk types, or refused in Chinese. */
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';
import { suggestedFileName } from '@shared/domain/file-names';

const CHINESE = /[\u4e00-\u9fff]/;

function issues(channel: keyof typeof requestSchemas, payload: unknown): string[] {
  const parsed = requestSchemas[channel].safeParse(payload);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

const entityUpdate = (patch: Record<string, unknown>) => ({ roster: 'entities', id: 1, patch });

describe('dates are real calendar dates in a sane range', () => {
  it.each(['9999-12-31', '2026-02-31', '2026-13-01', '0000-01-01', '2026-04-31'])('%s is refused in Chinese', (d) => {
    const messages = issues('roster:update', entityUpdate({ lastInspectedOn: d }));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => CHINESE.test(m))).toBe(true);
    expect(issues('follow-ups:close', { id: 1, closedOn: d, note: '已整改' }).length).toBeGreaterThan(0);
  });

  it('real dates pass, leap days included', () => {
    for (const d of ['2024-02-29', '2026-12-31', '2000-01-01'])
      expect(issues('roster:update', entityUpdate({ lastInspectedOn: d }))).toEqual([]);
  });
});

describe('free text refuses invisible and broken characters in Chinese', () => {
  const hostile = ['甲\u0000乙', '甲\u0007乙', '甲\u001b[31m', 'ab\ud800', '\udc00ab', '名\u202e称', '名\u2066称'];

  it.each(hostile)('%j is refused at the bureau name, a witness value and the search text', (bad) => {
    const fields: [keyof typeof requestSchemas, unknown][] = [
      ['settings:set', { bureauName: bad }],
      ['draws:witness', { drawId: 1, name: '张三', value: bad }],
      ['roster:query', { roster: 'entities', search: bad }],
      ['roster:update', entityUpdate({ address: bad })],
    ];
    for (const [channel, payload] of fields) {
      const messages = issues(channel, payload);
      expect(messages.length, channel).toBeGreaterThan(0);
      expect(
        messages.every((m) => CHINESE.test(m)),
        channel,
      ).toBe(true);
    }
  });

  it('a witness value keeps every character typed; line breaks, tabs and emoji pass in notes', () => {
    const parsed = requestSchemas['draws:witness'].parse({ drawId: 1, name: '张三', value: '7 3 9 😀𠀀' });
    expect(parsed.value).toBe('7 3 9 😀𠀀');
    expect(issues('roster:update', entityUpdate({ address: '第一行\n第二行\t😀' }))).toEqual([]);
  });
});

describe('the save dialog is offered a file name, never a path', () => {
  it.each(['../../etc/passwd', '/tmp/x.xlsx', 'C:\\Users\\x.xlsx', 'a/b.xlsx', '..', 'a:b.xlsx', 'x?.xlsx'])(
    '%s is refused in Chinese',
    (name) => {
      const messages = issues('dialog:save-file', { purpose: 'export', defaultName: name });
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.every((m) => CHINESE.test(m))).toBe(true);
    },
  );

  it('a plain Chinese file name passes', () => {
    expect(
      issues('dialog:save-file', { purpose: 'proof', defaultName: '某市监抽查〔2026〕1号-抽取记录.json' }),
    ).toEqual([]);
  });
});

it('a name from the clerk’s text is suggested without path characters', () => {
  expect(suggestedFileName('2026年度食品/药品抽查计划.xlsx')).toBe('2026年度食品-药品抽查计划.xlsx');
  expect(suggestedFileName('..')).toBe('导出文件');
  expect(issues('dialog:save-file', { purpose: 'export', defaultName: suggestedFileName('a\\b:c') })).toEqual([]);
});
