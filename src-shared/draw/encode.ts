/**
 * One pass that validates the inputs (§2), writes C(inputs) (§1) and records where each code sits, so §4's key messages
 * come from bytes already written and worker threads get the codes without a copy. At anything unexpected it gives up
 * for the reference route (parseDrawInputs, canonicalInputsBytes): same errors, byte-identical output (tests compare).
 */
import { canonicalInputsBytes } from './commitment';
import { CanonicalWriter } from './canonical-json';
import {
  averageRowBytes,
  BAIL,
  CodeSet,
  INPUT_KEY_COUNT,
  isRecord,
  isSafeInt,
  isStringArray,
  ownKeyCount,
  plainAllocate,
  putAscii,
  putString,
  writeCandidates,
  type Allocate,
} from './encode-bytes';
import { copyRuns, runBytes, type CandidateRuns } from './encode-runs';
import { encodeUtf8 } from './utf8';
import { parseDrawInputs, quotaFromRatio } from './validate';
import { SPEC_ID, type Candidate, type DrawInputs } from './types';

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

function fastEncode(
  value: unknown,
  allocate: Allocate,
  runs?: readonly CandidateRuns[],
): { inputs: DrawInputs; encoded: EncodedInputs } {
  const root = checkedHead(value);
  const strata = root.strata as unknown[];
  let total = 0;
  const stratumStart: number[] = [0];
  for (const stratum of strata) {
    if (!isRecord(stratum) || !Array.isArray(stratum.candidates)) throw BAIL;
    total += stratum.candidates.length;
    stratumStart.push(total);
  }
  const head = headBytes(root);
  const body = writeStrata(strata as Record<string, unknown>[], total, allocate, runs);
  const tail = new CanonicalWriter(256);
  tail.raw('],"task":');
  tail.value(root.task);
  tail.raw(`,"teamSize":${root.teamSize}}`);
  return {
    inputs: root,
    encoded: {
      parts: [head, body.buffer.subarray(0, body.p), tail.bytes()],
      codeBytes: body.buffer,
      codeStart: body.codeStart,
      codeEnd: body.codeEnd,
      stratumStart,
    },
  };
}

/** §2 checks of everything but the candidates; any doubt → BAIL (the reference route names the problem). */
function checkedHead(value: unknown): DrawInputs {
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
  return root;
}

/** Head: the members before "strata", in canonical order, by hand (only shapes checkedHead checked). */
function headBytes(root: DrawInputs): Uint8Array {
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
  return head.bytes();
}

/**
 * Room for the strata: given runs, exactly their bytes and the commas between them; else the typical row, measured on
 * a sample (the buffer grows, rarely, when the guess was short).
 */
function strataRoom(
  strata: readonly Record<string, unknown>[],
  total: number,
  runs?: readonly CandidateRuns[],
): number {
  if (!runs)
    return Math.ceil(averageRowBytes(strata.map((stratum) => stratum.candidates as Candidate[])) * total * 1.1);
  let room = 0;
  for (let s = 0; s < strata.length; s++) {
    let count = 0;
    for (const run of runs) {
      if (run.bytes.length !== strata.length) throw BAIL;
      room += run.bytes[s].length + 1;
      count += run.codeStart[s].length;
    }
    if (count !== (strata[s].candidates as unknown[]).length) throw BAIL;
  }
  return room;
}

/** The strata: validation, C() and code positions in one loop. */
function writeStrata(
  strata: readonly Record<string, unknown>[],
  total: number,
  allocate: Allocate,
  runs?: readonly CandidateRuns[],
): { buffer: Uint8Array; p: number; codeStart: Int32Array; codeEnd: Int32Array } {
  const codeStart = new Int32Array(allocate(4 * Math.max(1, total)));
  const codeEnd = new Int32Array(allocate(4 * Math.max(1, total)));
  const codes = new CodeSet(total);
  let buffer = new Uint8Array(allocate(4096 + strataRoom(strata, total, runs)));
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
    const stratum = strata[s];
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
  return { buffer, p, codeStart, codeEnd };
}

/** The table of `codes`' UTF-8 bytes, code g at codeBytes[codeStart[g], codeEnd[g]) (never zero-length buffers). */
export function codeTableOf(
  codes: readonly string[],
  allocate: Allocate = plainAllocate,
): Pick<EncodedInputs, 'codeBytes' | 'codeStart' | 'codeEnd'> {
  const encoded = codes.map(encodeUtf8);
  const codeBytes = new Uint8Array(
    allocate(
      Math.max(
        1,
        encoded.reduce((sum, code) => sum + code.length, 0),
      ),
    ),
  );
  const codeStart = new Int32Array(allocate(4 * Math.max(1, codes.length)));
  const codeEnd = new Int32Array(allocate(4 * Math.max(1, codes.length)));
  let p = 0;
  encoded.forEach((code, g) => {
    codeStart[g] = p;
    codeBytes.set(code, p);
    p += code.length;
    codeEnd[g] = p;
  });
  return { codeBytes, codeStart, codeEnd };
}

/** The reference route: the exact errors of parseDrawInputs / canonicalInputsBytes, or the bytes the slow way. */
function referenceEncode(value: unknown, allocate: Allocate): { inputs: DrawInputs; encoded: EncodedInputs } {
  const inputs = parseDrawInputs(value);
  const bytes = canonicalInputsBytes(inputs);
  const stratumStart = [0];
  for (const stratum of inputs.strata)
    stratumStart.push(stratumStart[stratumStart.length - 1] + stratum.candidates.length);
  const codes = inputs.strata.flatMap((stratum) => stratum.candidates.map((candidate) => candidate.code));
  const { codeBytes, codeStart, codeEnd } = codeTableOf(codes, allocate);
  return { inputs, encoded: { parts: [bytes], codeBytes, codeStart, codeEnd, stratumStart } };
}

/**
 * Validates and encodes the inputs (see the top of this file); throws what parseDrawInputs throws. `runs` are the
 * candidates already written (encodeCandidateRuns, cut in order), copied rather than written again; runs of another
 * count of candidates, or a repeated code, send it all the reference way.
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
