/**
 * "查我的抽取号" (DRAW-SPEC §11): for one entity, its draw number, its rank in its stratum and the stratum's cut-off,
 * so an entity can check its own standing with nothing but SHA-256.
 */
import { hexToBytes, type Sha256 } from './hash';
import { compareKeyThenId, entityLabel, KeyHasher } from './keys';
import type { DrawProof } from './types';

export interface EntityStanding {
  code: string;
  stratum: string;
  /** key(seed, "entity:" + stratum, code), hex. */
  key: string;
  /** 1-based position among all candidates of the stratum, ordered by key (then code). */
  rank: number;
  candidates: number;
  quota: number;
  selected: boolean;
  /** Key of the last selected entity of the stratum; null when the quota is 0. */
  cutoffKey: string | null;
  /** Package number when selected. */
  packageNo: number | null;
}

/** Null when no stratum of the proof lists the code. Ranks by hashing the stratum's candidates. */
export function lookupEntity(proof: DrawProof, code: string, sha256: Sha256): EntityStanding | null {
  // Codes are upper-case ASCII (DRAW-SPEC §10); forgive the way people type them, but prefer an exact match.
  const typed = code.trim();
  const listed = (text: string) => proof.inputs.strata.some((s) => s.candidates.some((c) => c.code === text));
  const wanted = listed(typed) ? typed : typed.toUpperCase();
  for (const stratum of proof.inputs.strata) {
    if (!stratum.candidates.some((candidate) => candidate.code === wanted)) continue;
    const hasher = new KeyHasher(sha256, hexToBytes(proof.seed), entityLabel(stratum.name));
    const key = hasher.keyOf(wanted);
    let rank = 1;
    for (const candidate of stratum.candidates) {
      if (candidate.code !== wanted && compareKeyThenId(hasher.keyOf(candidate.code), candidate.code, key, wanted) < 0)
        rank++;
    }
    const selectedOfStratum = proof.result.selected.filter((entity) => entity.stratum === stratum.name);
    const pkg = proof.result.packages.find((p) => p.entities.includes(wanted));
    return {
      code: wanted,
      stratum: stratum.name,
      key,
      rank,
      candidates: stratum.candidates.length,
      quota: stratum.quota,
      selected: rank <= stratum.quota,
      cutoffKey: selectedOfStratum.length > 0 ? selectedOfStratum[selectedOfStratum.length - 1].key : null,
      packageNo: pkg ? pkg.no : null,
    };
  }
  return null;
}
