/** The ssj-draw/1 vectors (tests/fixtures/draw-vectors), read once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { codeTableOf } from '@shared/draw/encode';
import { rankSmallestCodes, type Candidate, type KeyHasher, type RankedCandidate } from '@shared/draw';

export const VECTORS_DIR = resolve(__dirname, '../../fixtures/draw-vectors');

export interface Vector {
  name: string;
  drawCase: Record<string, unknown>;
  proof: Record<string, unknown>;
}

export function loadVectors(): Vector[] {
  const names = readdirSync(VECTORS_DIR)
    .filter((file) => file.endsWith('.case.json'))
    .map((file) => file.slice(0, -'.case.json'.length))
    .sort();
  return names.map((name) => ({
    name,
    drawCase: JSON.parse(readFileSync(resolve(VECTORS_DIR, `${name}.case.json`), 'utf8')),
    proof: JSON.parse(readFileSync(resolve(VECTORS_DIR, `${name}.proof.json`), 'utf8')),
  }));
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The engine's ranking (rankSmallestCodes, as the draw runs it) over plain candidates: the `quota` smallest keys. */
export function rankCandidates(candidates: readonly Candidate[], quota: number, hasher: KeyHasher): RankedCandidate[] {
  const table = codeTableOf(candidates.map((candidate) => candidate.code));
  const ranked = rankSmallestCodes(table, 0, 0, candidates.length, quota, hasher);
  return ranked.map(({ index, key }) => ({ index, key, code: candidates[index].code }));
}
