/** Dates and free text as every request schema takes them: what a clerk types, or refused in Chinese. */
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';

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
