import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeDrawInputs,
  canonicalJsonBytes,
  completeDraw,
  DrawErrorCode,
  entityLabel,
  KeyHasher,
  prepareDraw,
  rankStratum,
  runDraw,
  type DrawCase,
  type DrawInputs,
  type DrawProof,
  type PreparedDraw,
} from '@shared/draw';
import { isAppError } from '@shared/errors';
import { refusalSync } from '../../fixtures/refusal';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { clone, rankCandidates } from './vectors';

const OFFICES = ['城关市场监管所', '东关市场监管所', '西关市场监管所', '南关市场监管所'];
const AREAS = ['城关片区', '东部片区', '𠀀片区', '西部片区']; // one area outside the BMP: UTF-8 order ≠ UTF-16 order
const TAGS = ['食品', '特种设备', '广告'];
const TEAM_SHORTAGE = [DrawErrorCode.tagUnavailable, DrawErrorCode.teamTooSmall] as string[];

const inputsArbitrary: fc.Arbitrary<DrawInputs> = fc
  .record({
    strataSizes: fc.array(fc.nat({ max: 14 }), { minLength: 1, maxLength: 3 }),
    quotaShares: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
    candidateOffices: fc.array(fc.nat({ max: 3 }), { minLength: 42, maxLength: 42 }),
    candidateAreas: fc.array(fc.nat({ max: 3 }), { minLength: 42, maxLength: 42 }),
    inspectors: fc.array(fc.record({ office: fc.nat({ max: 3 }), tags: fc.subarray(TAGS) }), {
      minLength: 2,
      maxLength: 16,
    }),
    teamSize: fc.integer({ min: 2, max: 3 }),
    cap: fc.integer({ min: 1, max: 3 }),
    packageSize: fc.integer({ min: 1, max: 4 }),
    clusterBy: fc.constantFrom('none' as const, 'area' as const),
    requiredTags: fc.subarray(TAGS, { maxLength: 2 }),
    conflictPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    avoidOwnOffice: fc.boolean(),
    distinctOffices: fc.boolean(),
  })
  .map((g) => {
    let serial = 0;
    const strata = g.strataSizes.map((size, s) => {
      const candidates = Array.from({ length: size }, () => {
        const n = serial++;
        return {
          code: `91${String(s)}${String(n * 7919).padStart(15, '0')}`,
          office: OFFICES[g.candidateOffices[n]],
          area: AREAS[g.candidateAreas[n]],
        };
      });
      return { name: 'ABC'[s], quota: Math.floor((size * g.quotaShares[s]) / 100), candidates };
    });
    const inspectors = g.inspectors.map((inspector, i) => ({
      id: `ZF${String(i + 1).padStart(5, '0')}`,
      office: OFFICES[inspector.office],
      tags: inspector.tags,
    }));
    const codes = strata.flatMap((stratum) => stratum.candidates.map((candidate) => candidate.code));
    const conflicts: [string, string][] =
      codes.length === 0
        ? []
        : g.conflictPicks.map(([i, c]) => [inspectors[i % inspectors.length].id, codes[c % codes.length]]);
    return {
      spec: 'ssj-draw/1' as const,
      task: { id: 'P', name: '性质测试' },
      strata,
      packageSize: g.packageSize,
      clusterBy: g.clusterBy,
      inspectors,
      teamSize: g.teamSize,
      maxPackagesPerInspector: g.cap,
      requiredTags: g.requiredTags,
      conflicts,
      avoidOwnOffice: g.avoidOwnOffice,
      distinctOffices: g.distinctOffices,
    };
  });

const caseArbitrary: fc.Arbitrary<DrawCase> = fc.record({
  inputs: inputsArbitrary,
  nonce: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex')),
  entropy: fc.record({
    witnesses: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    public: fc.option(fc.string(), { nil: null }),
  }),
  amendments: fc.constant([]),
});

/** Runs a draw; a team shortage is a legitimate outcome of random inputs and must come as the typed error. */
function drawOrShortage(drawCase: DrawCase): DrawProof | null {
  try {
    return runDraw(clone(drawCase), nodeSha256);
  } catch (error) {
    if (isAppError(error) && TEAM_SHORTAGE.includes(error.code)) {
      expect(error.message).toMatch(/^第 \d+ 包：/);
      return null;
    }
    throw error;
  }
}

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = order[i % order.length] % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function withInputs(prepared: PreparedDraw, inputs: DrawInputs): PreparedDraw {
  // Same seed, other rows: the encoded form (code positions) must follow the rows.
  return { ...prepared, drawCase: { ...prepared.drawCase, inputs }, encoded: encodeDrawInputs(inputs).encoded };
}

