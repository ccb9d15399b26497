import { describe, expect, it } from 'vitest';
import type { SelectedEntity } from '@shared/draw';
import { compareSelected } from '@shared/draw/verify-compare';

const mine: SelectedEntity[] = [
  { stratum: 'A', code: '91460000000000001X', key: 'aa' },
  { stratum: 'A', code: '91460000000000002X', key: 'bb' },
];

describe('compareSelected', () => {
  it('names the first field of a drawn entity that differs, in the order 层, 对象, 抽取号', () => {
    const recorded = mine.map((e) => ({ ...e }));
    recorded[1] = { ...recorded[1], code: '91460000000000009X', key: 'cc' };
    const difference = compareSelected(recorded, mine);
    expect(difference?.code).toBe('proof.selected.code');
    expect(difference?.path).toBe('result.selected[1].code');
    expect(difference?.message).toContain('A层第2名抽中对象不一致');
  });

  it('tells a differing 抽取号 with the entity it belongs to', () => {
    const recorded = mine.map((e, i) => (i === 0 ? { ...e, key: 'ab' } : { ...e }));
    const difference = compareSelected(recorded, mine);
    expect(difference?.code).toBe('proof.selected.key');
    expect(difference?.message).toContain('91460000000000001X 的抽取号不一致');
    expect(difference?.message).toContain('重新计算为 aa');
  });

  it('finds nothing when the lists agree', () => {
    expect(
      compareSelected(
        mine.map((e) => ({ ...e })),
        mine,
      ),
    ).toBeNull();
  });
});
