/**
 * One pass over the inputs that validates them (§2), writes C(inputs) (§1) and records where each candidate's code
 * sits in those bytes, so the key messages of §4 are built from bytes already written — no second walk over a
 * million candidate objects, no per-candidate allocation, and worker threads get the codes without a copy.
 *
 * The fast path assumes the inputs are valid. At the first thing it does not expect it gives up, and the reference
 * route (parseDrawInputs, then canonicalInputsBytes) runs instead: it throws exactly the error it always threw, in
 * the same order, or — when the fast path was merely cautious (a code that JSON must escape, say) — produces the
 * bytes the slow way. Either way the output is byte-identical (tests compare both routes).
 */
import { canonicalInputsBytes } from './commitment';
import { CanonicalWriter } from './canonical-json';
import { encodeUtf8, putNonAscii } from './utf8';
import { parseDrawInputs, quotaFromRatio } from './validate';
import { SPEC_ID, type Candidate, type DrawInputs } from './types';

/** Where memory comes from: a SharedArrayBuffer lets worker threads read the codes without copying. */
export type Allocate = (byteLength: number) => ArrayBufferLike;
const plainAllocate: Allocate = (byteLength) => new ArrayBuffer(byteLength);

export interface EncodedInputs {
  /** C(inputs) = parts[0] ‖ parts[1] ‖ … (the big middle part is the strata). */
  parts: Uint8Array[];
  /** Holds every code's UTF-8 bytes: candidate g (strata concatenated) is codeBytes[codeStart[g], codeEnd[g]). */
  codeBytes: Uint8Array;
  codeStart: Int32Array;
  codeEnd: Int32Array;
  /** Index of the first candidate of stratum s in the concatenation; the last entry is the total. */
  stratumStart: number[];
}

const BAIL = new Error('fast path not applicable');

const INPUT_KEY_COUNT = 12;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Writes `text` as a JSON string literal at `p` (the caller reserved 3 bytes per unit + 2); returns the position
 * after it. Anything that needs an escape or is not well-formed UTF-16 bails (the reference writer handles it).
 */
function putString(buffer: Uint8Array, p: number, text: string): number {
  buffer[p++] = QUOTE;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (unit < 0x20 || unit === QUOTE || unit === BACKSLASH) throw BAIL;
      buffer[p++] = unit;
    } else {
      const next = putNonAscii(text, i, buffer, p);
      if (next < 0) throw BAIL;
      if (next - p === 4) i++;
      p = next;
    }
  }
  buffer[p++] = QUOTE;
  return p;
}

/** A candidate as C(inputs) writes it, around its three strings: {"area":…,"code":"…","office":…} (keys sorted). */
const AREA_KEY_TEXT = '{"area":';
const CODE_KEY_TEXT = ',"code":"';
const OFFICE_KEY_TEXT = '","office":';

function putAscii(buffer: Uint8Array, p: number, ascii: string): number {
  for (let i = 0; i < ascii.length; i++) buffer[p++] = ascii.charCodeAt(i);
  return p;
}

/**
 * Insert-only set of the codes already written, by position: slot pairs [candidate number, FNV-1a of the code] in
 * one Int32Array (one cache line per probe), bytes compared only when the hashes agree. No string is kept.
 */
class CodeSet {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(2 * capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** Adds code g (bytes[start[g], end[g])); false when an equal code was there. */
  add(g: number, hash: number, bytes: Uint8Array, start: Int32Array, end: Int32Array): boolean {
    const slots = this.slots;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const other = slots[2 * slot];
      if (other === -1) {
        slots[2 * slot] = g;
        slots[2 * slot + 1] = hash;
        return true;
      }
      if (slots[2 * slot + 1] === hash && sameBytes(bytes, start[g], end[g], start[other], end[other])) return false;
    }
  }
}

