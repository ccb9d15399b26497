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

/**
 * Ranking without sorting a million keys: keys are uniform, so the quota-th smallest almost surely lies below (quota +
 * 6√quota + 16) / total of the key space (13 hex digits). Exact: with ≥ quota keys below, none above can rank; with
 * fewer (odds ~10⁻⁹) the caller ranks with no bar. null: the bar would drop nothing worth dropping.
 */
export function provisionalBar(quota: number, total: number): string | null {
  const expected = quota + 6 * Math.sqrt(quota) + 16;
  if (quota <= 0 || expected >= total) return null;
  return Math.floor((expected / total) * 2 ** 52)
    .toString(16)
    .padStart(13, '0');
}

/** Sorted, the first `quota` kept. */
function firstOf(kept: RankedCandidate[], quota: number): RankedCandidate[] {
  kept.sort(compareRanked);
  if (kept.length > quota) kept.length = quota;
  return kept;
}

/** Where a candidate's code bytes are: candidate g is codeBytes[codeStart[g], codeEnd[g]) (encodeDrawInputs). */
export type CodeTable = Pick<EncodedInputs, 'codeBytes' | 'codeStart' | 'codeEnd'>;

/** A ranked candidate without its code string (what a ranking thread, which holds only the code table, returns). */
export interface RankedIndex {
  index: number;
  key: string;
}

function compareCodeBytes(table: CodeTable, a: number, b: number): number {
  const { codeBytes, codeStart, codeEnd } = table;
  const aStart = codeStart[a];
  const bStart = codeStart[b];
  const aLength = codeEnd[a] - aStart;
  const bLength = codeEnd[b] - bStart;
  const length = Math.min(aLength, bLength);
  for (let i = 0; i < length; i++) {
    const d = codeBytes[aStart + i] - codeBytes[bStart + i];
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

/**
 * The `quota` smallest by key (then code bytes) of candidates [start, end) of the stratum whose first candidate is
 * number `base` in the code table; with `bar` (provisionalBar), the smallest of those whose key is below it, fewer
 * than `quota` when too few are.
 */
export function rankSmallestCodes(
  table: CodeTable,
  base: number,
  start: number,
  end: number,
  quota: number,
  hasher: KeyHasher,
  bar: string | null = null,
): RankedIndex[] {
  if (quota <= 0) return [];
  const { codeBytes, codeStart, codeEnd } = table;
  const kept: RankedIndex[] = [];
  for (let index = start; index < end; index++) {
    const key = hasher.keyOfBytes(codeBytes, codeStart[base + index], codeEnd[base + index]);
    if (bar === null || key < bar) kept.push({ index, key });
  }
  kept.sort((a, b) =>
    a.key !== b.key ? (a.key < b.key ? -1 : 1) : compareCodeBytes(table, base + a.index, base + b.index),
  );
  if (kept.length > quota) kept.length = quota;
  return kept;
}

/**
 * The `quota` smallest of candidates[start, end) of stratum `stratum` by key (then code), or of those below `bar`
 * (provisionalBar), hashing the code bytes encodeDrawInputs recorded; a code string is read only once it ranks.
 */
export function rankSmallestEncoded(
  candidates: readonly Candidate[],
  encoded: EncodedInputs,
  stratum: number,
  start: number,
  end: number,
  quota: number,
  hasher: KeyHasher,
  bar: string | null = null,
): RankedCandidate[] {
  const ranked = rankSmallestCodes(encoded, encoded.stratumStart[stratum], start, end, quota, hasher, bar);
  return ranked.map(({ index, key }) => ({ index, code: candidates[index].code, key }));
}

/**
 * Merges rankings of disjoint parts of one stratum (e.g. from worker threads) into the stratum's ranking: exactly
 * `quota` long, or shorter when the parts were ranked under a bar too few keys fell below.
 */
export function mergeRanked(parts: readonly RankedCandidate[][], quota: number): RankedCandidate[] {
  return firstOf(parts.flat(), quota);
}
