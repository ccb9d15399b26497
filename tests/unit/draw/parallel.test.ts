import { afterAll, describe, expect, it } from 'vitest';
import {
  canonicalJsonBytes,
  completeDraw,
  prepareDraw,
  provisionalBar,
  rankStratum,
  runDraw,
  type DrawCase,
} from '@shared/draw';
import {
  DrawWorkerPool,
  rankAllParallel,
  runDrawParallel,
  verifyProofParallel,
} from '../../../src-main/draws/parallel-rank';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { clone, loadVectors } from './vectors';

const pool = new DrawWorkerPool(2);
afterAll(() => pool.close());

function bytesOf(value: unknown): string {
  return Buffer.from(canonicalJsonBytes(value)).toString('utf8');
}

/** A mid-sized case with some non-ASCII codes, so the workers' UTF-8 path and byte tie-breaks are exercised. */
function mixedCase(): DrawCase {
  const vector = loadVectors().find((v) => v.name.startsWith('02'))!;
  const drawCase = clone(vector.drawCase) as unknown as DrawCase;
  drawCase.inputs.strata = drawCase.inputs.strata.map((stratum, s) => {
    const candidates = Array.from({ length: 3000 + s * 700 }, (_, i) => ({
      code: i % 97 === 0 || s === 3 ? `91测试${s}😀${i}` : `9137${s}${String(i).padStart(12, '0')}`,
      office: stratum.candidates[i % stratum.candidates.length].office,
      area: stratum.candidates[i % stratum.candidates.length].area,
    }));
    return { name: stratum.name, quota: 7 + s, candidates };
  });
  drawCase.inputs.conflicts = [];
  return drawCase;
}

describe('parallel ranking', () => {
  it.each(loadVectors())('gives the single-thread proof for $name, byte for byte', async ({ drawCase }) => {
    const prepared = prepareDraw(clone(drawCase), nodeSha256);
    const parallel = completeDraw(prepared, await rankAllParallel(prepared, pool), nodeSha256);
    expect(bytesOf(parallel)).toBe(bytesOf(runDraw(clone(drawCase), nodeSha256)));
  });

  it('is identical whatever share of the work the workers take', async () => {
    const drawCase = mixedCase();
    const expected = bytesOf(runDraw(clone(drawCase), nodeSha256));
    const prepared = prepareDraw(clone(drawCase), nodeSha256);
    for (const share of [0, 0.13, 0.5, 0.9, 1]) {
      const proof = completeDraw(prepared, await rankAllParallel(prepared, pool, share), nodeSha256);
      expect(bytesOf(proof), `worker share ${share}`).toBe(expected);
    }
  });

  it('verifies in parallel with the same verdicts', async () => {
    const proof = await runDrawParallel(mixedCase(), pool);
    expect(await verifyProofParallel(clone(proof), pool)).toMatchObject({ valid: true, seed: proof.seed });
    const tampered = clone(proof);
    tampered.result.selected[5].key = tampered.result.selected[5].key.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const report = await verifyProofParallel(tampered, pool);
    expect(report.valid).toBe(false);
    if (!report.valid) expect(report.difference.path).toBe('result.selected[5].key');
  });
});

describe('the provisional bar (select.ts)', () => {
  it('is 13 hex digits at the expected quantile, or none when the quota is close to the total', () => {
    expect(provisionalBar(5000, 500_000)).toMatch(/^[0-9a-f]{13}$/);
    // (5000 + 6·√5000 + 16) / 500,000 ≈ 1.088 % of the key space
    expect(parseInt(provisionalBar(5000, 500_000)!, 16) / 2 ** 52).toBeCloseTo(0.01088, 5);
    expect(provisionalBar(0, 100)).toBeNull();
    expect(provisionalBar(90, 100)).toBeNull();
  });

  it('gives the same ranking as no bar, and ranks again without it when too few keys fall below', async () => {
    const drawCase = mixedCase();
    const expected = bytesOf(runDraw(clone(drawCase), nodeSha256));
    const prepared = prepareDraw(clone(drawCase), nodeSha256);
    const strata = prepared.drawCase.inputs.strata;
    const unbarred = strata.map((_, s) => rankStratum(prepared, s, nodeSha256, null));
    // A bar below every key (nothing passes) and a bar that passes ~1/4096 of the keys (fewer than the quota).
    for (const bar of ['0000000000000', '000fffffffffff'.slice(0, 13)]) {
      const ranked = strata.map((_, s) => rankStratum(prepared, s, nodeSha256, bar));
      expect(ranked, `bar ${bar}`).toEqual(unbarred);
      const parallel = await rankAllParallel(prepared, pool, 0.5, () => bar);
      expect(parallel, `parallel, bar ${bar}`).toEqual(unbarred);
    }
    expect(bytesOf(completeDraw(prepared, unbarred, nodeSha256))).toBe(expected);
  });
});
