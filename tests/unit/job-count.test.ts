import { describe, expect, it } from 'vitest';
import { jobPercent } from '../../src-shared/domain/job-count';

describe('jobPercent', () => {
  it('is the whole percent done, rounded down', () => {
    expect(jobPercent({ done: 29, total: 100 })).toBe(29);
    expect(jobPercent({ done: 2, total: 3 })).toBe(66);
    expect(jobPercent({ done: 40_000, total: 40_000 })).toBe(100);
  });

  it('is 0 before the first count and while the total is 0', () => {
    expect(jobPercent(null)).toBe(0);
    expect(jobPercent({ done: 0, total: 0 })).toBe(0);
  });
});
