/**
 * Candidates written ahead of encodeDrawInputs (by the threads that read them), and how encodeDrawInputs copies them
 * into C(inputs) and checks they are the candidates they stand for.
 */
import {
  AREA_KEY_TEXT,
  averageRowBytes,
  BACKSLASH,
  BAIL,
  CODE_KEY_TEXT,
  CodeSet,
  isRecord,
  OFFICE_KEY_TEXT,
  plainAllocate,
  putString,
  QUOTE,
  writeCandidates,
  type Allocate,
} from './encode-bytes';
import type { Candidate } from './types';

/**
 * Candidates already written as C(inputs) writes them, per stratum (encodeCandidateRuns): a run of each stratum's list
 * — in one run, or split across several in order (a city-scale snapshot is read and written by two threads).
 */
export interface CandidateRuns {
  /** Per stratum: the run's candidates as inside "candidates":[…], comma-separated. */
  bytes: Uint8Array[];
  /** Per stratum: where each candidate's code is in bytes[s], [codeStart[s][i], codeEnd[s][i]). */
  codeStart: Int32Array[];
  codeEnd: Int32Array[];
}

/**
 * Writes each stratum's candidates exactly as encodeDrawInputs would, for it to copy; null when that writer would not
 * take them. Uniqueness is checked by encodeDrawInputs, across runs. The app uses encodeCandidateRunsOfColumns; this is
 * the definition that writer is tested against.
 */
export function encodeCandidateRuns(
  strata: readonly (readonly Candidate[])[],
  allocate: Allocate = plainAllocate,
): CandidateRuns | null {
  const runs: CandidateRuns = { bytes: [], codeStart: [], codeEnd: [] };
  try {
    for (const candidates of strata) {
      const codeStart = new Int32Array(allocate(4 * candidates.length));
      const codeEnd = new Int32Array(allocate(4 * candidates.length));
      const room = Math.ceil(averageRowBytes([candidates]) * candidates.length * 1.1) + 64;
      const { buffer, p } = writeCandidates(
        new Uint8Array(allocate(room)),
        0,
        candidates,
        0,
        codeStart,
        codeEnd,
        null,
        allocate,
      );
      runs.bytes.push(buffer.subarray(0, p));
      runs.codeStart.push(codeStart);
      runs.codeEnd.push(codeEnd);
    }
  } catch {
    return null;
  }
  return runs;
}

/**
 * Candidates as columns (a snapshot row as SQLite returns it): row i has the i-th code of `codes` (split by
 * `separator`), office `offices[officeText.charCodeAt(i) - charBase]`, area likewise, and stratum `stratumOfRow[i]`
 * (−1: not a candidate, e.g. inspected recently).
 */
export interface CandidateColumns {
  rows: number;
  strata: number;
  stratumOfRow: Int8Array;
  codes: string;
  separator: number;
  officeText: string;
  areaText: string;
  charBase: number;
  offices: readonly string[];
  areas: readonly string[];
}

/**
 * encodeCandidateRuns of `columns`, byte for byte, without an object per candidate (making them was the snapshot
 * reader's main cost, docs/performance.md): each distinct office and area is written once and copied, each code copied
 * from the column text. null where encodeCandidateRuns would give null.
 */
