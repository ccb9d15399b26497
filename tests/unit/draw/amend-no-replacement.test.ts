/**
 * 递补 (DRAW-SPEC §7) when nobody needs to come in: a team that required tags made larger than teamSize can stay
 * complete after a member leaves. §7 records the first new member as `in`; with none, the amendment is refused with
 * the typed error and its Chinese message (it used to fail with a TypeError).
 */
import { describe, expect, it } from 'vitest';
import { refusalSync } from '../../fixtures/refusal';
import { runDraw, type DrawCase } from '@shared/draw';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';

const NONCE = 'ab'.repeat(32);

/** One package of one entity; P holds A, Q holds B, R holds A and C, S holds nothing; tags A, B, C; teams of 2. */
function drawCase(witness: string, amendments: DrawCase['amendments'] = []): DrawCase {
  return {
    inputs: {
      spec: 'ssj-draw/1',
      task: { id: 'amend-test' },
      strata: [{ name: 'A', quota: 1, candidates: [{ code: '91000000000000000X', office: '城关所', area: '' }] }],
      packageSize: 1,
      clusterBy: 'none',
      inspectors: [
        { id: 'P', office: '一所', tags: ['A'] },
        { id: 'Q', office: '二所', tags: ['B'] },
        { id: 'R', office: '三所', tags: ['A', 'C'] },
        { id: 'S', office: '四所', tags: [] },
      ],
      teamSize: 2,
      maxPackagesPerInspector: 1,
      requiredTags: ['A', 'B', 'C'],
      conflicts: [],
      avoidOwnOffice: true,
      distinctOffices: true,
    },
    nonce: NONCE,
    entropy: { witnesses: [witness], public: null },
    amendments,
  };
}

describe('递补 with nobody to bring in', () => {
  it('is refused, naming the package, when the team stays complete without the one leaving', () => {
    // A seed whose deck puts P before R: tag A goes to P, B to Q, C to R — three members for a team of two.
    const witness = Array.from({ length: 200 }, (_, i) => String(i)).find(
      (w) => runDraw(drawCase(w), nodeSha256).result.packages[0].team.length === 3,
    )!;
    expect(witness).toBeDefined();
    const team = runDraw(drawCase(witness), nodeSha256).result.packages[0].team;
    expect(team).toEqual(['P', 'Q', 'R']);

    const refusal = refusalSync(() =>
      runDraw(drawCase(witness, [{ package: 1, out: 'P', reason: '因病请假' }]), nodeSha256),
    );
    expect(refusal.code).toBe('draw.invalidAmendment');
    expect(refusal.message).toBe('第1条递补无效：P 退出后，第 1 包的检查组仍有2人且具备全部必需资质，无需递补');

    // Whoever takes the only holder's tag with him cannot be replaced either — that refusal is the tag's, as before.
    expect(() => runDraw(drawCase(witness, [{ package: 1, out: 'Q', reason: '回避' }]), nodeSha256)).toThrow(
      /具备「B」资质/,
    );
  });
});
