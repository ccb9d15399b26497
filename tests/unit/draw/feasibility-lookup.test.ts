import { describe, expect, it } from 'vitest';
import {
  assertFeasible,
  checkFeasibility,
  DrawErrorCode,
  lookupEntity,
  runDraw,
  trialSeed,
  type DrawInputs,
  type DrawProof,
} from '@shared/draw';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { clone, loadVectors } from './vectors';

const vectors = loadVectors();
const inputsOf = (name: string) => clone(vectors.find((v) => v.name.startsWith(name))!.drawCase.inputs) as DrawInputs;

describe('pre-ceremony feasibility check (§11)', () => {
  it('passes a comfortable case under 100 trial seeds', () => {
    expect(checkFeasibility(inputsOf('02'), nodeSha256)).toMatchObject({
      feasible: true,
      trials: 100,
      failedTrials: 0,
    });
  });

  it('refuses a case that only some seeds can staff (vector 04: four 特种设备 holders for eight packages)', () => {
    // The recorded draw of 04 happened to succeed, but 1 seed in 6 or so dead-ends: a ceremony could too.
    const report = checkFeasibility(inputsOf('04'), nodeSha256);
    expect(report.feasible).toBe(false);
    expect(report.failedTrials).toBeGreaterThan(0);
    expect(report.failedTrials).toBeLessThan(100);
    expect(report.tightConstraint).toMatchObject({ kind: 'tag', tag: '特种设备', holders: 4 });
  });

  it('derives trial seeds from the inputs only, never equal to the real seed', () => {
    const vector = vectors[0];
    const digest = (vector.proof.commitment as { inputDigest: string }).inputDigest;
    const seeds = new Set(
      Array.from({ length: 100 }, (_, i) => Buffer.from(trialSeed(digest, i, nodeSha256)).toString('hex')),
    );
    expect(seeds.size).toBe(100);
    expect(seeds.has(vector.proof.seed as string)).toBe(false);
  });

  it('names too few holders of a required tag', () => {
    const inputs = inputsOf('03');
    let kept = 0;
    for (const inspector of inputs.inspectors) {
      if (inspector.tags.includes('食品') && kept++ >= 2) inspector.tags = [];
    }
    const report = checkFeasibility(inputs, nodeSha256);
    expect(report.feasible).toBe(false);
    expect(report.tightConstraint).toMatchObject({ kind: 'tag', tag: '食品', holders: 2 });
    expect(report.advice).toContain('具备「食品」资质的执法人员太少');
  });

  it('names too low a cap', () => {
    const inputs = inputsOf('02');
    inputs.inspectors = inputs.inspectors.slice(0, 12);
    inputs.maxPackagesPerInspector = 1;
    const report = checkFeasibility(inputs, nodeSha256);
    expect(report.tightConstraint).toMatchObject({ kind: 'cap' });
    expect(report.advice).toContain('每人最多承担的名单包数太低');
  });

  it('names too few offices', () => {
    const inputs = inputsOf('02');
    inputs.maxPackagesPerInspector = 10;
    for (const inspector of inputs.inspectors)
      inspector.office = inspector.office === '城关市场监管所' ? '城关市场监管所' : '东关市场监管所';
    const report = checkFeasibility(inputs, nodeSha256);
    expect(report.feasible).toBe(false);
    expect(report.tightConstraint).toMatchObject({ kind: 'offices' });
  });

  it('assertFeasible throws the typed error with the report', () => {
    const inputs = inputsOf('01');
    inputs.inspectors = inputs.inspectors.slice(0, 2);
    expect(() => assertFeasible(inputs, nodeSha256)).toThrow(
      expect.objectContaining({ code: DrawErrorCode.infeasible }),
    );
  });
});

describe('查我的抽取号 (entity lookup)', () => {
  const proof = vectors.find((v) => v.name.startsWith('02'))!.proof as unknown as DrawProof;

  it('gives a selected entity its key, rank, cut-off and package', () => {
    const first = proof.result.selected[0];
    const standing = lookupEntity(proof, first.code.toLowerCase(), nodeSha256)!;
    expect(standing).toMatchObject({
      code: first.code,
      stratum: first.stratum,
      key: first.key,
      rank: 1,
      selected: true,
    });
    const ofStratum = proof.result.selected.filter((s) => s.stratum === first.stratum);
    expect(standing.cutoffKey).toBe(ofStratum.at(-1)!.key);
    expect(standing.packageNo).toBe(proof.result.packages.find((p) => p.entities.includes(first.code))!.no);
  });

  it('ranks an entity that was not drawn after the cut-off', () => {
    const selectedCodes = new Set(proof.result.selected.map((s) => s.code));
    const stratum = proof.inputs.strata[0];
    const other = stratum.candidates.find((c) => !selectedCodes.has(c.code))!;
    const standing = lookupEntity(proof, other.code, nodeSha256)!;
    expect(standing.selected).toBe(false);
    expect(standing.rank).toBeGreaterThan(stratum.quota);
    expect(standing.key > standing.cutoffKey!).toBe(true);
    expect(standing.packageNo).toBeNull();
  });

  it('returns null for a code that is not a candidate', () => {
    expect(lookupEntity(proof, '91000000000000000X', nodeSha256)).toBeNull();
  });

  it('agrees with a fresh draw of the vector', () => {
    const drawn = runDraw(clone(vectors[1].drawCase), nodeSha256);
    expect(lookupEntity(drawn, drawn.result.selected[3].code, nodeSha256)!.key).toBe(drawn.result.selected[3].key);
  });
});
