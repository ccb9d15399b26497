import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packInputs } from '../../../src-main/draws/views';

/** Canonical-JSON-like bytes: repetitive text with random codes, as C(inputs) is. */
function inputsLike(candidates: number): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < candidates; i++) {
    rows.push(
      `{"area":"城关片区","code":"91${randomBytes(8).toString('hex').toUpperCase()}","office":"城关市场监管所"}`,
    );
  }
  return Buffer.from(`{"strata":[{"candidates":[${rows.join(',')}]}]}`, 'utf8');
}

describe('packInputs (C(inputs) as stored)', () => {
  it('deflates a large input in two halves joined into one raw DEFLATE stream that inflates to the exact bytes', async () => {
    const head = Buffer.from('{"avoidOwnOffice":true,');
    const body = inputsLike(40_000); // ~3.5 MB: above the 2 MB below which one thread deflates alone
    const tail = Buffer.from('"teamSize":2}');
    const packed = await packInputs([head, body, tail]);
    expect(body.length).toBeGreaterThan(2 << 20);
    expect(packed.length).toBeLessThan(body.length / 3);
    expect(inflateRawSync(packed).equals(Buffer.concat([head, body, tail]))).toBe(true);
  });

  it('deflates parts held in shared memory, as encodeDrawInputs leaves them', async () => {
    const bytes = inputsLike(60_000);
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 100));
    shared.set(bytes, 50);
    const body = shared.subarray(50, 50 + bytes.length);
    const head = Buffer.from('{"avoidOwnOffice":false,'.repeat(40_000)); // a head of ~1 MB: a piece of its own
    const tail = Buffer.from('"teamSize":3}');
    const packed = await packInputs([head, body, tail]);
    expect(inflateRawSync(packed).equals(Buffer.concat([head, bytes, tail]))).toBe(true);
  });

  it('gives one stream of the exact bytes for any shape of parts: one large part, empty parts, a one-byte last part', async () => {
    const body = inputsLike(40_000);
    const shapes: Uint8Array[][] = [
      [body],
      [new Uint8Array(0), body, new Uint8Array(0)],
      [body, Buffer.from('}')],
      [
        Buffer.from('{'),
        body.subarray(0, body.length >> 1),
        new Uint8Array(0),
        body.subarray(body.length >> 1),
        Buffer.from('}'),
      ],
    ];
    for (const parts of shapes) {
      expect(inflateRawSync(await packInputs(parts)).equals(Buffer.concat(parts))).toBe(true);
    }
  });

  it('keeps small inputs in one stream', async () => {
    const small = inputsLike(50);
    expect(inflateRawSync(await packInputs([small])).equals(Buffer.from(small))).toBe(true);
  });
});
