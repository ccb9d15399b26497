/**
 * UTF-8 helpers written out by hand so the engine has no platform dependency (no TextEncoder, no Buffer) and so
 * ill-formed strings (lone surrogates) are refused instead of silently becoming U+FFFD — a replaced character
 * would make two different inputs hash alike.
 */

export class IllFormedStringError extends Error {
  constructor(readonly text: string) {
    super('string contains a lone surrogate');
  }
}

/** Number of UTF-8 bytes `text` encodes to; throws on a lone surrogate. */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) throw new IllFormedStringError(text);
      length += 4;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) throw new IllFormedStringError(text);
    else length += 3;
  }
  return length;
}

/**
 * Writes the UTF-8 of the code point at text[i] (a unit ≥ 0x80) at target[p]; returns the position after, or -1 for a
 * lone surrogate (each caller raises its own error). Four bytes means a surrogate pair: the caller skips text[i + 1].
 * The engine's one UTF-8 writer.
 */
export function putNonAscii(text: string, i: number, target: Uint8Array, p: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x800) {
    target[p++] = 0xc0 | (unit >> 6);
    target[p++] = 0x80 | (unit & 63);
  } else if (unit < 0xd800 || unit > 0xdfff) {
    target[p++] = 0xe0 | (unit >> 12);
    target[p++] = 0x80 | ((unit >> 6) & 63);
    target[p++] = 0x80 | (unit & 63);
  } else {
    const low = text.charCodeAt(i + 1);
    if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return -1;
    const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    target[p++] = 0xf0 | (codePoint >> 18);
    target[p++] = 0x80 | ((codePoint >> 12) & 63);
    target[p++] = 0x80 | ((codePoint >> 6) & 63);
    target[p++] = 0x80 | (codePoint & 63);
  }
  return p;
}

/** Writes the UTF-8 bytes of `text` at `offset` (the caller sized `target`); returns the offset after them. */
export function writeUtf8(text: string, target: Uint8Array, offset: number): number {
  let p = offset;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      target[p++] = unit;
      continue;
    }
    const next = putNonAscii(text, i, target, p);
    if (next < 0) throw new IllFormedStringError(text);
    if (next - p === 4) i++;
    p = next;
  }
  return p;
}

export function encodeUtf8(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(text));
  writeUtf8(text, bytes, 0);
  return bytes;
}

/**
 * Orders strings by their UTF-8 bytes (DRAW-SPEC §1, §10). Equivalent to comparing code points, which is what we
 * do: UTF-16 `<` gets it wrong once a surrogate pair (U+10000+) meets a character in U+E000–U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800–0xDFFF) stands for a code point above 0xFFFF, so it outranks U+E000–U+FFFF.
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
