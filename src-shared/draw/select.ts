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

/**
 * The `quota` smallest of the candidates offered to it, ranked. Instead of sorting everything it keeps a buffer of at
 * most 2×quota survivors: when full, it is sorted and cut back to `quota`, and the quota-th becomes the bar every
 * later candidate must beat. Random keys rarely beat it, so a candidate costs one hash and one string comparison.
 * The result equals sorting everything offered: the order is total (key, then code) and nothing that could rank
 * within the first `quota` is ever dropped. Shared by both rankers below (and mirrored in parallel-draw.ts's worker).
 */
class SmallestKept {
  private readonly survivors: Survivor[] = [];
  /** The quota-th survivor once the buffer was first cut; null until then (everything is admitted). */
  bar: Survivor | null = null;

  constructor(private readonly quota: number) {}

  /** Whether the candidate can still rank within the quota: before the bar by key, or on a tie by code. */
  admits(key: string, code: string): boolean {
    const bar = this.bar;
    return bar === null || key < bar.key || (key === bar.key && compareKeyThenId(key, code, bar.key, bar.code) <= 0);
  }

  add(index: number, code: string, key: string): void {
    const survivors = this.survivors;
    survivors.push(survivor(index, code, key));
    if (survivors.length >= 2 * this.quota) {
      survivors.sort(compareSurvivors);
      survivors.length = this.quota;
      this.bar = survivors[this.quota - 1];
    }
  }

  /** Sorted, the first `quota` kept, stripped of `head` so callers see plain RankedCandidates. */
  ranked(): RankedCandidate[] {
    const survivors = this.survivors;
    survivors.sort(compareSurvivors);
    if (survivors.length > this.quota) survivors.length = this.quota;
    return survivors.map(({ index, code, key }) => ({ index, code, key }));
  }
}

/** The `quota` smallest candidates of `candidates[start, end)` by key (then code), ranked (see SmallestKept). */
export function rankSmallest(
  candidates: readonly Candidate[],
  start: number,
  end: number,
  quota: number,
  hasher: KeyHasher,
): RankedCandidate[] {
  if (quota <= 0) return [];
  const kept = new SmallestKept(quota);
  for (let index = start; index < end; index++) {
    const code = candidates[index].code;
    const key = hasher.keyOf(code);
    if (kept.admits(key, code)) kept.add(index, code, key);
  }
  return kept.ranked();
}

/**
 * rankSmallest for candidates[start, end) of stratum `stratum`, hashing the code bytes encodeDrawInputs recorded
 * (the same keys and the same order; no string is read but for keys that reach the bar).
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
  if (quota <= 0) return [];
  const { codeBytes, codeStart, codeEnd } = encoded;
  const base = encoded.stratumStart[stratum];
  const kept = new SmallestKept(quota);
  for (let index = start; index < end; index++) {
    const key = hasher.keyOfBytes(codeBytes, codeStart[base + index], codeEnd[base + index]);
    // Most keys lose to the bar on their first hex digits: decided without reading the candidate's code.
    if (kept.bar !== null && key > kept.bar.key) continue;
    const code = candidates[index].code;
    if (kept.admits(key, code)) kept.add(index, code, key);
  }
  return kept.ranked();
}

/** Merges rankings of disjoint parts of one stratum (e.g. from worker threads) into the stratum's ranking. */
export function mergeRanked(parts: readonly RankedCandidate[][], quota: number): RankedCandidate[] {
  const merged = parts.flat();
  merged.sort(compareRanked);
  if (merged.length > quota) merged.length = quota;
  return merged;
}
