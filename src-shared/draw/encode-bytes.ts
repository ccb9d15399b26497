/**
 * The fast writer of C(inputs) (encode.ts): its building blocks — JSON string literals, the set of codes written, the
 * shape checks — and the hot loop that writes a stratum's candidates.
 */
import { putNonAscii } from './utf8';
import type { Candidate } from './types';

/** Where memory comes from: a SharedArrayBuffer lets worker threads read the codes without copying. */
export type Allocate = (byteLength: number) => ArrayBufferLike;
export const plainAllocate: Allocate = (byteLength) => new ArrayBuffer(byteLength);

export const BAIL = new Error('fast path not applicable');

export const INPUT_KEY_COUNT = 12;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;

/**
 * Writes `text` as a JSON string literal at `p` (the caller reserved 3 bytes per unit + 2); returns the position
 * after it. Anything that needs an escape or is not well-formed UTF-16 bails (the reference writer handles it).
 */
export function putString(buffer: Uint8Array, p: number, text: string): number {
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
export const AREA_KEY_TEXT = '{"area":';
export const CODE_KEY_TEXT = ',"code":"';
export const OFFICE_KEY_TEXT = '","office":';

export function putAscii(buffer: Uint8Array, p: number, ascii: string): number {
  for (let i = 0; i < ascii.length; i++) buffer[p++] = ascii.charCodeAt(i);
  return p;
}

/**
 * Insert-only set of the codes already written, by position: slot pairs [candidate number, FNV-1a of the code] in
 * one Int32Array (one cache line per probe), bytes compared only when the hashes agree. No string is kept.
 */
export class CodeSet {
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

export function sameBytes(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (bytes[aStart + i] !== bytes[bStart + i]) return false;
  return true;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function ownKeyCount(record: object): number {
  let count = 0;
  for (const name in record) if (Object.prototype.hasOwnProperty.call(record, name)) count++;
  return count;
}

export function isSafeInt(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

export function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

/**
 * The hot loop (a million rows), in a function of its own so V8 optimises it once instead of deoptimising the
 * whole encoder whenever code after the loop runs for the first time.
 */
export function writeCandidates(
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

/** Bytes of a typical candidate (at most 40 + 3 per UTF-16 unit), from the first 64 of each list; the room to reserve. */
export function averageRowBytes(lists: readonly (readonly Candidate[])[]): number {
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
