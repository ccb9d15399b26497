/**
 * The worst-case feasibility count (src-shared/domain/draws-feasibility.ts) may only ever be conservative: whatever
 * it proves must survive the engine's 100 trial seeds and real draws under many seeds. Random small cases (fast-check)
 * cover tags, caps, avoidance of one's own office, distinct offices, conflicts and packaging by area; the run also
 * checks it proves a fair share of them, so the property is not vacuously true.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeasibility, runDraw, SPEC_ID, type DrawInputs } from '@shared/draw';
import { feasibilityBound } from '@shared/domain/draws-feasibility';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';

const TAGS = ['食品', '特种设备'];

const inputsArbitrary: fc.Arbitrary<DrawInputs> = fc
  .record({
    strata: fc.array(
      fc.record({ size: fc.integer({ min: 0, max: 40 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { minLength: 1, maxLength: 3 },
    ),
    candidateOffices: fc.integer({ min: 1, max: 5 }),
    areas: fc.integer({ min: 1, max: 4 }),
    inspectors: fc.array(fc.record({ office: fc.integer({ min: 0, max: 7 }), tags: fc.subarray(TAGS) }), {
      minLength: 2,
      maxLength: 40,
    }),
    teamSize: fc.integer({ min: 2, max: 3 }),
    packageSize: fc.integer({ min: 1, max: 4 }),
    cap: fc.integer({ min: 1, max: 8 }),
    clusterBy: fc.constantFrom('none' as const, 'area' as const),
    requiredTags: fc.subarray(TAGS),
    conflicts: fc.array(fc.record({ inspector: fc.nat(), entity: fc.nat() }), { maxLength: 6 }),
    avoidOwnOffice: fc.boolean(),
    distinctOffices: fc.boolean(),
    seed: fc.nat(),
  })
  .map((r) => {
    let n = 0;
    const strata = r.strata.map((s, i) => {
      const candidates = Array.from({ length: s.size }, () => {
        n++;
        return { code: `C${n}`, office: `所${n % r.candidateOffices}`, area: `片区${(n * 7) % r.areas}` };
      });
      return { name: `S${i}`, quota: Math.floor(s.share * s.size), candidates };
    });
    const inspectors = r.inspectors.map((inspector, i) => ({
      id: `ZF${i}`,
      office: `所${inspector.office}`,
      tags: inspector.tags,
    }));
    return {
      spec: SPEC_ID,
      task: {},
      strata,
      packageSize: r.packageSize,
      clusterBy: r.clusterBy,
      inspectors,
      teamSize: r.teamSize,
      maxPackagesPerInspector: r.cap,
      requiredTags: r.requiredTags,
      conflicts:
        n === 0
          ? []
          : r.conflicts.map((c): [string, string] => [
              `ZF${c.inspector % inspectors.length}`,
              `C${1 + (c.entity % n)}`,
            ]),
      avoidOwnOffice: r.avoidOwnOffice,
      distinctOffices: r.distinctOffices,
    } satisfies DrawInputs;
  });

function drawsUnderManySeeds(inputs: DrawInputs, seeds: number): void {
  for (let i = 0; i < seeds; i++) {
    runDraw(
      {
        inputs,
        nonce: randomBytes(32).toString('hex'),
        entropy: { witnesses: [String(i)], public: null },
        amendments: [],
      },
      nodeSha256,
    );
  }
}

describe('the feasibility bound', () => {
  it('whatever it proves, every trial seed and every real draw can staff', () => {
    let proven = 0;
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        const bound = feasibilityBound(inputs);
        if (!bound.proven) return;
        proven++;
        expect(checkFeasibility(inputs, nodeSha256).feasible).toBe(true);
        drawsUnderManySeeds(inputs, 20);
      }),
      { numRuns: 400, seed: 20261123 },
    );
    expect(proven).toBeGreaterThan(40);
  });

  it('proves a city-scale pool at once, and leaves a tight tag to the trials', () => {
    const candidates = Array.from({ length: 200_000 }, (_, i) => ({
      code: `91${String(i).padStart(16, '0')}`,
      office: `第${i % 100}所`,
      area: `第${i % 50}片区`,
    }));
    const inputs: DrawInputs = {
      spec: SPEC_ID,
      task: {},
      strata: [{ name: 'B', ratioBp: 500, quota: 10_000, candidates }],
      packageSize: 3,
      clusterBy: 'area',
      inspectors: Array.from({ length: 10_000 }, (_, i) => ({
        id: `ZF${i}`,
        office: `第${i % 117}所`,
        tags: i % 5 === 0 ? ['食品'] : [],
      })),
      teamSize: 2,
      maxPackagesPerInspector: 6,
      requiredTags: [],
      conflicts: [],
      avoidOwnOffice: true,
      distinctOffices: true,
    };
    const started = performance.now();
    const bound = feasibilityBound(inputs);
    expect(bound).toMatchObject({ proven: true, offices: 117, reason: '' });
    expect(bound.packagesBound).toBeLessThanOrEqual(Math.floor(10_000 / 3) + 50);
    expect(performance.now() - started).toBeLessThan(1000);

    // 2,000 holders can cover ~3,400 packages even if ~1,100 inspectors reach the cap first: proven. 500 cannot.
    expect(feasibilityBound({ ...inputs, requiredTags: ['食品'] }).proven).toBe(true);
    const rare = inputs.inspectors.map((inspector, i) => ({ ...inspector, tags: i % 20 === 0 ? ['食品'] : [] }));
    const tight = feasibilityBound({ ...inputs, inspectors: rare, requiredTags: ['食品'] });
    expect(tight.proven).toBe(false);
    expect(tight.reason).toMatch(/具备「食品」资质且可选派的人员可能为 0 人/);
  });
});
