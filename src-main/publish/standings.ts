/**
 * Every candidate's standing in a sealed draw, as "查我的抽取号" shows one (src-shared/draw/lookup.ts) but for all of
 * them at once: its draw number, its rank in its stratum and the stratum's cut-off — so the published site answers
 * "was I drawn, and why" without hashing in the browser.
 */
import { compareKeyThenId, entityLabel, hexToBytes, KeyHasher, type DrawProof } from '@shared/draw';
import { nodeSha256 } from '../draws/node-sha256';

export interface StratumStanding {
  name: string;
  candidates: number;
  quota: number;
  /** Key of the last selected entity; null when the quota is 0. */
  cutoffKey: string | null;
  /** Candidate codes in rank order (rank = index + 1) and their keys. */
  codes: string[];
  keys: string[];
}

/** Ranks each stratum's candidates by key(seed, "entity:" + stratum, code), as DRAW-SPEC §4 selects them. */
export function drawStandings(proof: DrawProof): StratumStanding[] {
  const seed = hexToBytes(proof.seed);
  return proof.inputs.strata.map((stratum) => {
    const hasher = new KeyHasher(nodeSha256, seed, entityLabel(stratum.name));
    const ranked = stratum.candidates
      .map((c) => ({ code: c.code, key: hasher.keyOf(c.code) }))
      .sort((a, b) => compareKeyThenId(a.key, a.code, b.key, b.code));
    const selected = ranked.slice(0, stratum.quota);
    return {
      name: stratum.name,
      candidates: ranked.length,
      quota: stratum.quota,
      cutoffKey: selected.length > 0 ? selected[selected.length - 1].key : null,
      codes: ranked.map((r) => r.code),
      keys: ranked.map((r) => r.key),
    };
  });
}

/** Package number of every selected code. */
export function packageOf(proof: DrawProof): Map<string, number> {
  const packages = new Map<string, number>();
  for (const p of proof.result.packages) for (const code of p.entities) packages.set(code, p.no);
  return packages;
}
