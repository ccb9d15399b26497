import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src-shared/domain/counts';

describe('formatCount', () => {
  it('groups thousands with a comma, as zh-CN does', () => {
    expect(formatCount(30000)).toBe('30,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(30000)).toBe((30000).toLocaleString('zh-CN'));
  });

  it('leaves short, zero and negative counts readable', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(-1200)).toBe('-1,200');
  });

  it('keeps a fraction as it is, never rounding a value', () => {
    expect(formatCount(12345.25)).toBe('12,345.25');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
