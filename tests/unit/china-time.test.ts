/** The bureau's calendar (src-shared/domain/china-time.ts): China's day and time, whatever the machine's zone. */
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaTime, chineseDay } from '@shared/domain/china-time';

describe("China's calendar", () => {
  it('gives the day in UTC+8: late evening UTC is already the next day, early morning UTC the same day', () => {
    expect(chinaDate(new Date('2026-03-19T16:30:00Z'))).toBe('2026-03-20');
    expect(chinaDate(new Date('2026-03-19T15:59:59Z'))).toBe('2026-03-19');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaTime(new Date('2026-03-19T16:05:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 20,
      hour: '00',
      minute: '05',
    });
  });

  it('prints a stored day the way the forms do, and refuses an invalid instant', () => {
    expect(chineseDay('2026-03-05')).toBe('2026年3月5日');
    expect(() => chinaDate(new Date('not a date'))).toThrow(/不是有效的时间/);
  });
});