function sameBytes(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (bytes[aStart + i] !== bytes[bStart + i]) return false;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownKeyCount(record: object): number {
  let count = 0;
  for (const name in record) if (Object.prototype.hasOwnProperty.call(record, name)) count++;
  return count;
}

function isSafeInt(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

/**
 * The hot loop (a million rows), in a function of its own so V8 optimises it once instead of deoptimising the
 * whole encoder whenever code after the loop runs for the first time.
 */
function writeCandidates(
  buffer: Uint8Array,
  p: number,
  candidates: readonly Candidate[],
  g: number,
  codeStart: Int32Array,
  codeEnd: Int32Array,
  codes: CodeSet | null,
  allocate: Allocate,
): { buffer: Uint8Array; p: number } {
  for (let c = 0; c < candidates.length; c++, g++) {
    const candidate = candidates[c];
    if (!isRecord(candidate)) throw BAIL;
    const { code, office, area } = candidate;
    if (typeof code !== 'string' || typeof office !== 'string' || typeof area !== 'string' || code === '') throw BAIL;
    if (ownKeyCount(candidate) !== 3) throw BAIL;
    const worst = p + 40 + 3 * (code.length + office.length + area.length);
    if (worst > buffer.length) {
      const grown = new Uint8Array(allocate(Math.max(worst, Math.ceil(buffer.length * 1.5))));
      grown.set(buffer.subarray(0, p));
      buffer = grown;
    }
    if (c > 0) buffer[p++] = 0x2c;
    p = putAscii(buffer, p, AREA_KEY_TEXT);
    p = putString(buffer, p, area);
    p = putAscii(buffer, p, CODE_KEY_TEXT);
    // The code is written here (not by putString) to hash it for the uniqueness check in the same loop.
    codeStart[g] = p;
    let hash = 0x811c9dc5;
    for (let i = 0; i < code.length; i++) {
      const unit = code.charCodeAt(i);
      if (unit < 0x20 || unit >= 0x80 || unit === QUOTE || unit === BACKSLASH) throw BAIL;
      buffer[p++] = unit;
      hash = Math.imul(hash ^ unit, 0x01000193);
    }
    codeEnd[g] = p;
    if (codes !== null && !codes.add(g, hash, buffer, codeStart, codeEnd)) throw BAIL;
    p = putAscii(buffer, p, OFFICE_KEY_TEXT);
    p = putString(buffer, p, office);
    buffer[p++] = 0x7d;
  }
  return { buffer, p };
}

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
 * Writes each stratum's candidates exactly as encodeDrawInputs would (the same writer), for encodeDrawInputs to copy
 * instead of writing them itself; null when that writer would not take them (encodeDrawInputs then decides). Codes are
 * not checked for uniqueness here: encodeDrawInputs checks them all, across runs. (The app writes its snapshot's runs
 * from the row's columns, encodeCandidateRunsOfColumns; this is the definition that writer is tested against.)
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
 * Candidates given as columns rather than objects (a snapshot row as SQLite returns it, src-main task-scope.ts): row i
 * has the i-th code of `codes` (separated by the character `separator`), office
 * `offices[officeText.charCodeAt(i) - charBase]`, area likewise, and belongs to stratum `stratumOfRow[i]` (−1: not a
 * candidate, e.g. inspected recently).
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
 * encodeCandidateRuns of the candidates in `columns`, byte for byte, without making an object per candidate: each
 * distinct office and area is written once and copied, each code is copied from the column text. At city scale the
 * snapshot reader thread spent ~220 ms making 480,000 objects only to write them (and their garbage) — this is the
 * writer it uses instead. null where encodeCandidateRuns would give null (a code or name its writer does not take).
 */
export function encodeCandidateRunsOfColumns(
  columns: CandidateColumns,
  allocate: Allocate = plainAllocate,
): CandidateRuns | null {
  const { rows, strata, stratumOfRow, codes, separator, officeText, areaText, charBase } = columns;
  const sep = String.fromCharCode(separator);
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
      if (unit < 0x20 || unit >= 0x80 || unit === QUOTE || unit === BACKSLASH) return null;
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

const asciiBytes = (text: string) => Uint8Array.from(text, (unit) => unit.charCodeAt(0));
const AREA_KEY = asciiBytes(AREA_KEY_TEXT);
const CODE_KEY = asciiBytes(CODE_KEY_TEXT);
const OFFICE_KEY = asciiBytes(OFFICE_KEY_TEXT);
/** A written candidate's bytes besides its code, office and area literals: the keys and the closing brace. */
const CANDIDATE_FIXED_BYTES = AREA_KEY.length + CODE_KEY.length + OFFICE_KEY.length + 1;

/** `text` as writeCandidates writes it (a JSON string literal), or BAIL where it would. */
function stringLiteralBytes(text: string): Uint8Array {
  const buffer = new Uint8Array(3 * text.length + 2);
  return buffer.slice(0, putString(buffer, 0, text));
}

/** names[index] as a JSON string literal, written once into `cache`; null when there is no such name or it bails. */
function literalOf(
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

/** Bytes of a typical candidate (at most 40 + 3 per UTF-16 unit), from the first 64 of each list; the room to reserve. */
function averageRowBytes(lists: readonly (readonly Candidate[])[]): number {
  let sampleBytes = 0;
  let sampled = 0;
  for (const candidates of lists) {
    for (let c = 0; c < candidates.length && c < 64; c++, sampled++) {
      const candidate = candidates[c];
      if (!isRecord(candidate)) throw BAIL;
      sampleBytes +=
        40 + 3 * (String(candidate.code).length + String(candidate.office).length + String(candidate.area).length);
    }
  }
  return sampled > 0 ? sampleBytes / sampled : 64;
}

/**
 * Whether the bytes around the code at [start, end) are exactly `candidate` as writeCandidates writes it —
 * {"area":…,"code":"…","office":…} — its office and area too, not only its code. `literals` caches the names' bytes.
 */
function sameCandidate(
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

function bytesAt(buffer: Uint8Array, at: number, expected: Uint8Array): boolean {
  if (at < 0 || at + expected.length > buffer.length) return false;
  for (let k = 0; k < expected.length; k++) if (buffer[at + k] !== expected[k]) return false;
  return true;
}

/** Bytes copyRuns writes for stratum s: the runs and the commas between them. */
function runBytes(runs: readonly CandidateRuns[], s: number): number {
  return runs.reduce((sum, run) => sum + run.bytes[s].length + 1, 0);
}

/**
 * Copies stratum s's runs (encodeCandidateRuns of `candidates`, cut in order) into `buffer` at `p`, comma-joined,
 * records where each code went (candidates g, g + 1, …) and checks it against the codes already written — and, for a
 * sample, that the bytes are those of the candidate they stand for, so that the bytes committed to and the objects drawn
 * from cannot part unnoticed (anything else sends the inputs the reference way). Returns p after.
 */
function copyRuns(
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
      // candidates, in another order, or written from other names.
      // Checking all of them read a million objects scattered over the heap: in one interleaved city A/B, encode took
      // 560–590 ms that way against 380–460 ms without the check.
      if ((c & 15) === 0 && !sameCandidate(buffer, start, end, candidates[c], literals)) throw BAIL;
      codeStart[g] = start;
      codeEnd[g] = end;
      if (!codes.add(g, hash, buffer, codeStart, codeEnd)) throw BAIL;
    }
    p += bytes.length;
  }
  return p;
}

function fastEncode(
  value: unknown,
  allocate: Allocate,
  runs?: readonly CandidateRuns[],
): { inputs: DrawInputs; encoded: EncodedInputs } {
  // §2 checks of everything but the candidates; any doubt → BAIL (the reference route names the problem).
  if (!isRecord(value) || ownKeyCount(value) !== INPUT_KEY_COUNT || value.spec !== SPEC_ID || !isRecord(value.task))
    throw BAIL;
  const root = value as unknown as DrawInputs;
  const strata = root.strata as unknown;
  if (!Array.isArray(strata) || !isSafeInt(root.packageSize, 1) || !isSafeInt(root.teamSize, 2)) throw BAIL;
  if (!isSafeInt(root.maxPackagesPerInspector, 1) || (root.clusterBy !== 'none' && root.clusterBy !== 'area'))
    throw BAIL;
  if (typeof root.avoidOwnOffice !== 'boolean' || typeof root.distinctOffices !== 'boolean') throw BAIL;
  if (!isStringArray(root.requiredTags) || !Array.isArray(root.inspectors) || !Array.isArray(root.conflicts))
    throw BAIL;
  const ids = new Set<string>();
  for (const inspector of root.inspectors as unknown[]) {
    if (!isRecord(inspector) || ownKeyCount(inspector) !== 3) throw BAIL;
    const { id, office, tags } = inspector;
    if (typeof id !== 'string' || id === '' || typeof office !== 'string' || !isStringArray(tags) || ids.has(id))
      throw BAIL;
    ids.add(id);
  }
  for (const pair of root.conflicts as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      throw BAIL;
  }

  // Head: the members before "strata", in canonical order, by hand (only shapes checked just above).
  const head = new CanonicalWriter(4096 + root.inspectors.length * 64 + root.conflicts.length * 48);
  head.raw(`{"avoidOwnOffice":${root.avoidOwnOffice},"clusterBy":`);
  head.string(root.clusterBy);
  head.raw(',"conflicts":');
  head.value(root.conflicts);
  head.raw(`,"distinctOffices":${root.distinctOffices},"inspectors":[`);
  root.inspectors.forEach((inspector, i) => {
    head.raw(i === 0 ? '{"id":' : ',{"id":');
    head.string(inspector.id);
    head.raw(',"office":');
    head.string(inspector.office);
    head.raw(',"tags":');
    head.value(inspector.tags);
    head.byte(0x7d);
  });
  head.raw(
    `],"maxPackagesPerInspector":${root.maxPackagesPerInspector},"packageSize":${root.packageSize},"requiredTags":`,
  );
  head.value(root.requiredTags);
  head.raw(`,"spec":"${SPEC_ID}","strata":[`);

  // The strata: validation, C() and code positions in one loop.
  let total = 0;
  const stratumStart: number[] = [0];
  for (const stratum of strata as unknown[]) {
    if (!isRecord(stratum) || !Array.isArray(stratum.candidates)) throw BAIL;
    total += stratum.candidates.length;
    stratumStart.push(total);
  }
  const codeStart = new Int32Array(allocate(4 * Math.max(1, total)));
  const codeEnd = new Int32Array(allocate(4 * Math.max(1, total)));
  const codes = new CodeSet(total);
  // Room for the typical row, measured on a sample (the buffer grows, rarely, when the guess was short); given runs,
  // exactly their bytes and the commas between them.
  let room: number;
  if (runs) {
    room = 0;
    for (let s = 0; s < strata.length; s++) {
      let count = 0;
      for (const run of runs) {
        if (run.bytes.length !== strata.length) throw BAIL;
        room += run.bytes[s].length + 1;
        count += run.codeStart[s].length;
      }
      if (count !== ((strata[s] as Record<string, unknown>).candidates as unknown[]).length) throw BAIL;
    }
  } else {
    room = Math.ceil(
      averageRowBytes((strata as Record<string, unknown>[]).map((stratum) => stratum.candidates as Candidate[])) *
        total *
        1.1,
    );
  }
  let buffer = new Uint8Array(allocate(4096 + room));
  let p = 0;
  let g = 0;
  /** Makes room for `more` bytes at p (a larger buffer, the bytes so far copied over). */
  const reserve = (more: number) => {
    if (p + more <= buffer.length) return;
    const grown = new Uint8Array(allocate(Math.max(p + more, Math.ceil(buffer.length * 1.5))));
    grown.set(buffer.subarray(0, p));
    buffer = grown;
  };
  for (let s = 0; s < strata.length; s++) {
    const stratum = strata[s] as Record<string, unknown>;
    const candidates = stratum.candidates as Candidate[];
    const { name, quota, ratioBp } = stratum;
    const keyCount = ownKeyCount(stratum);
    if (typeof name !== 'string' || !isSafeInt(quota, 0) || quota > candidates.length) throw BAIL;
    if (ratioBp === undefined ? keyCount !== 3 || 'ratioBp' in stratum : keyCount !== 4 || !isSafeInt(ratioBp, 0))
      throw BAIL;
    if (ratioBp !== undefined && quota !== quotaFromRatio(candidates.length, ratioBp as number)) throw BAIL;
    reserve(16);
    if (s > 0) buffer[p++] = 0x2c;
    p = putAscii(buffer, p, '{"candidates":[');
    if (runs) {
      reserve(runBytes(runs, s));
      p = copyRuns(buffer, p, runs, s, candidates, g, codeStart, codeEnd, codes);
    } else {
      const body = writeCandidates(buffer, p, candidates, g, codeStart, codeEnd, codes, allocate);
      buffer = body.buffer;
      p = body.p;
    }
    g += candidates.length;
    reserve(64 + 3 * name.length);
    p = putAscii(buffer, p, '],"name":');
    p = putString(buffer, p, name);
    p = putAscii(buffer, p, `,"quota":${quota}`);
    if (ratioBp !== undefined) p = putAscii(buffer, p, `,"ratioBp":${ratioBp}`);
    buffer[p++] = 0x7d;
  }

  const tail = new CanonicalWriter(256);
  tail.raw('],"task":');
  tail.value(root.task);
  tail.raw(`,"teamSize":${root.teamSize}}`);
  return {
    inputs: root,
    encoded: {
      parts: [head.bytes(), buffer.subarray(0, p), tail.bytes()],
      codeBytes: buffer,
      codeStart,
      codeEnd,
      stratumStart,
    },
  };
}

/** The reference route: the exact errors of parseDrawInputs / canonicalInputsBytes, or the bytes the slow way. */
function referenceEncode(value: unknown, allocate: Allocate): { inputs: DrawInputs; encoded: EncodedInputs } {
  const inputs = parseDrawInputs(value);
  const bytes = canonicalInputsBytes(inputs);
  const stratumStart = [0];
  for (const stratum of inputs.strata)
    stratumStart.push(stratumStart[stratumStart.length - 1] + stratum.candidates.length);
  const total = stratumStart[stratumStart.length - 1];
  const encodedCodes = inputs.strata.flatMap((stratum) =>
    stratum.candidates.map((candidate) => encodeUtf8(candidate.code)),
  );
  const codeBytes = new Uint8Array(
    allocate(
      Math.max(
        1,
        encodedCodes.reduce((sum, code) => sum + code.length, 0),
      ),
    ),
  );
  const codeStart = new Int32Array(allocate(4 * Math.max(1, total)));
  const codeEnd = new Int32Array(allocate(4 * Math.max(1, total)));
  let p = 0;
  encodedCodes.forEach((code, g) => {
    codeStart[g] = p;
    codeBytes.set(code, p);
    p += code.length;
    codeEnd[g] = p;
  });
  return { inputs, encoded: { parts: [bytes], codeBytes, codeStart, codeEnd, stratumStart } };
}

/**
 * Validates the inputs and encodes them (see the top of this file). Throws what parseDrawInputs throws.
 * `runs`: the candidates already written — encodeCandidateRuns of each stratum's list, cut into consecutive runs — to be
 * copied rather than written again (their writer validated them). They must be of exactly these candidates, in order;
 * a stratum whose runs hold another number of candidates, or a code that repeats, sends it all the reference way.
 */
export function encodeDrawInputs(
  value: unknown,
  allocate: Allocate = plainAllocate,
  runs?: readonly CandidateRuns[],
): { inputs: DrawInputs; encoded: EncodedInputs } {
  try {
    return fastEncode(value, allocate, runs);
  } catch {
    // BAIL, or anything the fast writers refused (a float in task, a lone surrogate): the reference route decides.
  }
  return referenceEncode(value, allocate);
}

/** C(inputs) as one array (concatenating the parts), for callers that want the bytes themselves. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
