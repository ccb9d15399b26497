/** Two readers pulling from one queue of files: both take files, and the results keep the order chosen. */
import { describe, expect, it } from 'vitest';
import type { ParsedWorkbook } from '../../../src-main/sheets/xlsx-read';
import { parseInTurn, type ParseWorkbook } from '../../../src-main/results/workbook-reader';

const paths = Array.from({ length: 9 }, (_, i) => `/in/第${i + 1}包.xlsx`);
const named = (file: string): ParsedWorkbook => ({ sheets: [], sheetNames: [file], worksheets: 1, problems: [] });

function reader(who: string, taken: string[], delayMs: number): ParseWorkbook {
  return async (_path, file) => {
    taken.push(who);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return named(file);
  };
}

describe('parseInTurn', () => {
  it('shares the files between both readers and returns them in the order chosen', async () => {
    const taken: string[] = [];
    const parsed = await parseInTurn(
      paths,
      (p) => p.slice(4),
      reader('本线程', taken, 5),
      reader('第二线程', taken, 3),
    );
    expect(parsed.map((p) => p.sheetNames[0])).toEqual(paths.map((p) => p.slice(4)));
    expect(new Set(taken)).toEqual(new Set(['本线程', '第二线程']));
    expect(taken).toHaveLength(paths.length);
  });

  it('stops at the file where onFile throws and reads no more', async () => {
    const taken: string[] = [];
    const stop = (done: number) => {
      if (done >= 4) throw new Error('已取消');
    };
    await expect(
      parseInTurn(paths, (p) => p, reader('本线程', taken, 1), reader('第二线程', taken, 1), stop),
    ).rejects.toThrow('已取消');
    expect(taken.length).toBeLessThan(paths.length);
  });
});
