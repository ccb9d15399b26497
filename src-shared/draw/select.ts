/** DRAW-SPEC §4: rank a stratum's candidates by key and keep the first `quota`. */
import { compareKeyThenId, type KeyHasher } from './keys';
import type { EncodedInputs } from './encode';
import type { Candidate } from './types';

/** A candidate with its draw number; `index` is its position in the stratum's candidate list. */
export interface RankedCandidate {
  index: number;
  code: string;
  key: string;
}

export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return compareKeyThenId(a.key, a.code, b.key, b.code);
}

/** A survivor while ranking: `head` is the key's first 52 bits as a number (exact in a double). */
interface Survivor extends RankedCandidate {
  head: number;
}

function survivor(index: number, code: string, key: string): Survivor {
  return { index, code, key, head: parseInt(key.substring(0, 13), 16) };
}

/**
 * compareRanked, with the number compared first: the survivor buffer is sorted a few times per stratum (up to
 * ~35,000 entries at city scale) and comparing numbers is several times cheaper than comparing 64-char strings.
 * The order is the same: `head` is monotone in the key, and equal heads fall back to the full comparison.
 */
function compareSurvivors(a: Survivor, b: Survivor): number {
  return a.head - b.head || compareKeyThenId(a.key, a.code, b.key, b.code);
}

/** The buffer's cut: sorted, the first `quota` kept, stripped of `head` so callers see plain RankedCandidates. */
function ranked(survivors: Survivor[], quota: number): RankedCandidate[] {
  survivors.sort(compareSurvivors);
  if (survivors.length > quota) survivors.length = quota;
  return survivors.map(({ index, code, key }) => ({ index, code, key }));
}

/**
 * The `quota` smallest candidates of `candidates[start, end)`, ranked. Instead of sorting everything it keeps a
 * buffer of at most 2×quota survivors: when full, it is sorted and cut back to `quota`, and the quota-th key becomes
 * the bar every later key must beat. Random keys rarely beat it, so this is one hash and one string comparison per
 * candidate. The result equals sorting the whole range: the order is total (key, then code) and nothing that could
 * rank within the first `quota` is ever dropped.
 */
export function rankSmallest(
  candidates: readonly Candidate[],
  start: number,
  end: number,
  quota: number,
  hasher: KeyHasher,
): RankedCandidate[] {
  const survivors: Survivor[] = [];
  if (quota <= 0) return [];
  let bar: Survivor | null = null;
  const capacity = 2 * quota;
  for (let index = start; index < end; index++) {
    const code = candidates[index].code;
    const key = hasher.keyOf(code);
    if (bar !== null && (key > bar.key || (key === bar.key && compareKeyThenId(key, code, bar.key, bar.code) > 0))) {
      continue;
    }
    survivors.push(survivor(index, code, key));
    if (survivors.length >= capacity) {
      survivors.sort(compareSurvivors);
      survivors.length = quota;
      bar = survivors[quota - 1];
    }
  }
  return ranked(survivors, quota);
}

/**
 * rankSmallest for candidates[start, end) of stratum `stratum`, hashing the code bytes encodeDrawInputs recorded
 * (the same keys and the same order; no string is read but the survivors' codes).
 */
export function rankSmallestEncoded(
  candidates: readonly Candidate[],
  encoded: EncodedInputs,
  stratum: number,
  start: number,
  end: number,
  quota: number,
  hasher: KeyHasher,
): RankedCandidate[] {
  const survivors: Survivor[] = [];
  if (quota <= 0) return [];
  const { codeBytes, codeStart, codeEnd } = encoded;
  const base = encoded.stratumStart[stratum];
  let bar: Survivor | null = null;
  const capacity = 2 * quota;
  for (let index = start; index < end; index++) {
    const key = hasher.keyOfBytes(codeBytes, codeStart[base + index], codeEnd[base + index]);
    if (bar !== null && key >= bar.key) {
      const code = candidates[index].code;
      if (key > bar.key || compareKeyThenId(key, code, bar.key, bar.code) > 0) continue;
    }
    survivors.push(survivor(index, candidates[index].code, key));
    if (survivors.length >= capacity) {
      survivors.sort(compareSurvivors);
      survivors.length = quota;
      bar = survivors[quota - 1];
    }
  }
  return ranked(survivors, quota);
}

/** Merges rankings of disjoint parts of one stratum (e.g. from worker threads) into the stratum's ranking. */
export function mergeRanked(parts: readonly RankedCandidate[][], quota: number): RankedCandidate[] {
  const merged = parts.flat();
  merged.sort(compareRanked);
  if (merged.length > quota) merged.length = quota;
  return merged;
}
