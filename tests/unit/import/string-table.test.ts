import { describe, expect, it } from 'vitest';
import { CompactStringTable } from '@shared/import/string-table';

describe('CompactStringTable', () => {
  it('returns every string by index across sealed chunks and the pending tail', () => {
    const table = new CompactStringTable();
    const strings: string[] = [];
    // ~3.5 M characters: several 1 M-character chunks, empty strings, CJK and ASCII mixed.
    for (let i = 0; i < 250_000; i++) {
      const s = i % 97 === 0 ? '' : i % 2 ? `城关鑫源餐饮有限公司第${i}号` : `9146900${i}`;
      strings.push(s);
      table.push(s);
    }
    expect(table.size).toBe(strings.length);
    for (let i = 0; i < strings.length; i += 7) expect(table.get(i)).toBe(strings[i]);
    expect(table.get(strings.length - 1)).toBe(strings[strings.length - 1]);
    expect(table.get(strings.length)).toBeUndefined();
    expect(table.get(-1)).toBeUndefined();
    expect(table.get(1.5)).toBeUndefined();
  });

  it('a string longer than a chunk is kept whole', () => {
    const table = new CompactStringTable();
    const long = '依'.repeat(1_500_000);
    table.push('前');
    table.push(long);
    table.push('后');
    expect(table.get(0)).toBe('前');
    expect(table.get(1)).toBe(long);
    expect(table.get(2)).toBe('后');
  });
});