export function encodeCandidateRunsOfColumns(
  columns: CandidateColumns,
  allocate: Allocate = plainAllocate,
): CandidateRuns | null {
  const { rows, strata, stratumOfRow, codes, separator, officeText, areaText, charBase } = columns;
  const sep = String.fromCharCode(separator);
  // Read once: compiled to CommonJS (tsx, vitest), an imported constant is a property read at every use, and the
  // loop below tests every character of a million codes.
  const [quote, backslash] = [QUOTE, BACKSLASH];
  // Each office and area written once, when a candidate first names it (a name no candidate uses is never looked at).
  const officeBytes = new Array<Uint8Array | null | undefined>(columns.offices.length);
  const areaBytes = new Array<Uint8Array | null | undefined>(columns.areas.length);
  // Pass 1: every stratum's count and exact byte length (and every code and name checked as writeCandidates checks it).
  const counts = new Int32Array(strata);
  const lengths = new Float64Array(strata);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    const start = at;
    if (start > codes.length) return null; // fewer codes than rows
    const next = codes.indexOf(sep, at);
    const end = next < 0 ? codes.length : next;
    at = end + 1;
    const s = stratumOfRow[i];
    if (s < 0) continue;
    if (end <= start) return null; // an empty code
    for (let k = start; k < end; k++) {
      const unit = codes.charCodeAt(k);
      if (unit < 0x20 || unit >= 0x80 || unit === quote || unit === backslash) return null;
    }
    const office = literalOf(officeBytes, columns.offices, officeText.charCodeAt(i) - charBase);
    const area = literalOf(areaBytes, columns.areas, areaText.charCodeAt(i) - charBase);
    if (office === null || area === null) return null;
    lengths[s] += (counts[s] > 0 ? 1 : 0) + CANDIDATE_FIXED_BYTES + (end - start) + office.length + area.length;
    counts[s]++;
  }
  // One code per row, no more, no less (a code holding the separator, or a row without one, would shift every later row).
  if (rows > 0 && at !== codes.length + 1) return null;
  // Pass 2: the bytes, stratum by stratum interleaved as the rows come.
  const buffers = Array.from(counts, (_, s) => new Uint8Array(allocate(lengths[s])));
  const starts = Array.from(counts, (n) => new Int32Array(allocate(4 * n)));
  const ends = Array.from(counts, (n) => new Int32Array(allocate(4 * n)));
  const ps = new Float64Array(strata);
  const written = new Int32Array(strata);
  at = 0;
  for (let i = 0; i < rows; i++) {
    const s = stratumOfRow[i];
    if (s < 0) {
      at = codes.indexOf(sep, at) + 1 || codes.length + 1;
      continue;
    }
    const buffer = buffers[s];
    let p = ps[s];
    if (written[s] > 0) buffer[p++] = 0x2c;
    buffer.set(AREA_KEY, p);
    p += AREA_KEY.length;
    const area = areaBytes[areaText.charCodeAt(i) - charBase]!;
    buffer.set(area, p);
    p += area.length;
    buffer.set(CODE_KEY, p);
    p += CODE_KEY.length;
    starts[s][written[s]] = p;
    for (let unit = codes.charCodeAt(at); at < codes.length && unit !== separator; unit = codes.charCodeAt(++at))
      buffer[p++] = unit;
    at++;
    ends[s][written[s]++] = p;
    buffer.set(OFFICE_KEY, p);
    p += OFFICE_KEY.length;
    const office = officeBytes[officeText.charCodeAt(i) - charBase]!;
    buffer.set(office, p);
    p += office.length;
    buffer[p++] = 0x7d;
    ps[s] = p;
  }
  return { bytes: buffers, codeStart: starts, codeEnd: ends };
}

export const asciiBytes = (text: string) => Uint8Array.from(text, (unit) => unit.charCodeAt(0));
export const AREA_KEY = asciiBytes(AREA_KEY_TEXT);
export const CODE_KEY = asciiBytes(CODE_KEY_TEXT);
export const OFFICE_KEY = asciiBytes(OFFICE_KEY_TEXT);
/** A written candidate's bytes besides its code, office and area literals: the keys and the closing brace. */
export const CANDIDATE_FIXED_BYTES = AREA_KEY.length + CODE_KEY.length + OFFICE_KEY.length + 1;

/** `text` as writeCandidates writes it (a JSON string literal), or BAIL where it would. */
export function stringLiteralBytes(text: string): Uint8Array {
  const buffer = new Uint8Array(3 * text.length + 2);
  return buffer.slice(0, putString(buffer, 0, text));
}

/** names[index] as a JSON string literal, written once into `cache`; null when there is no such name or it bails. */
export function literalOf(
  cache: (Uint8Array | null | undefined)[],
  names: readonly string[],
  index: number,
): Uint8Array | null {
  if (!(index >= 0 && index < names.length)) return null;
  let literal = cache[index];
  if (literal === undefined) {
    try {
      literal = stringLiteralBytes(names[index]);
    } catch {
      literal = null;
    }
    cache[index] = literal;
  }
  return literal;
}