function completeOrShortage(prepared: PreparedDraw): DrawProof | string {
  try {
    const rankings = prepared.drawCase.inputs.strata.map((_, s) => rankStratum(prepared, s, nodeSha256));
    return completeDraw(prepared, rankings, nodeSha256);
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
}

describe('draw properties: determinism', () => {
  it('same inputs give the same bytes', () => {
    fc.assert(
      fc.property(caseArbitrary, (drawCase) => {
        const first = drawOrShortage(drawCase);
        const second = drawOrShortage(drawCase);
        if (first === null || second === null) {
          expect(first).toBe(second);
          return;
        }
        expect(Buffer.from(canonicalJsonBytes(second)).equals(Buffer.from(canonicalJsonBytes(first)))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the order rows arrive in does not change the result (for a given seed)', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (drawCase, order) => {
        const prepared = prepareDraw(clone(drawCase), nodeSha256);
        const inputs = clone(prepared.drawCase.inputs);
        inputs.strata = inputs.strata.map((stratum) => ({
          ...stratum,
          candidates: shuffled(stratum.candidates, order),
        }));
        inputs.inspectors = shuffled(inputs.inspectors, order);
        inputs.conflicts = shuffled(inputs.conflicts, order);
        const original = completeOrShortage(prepared);
        const reordered = completeOrShortage(withInputs(prepared, inputs));
        if (typeof original === 'string') {
          expect(reordered).toBe(original);
          return;
        }
        expect(typeof reordered === 'string' ? reordered : reordered.result).toEqual(original.result);
      }),
      { numRuns: 150 },
    );
  });
});

describe('draw properties: the selection', () => {
  it('selects exactly the quota, the smallest keys, and quota k+1 extends quota k', () => {
    fc.assert(
      fc.property(caseArbitrary, (drawCase) => {
        const prepared = prepareDraw(clone(drawCase), nodeSha256);
        prepared.drawCase.inputs.strata.forEach((stratum) => {
          const hasher = new KeyHasher(nodeSha256, prepared.seedBytes, entityLabel(stratum.name));
          const n = stratum.candidates.length;
          const everyone = rankCandidates(stratum.candidates, n, hasher);
          const allKeys = stratum.candidates.map((candidate) => hasher.keyOf(candidate.code)).sort();
          expect(everyone.map((ranked) => ranked.key)).toEqual(allKeys);
          for (let k = 0; k <= n; k++) {
            const chosen = rankCandidates(stratum.candidates, k, hasher);
            expect(chosen).toHaveLength(k);
            expect(chosen).toEqual(everyone.slice(0, k)); // so quota k+1 ⊇ quota k, in the same order
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('draw properties: the teams', () => {
  it('never breaks an avoidance, conflict, office, tag, size or cap rule', () => {
    let staffed = 0;
    fc.assert(
      fc.property(caseArbitrary, (drawCase) => {
        const proof = drawOrShortage(drawCase);
        if (proof === null) return;
        staffed++;
        const { inputs } = proof;
        const entities = new Map(inputs.strata.flatMap((s) => s.candidates.map((c) => [c.code, c] as const)));
        const inspectors = new Map(inputs.inspectors.map((i) => [i.id, i] as const));
        const conflicts = new Set(inputs.conflicts.map(([i, c]) => `${i}|${c}`));
        const load = new Map<string, number>();
        const packaged: string[] = [];
        for (const pkg of proof.result.packages) {
          expect(pkg.team).toHaveLength(inputs.teamSize);
          expect(new Set(pkg.team).size).toBe(inputs.teamSize);
          expect(pkg.entities.length).toBeGreaterThan(0);
          expect(pkg.entities.length).toBeLessThanOrEqual(inputs.packageSize);
          packaged.push(...pkg.entities);
          if (inputs.clusterBy === 'area')
            for (const code of pkg.entities) expect(entities.get(code)!.area).toBe(pkg.area);
          const members = pkg.team.map((id) => inspectors.get(id)!);
          for (const member of members) {
            load.set(member.id, (load.get(member.id) ?? 0) + 1);
            for (const code of pkg.entities) {
              expect(conflicts.has(`${member.id}|${code}`)).toBe(false);
              if (inputs.avoidOwnOffice) expect(member.office).not.toBe(entities.get(code)!.office);
            }
          }
          if (inputs.distinctOffices) expect(new Set(members.map((m) => m.office)).size).toBe(members.length);
          for (const tag of inputs.requiredTags) expect(members.some((m) => m.tags.includes(tag))).toBe(true);
        }
        for (const count of load.values()) expect(count).toBeLessThanOrEqual(inputs.maxPackagesPerInspector);
        expect(packaged.sort()).toEqual(proof.result.selected.map((s) => s.code).sort());
      }),
      { numRuns: 300 },
    );
    expect(staffed).toBeGreaterThan(30); // the generator must also produce feasible cases, or this proves nothing
  });

  it('raises the typed error whenever teams cannot be formed', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.constantFrom('no-holder', 'too-few', 'own-office'), (drawCase, kind) => {
        const inputs = drawCase.inputs;
        inputs.strata[0].candidates.push({ code: '91ZZZZZZZZZZZZZZZZ', office: OFFICES[0], area: AREAS[0] });
        inputs.strata[0].quota = inputs.strata[0].candidates.length;
        if (kind === 'no-holder') {
          inputs.requiredTags = ['药品'];
        } else if (kind === 'too-few') {
          inputs.inspectors = inputs.inspectors.slice(0, 1);
        } else {
          inputs.avoidOwnOffice = true;
          inputs.inspectors = inputs.inspectors.map((inspector) => ({ ...inspector, office: OFFICES[0] }));
          for (const stratum of inputs.strata)
            for (const candidate of stratum.candidates) candidate.office = OFFICES[0];
        }
        const error = refusalSync(() => runDraw(clone(drawCase), nodeSha256));
        expect(TEAM_SHORTAGE.includes(error.code)).toBe(true);
        if (kind === 'no-holder') expect(error.message).toContain('「药品」');
      }),
      { numRuns: 100 },
    );
  });
});
