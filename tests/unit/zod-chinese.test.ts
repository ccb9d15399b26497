import { describe, expect, it } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';

const CHINESE = /[\u4e00-\u9fff]/;
const WRONG_SHAPES: unknown[] = [null, 42, 'x', [], {}, { junk: 1 }, { id: 'x', fileToken: 7, search: 1 }];

describe('every validation message is Chinese', () => {
  it('wrong shapes on every channel get Chinese messages only', () => {
    const english: string[] = [];
    for (const [channel, schema] of Object.entries(requestSchemas))
      for (const payload of WRONG_SHAPES) {
        const parsed = schema.safeParse(payload);
        if (parsed.success) continue;
        for (const issue of parsed.error.issues)
          if (!CHINESE.test(issue.message)) english.push(`${channel} ${JSON.stringify(payload)}: ${issue.message}`);
      }
    expect(english).toEqual([]);
  });
});