/**
 * Whether the bytes around the code at [start, end) are exactly `candidate` as writeCandidates writes it —
 * {"area":…,"code":"…","office":…} — its office and area too, not only its code. `literals` caches the names' bytes.
 */
export function sameCandidate(
  buffer: Uint8Array,
  start: number,
  end: number,
  candidate: Candidate | undefined,
  literals: Map<string, Uint8Array>,
): boolean {
  if (!isRecord(candidate)) return false;
  const { code, office, area } = candidate;
  if (typeof code !== 'string' || typeof office !== 'string' || typeof area !== 'string' || code.length !== end - start)
    return false;
  for (let k = 0; k < code.length; k++) if (code.charCodeAt(k) !== buffer[start + k]) return false;
  const literal = (name: string) => {
    let bytes = literals.get(name);
    if (bytes === undefined) literals.set(name, (bytes = stringLiteralBytes(name)));
    return bytes;
  };
  const areaBytes = literal(area);
  const officeBytes = literal(office);
  const areaAt = start - CODE_KEY.length - areaBytes.length;
  const officeAt = end + OFFICE_KEY.length;
  return (
    bytesAt(buffer, areaAt - AREA_KEY.length, AREA_KEY) &&
    bytesAt(buffer, areaAt, areaBytes) &&
    bytesAt(buffer, start - CODE_KEY.length, CODE_KEY) &&
    bytesAt(buffer, end, OFFICE_KEY) &&
    bytesAt(buffer, officeAt, officeBytes) &&
    buffer[officeAt + officeBytes.length] === 0x7d
  );
}

export function bytesAt(buffer: Uint8Array, at: number, expected: Uint8Array): boolean {
  if (at < 0 || at + expected.length > buffer.length) return false;
  for (let k = 0; k < expected.length; k++) if (buffer[at + k] !== expected[k]) return false;
  return true;
}

/** Bytes copyRuns writes for stratum s: the runs and the commas between them. */
export function runBytes(runs: readonly CandidateRuns[], s: number): number {
  return runs.reduce((sum, run) => sum + run.bytes[s].length + 1, 0);
}

/**
 * Copies stratum s's runs into `buffer` at `p`, comma-joined, records where each code went and checks it against the
 * codes already written, and for a sample that the bytes are the candidate's: the bytes committed to and the objects
 * drawn from cannot part unnoticed (anything else sends the inputs the reference way). Returns p after.
 */
export function copyRuns(
  buffer: Uint8Array,
  p: number,
  runs: readonly CandidateRuns[],
  s: number,
  candidates: readonly Candidate[],
  g: number,
  codeStart: Int32Array,
  codeEnd: Int32Array,
  codes: CodeSet,
): number {
  let first = true;
  let c = 0;
  const literals = new Map<string, Uint8Array>();
  for (const run of runs) {
    const bytes = run.bytes[s];
    const starts = run.codeStart[s];
    const ends = run.codeEnd[s];
    if (starts.length === 0) continue;
    if (!first) buffer[p++] = 0x2c;
    first = false;
    buffer.set(bytes, p);
    for (let i = 0; i < starts.length; i++, g++, c++) {
      const start = p + starts[i];
      const end = p + ends[i];
      let hash = 0x811c9dc5;
      for (let b = start; b < end; b++) hash = Math.imul(hash ^ buffer[b], 0x01000193);
      // Every 16th candidate's bytes (code, office, area) against its object — enough to catch runs of other
      // candidates, in another order, or from other names; checking all of them costs much of encode's time
      // (docs/performance.md).
      if ((c & 15) === 0 && !sameCandidate(buffer, start, end, candidates[c], literals)) throw BAIL;
      codeStart[g] = start;
      codeEnd[g] = end;
      if (!codes.add(g, hash, buffer, codeStart, codeEnd)) throw BAIL;
    }
    p += bytes.length;
  }
  return p;
}
