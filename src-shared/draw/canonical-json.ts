/**
 * C(value) of DRAW-SPEC §1: RFC 8785 (JCS) over strings, integers, booleans, null, arrays and objects. Floats are
 * refused: the protocol has none (ratios are basis points), so one is an upstream mistake. Written straight into UTF-8
 * bytes, since a JS string first costs several times more at city scale (docs/performance.md).
 */
import { putNonAscii } from './utf8';

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'float' | 'unsafe-integer' | 'lone-surrogate' | 'unsupported-type',
  ) {
    super(`cannot canonicalise ${path}: ${reason}`);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };
const HEX = '0123456789abcdef';

/** A growable byte buffer with JCS writers. */
export class CanonicalWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
  }

  get size(): number {
    return this.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** Writes ASCII punctuation or digits that never need escaping (`{"code":`, `,`, `123`). */
  raw(ascii: string): void {
    this.reserve(ascii.length);
    const buffer = this.buffer;
    let p = this.length;
    for (let i = 0; i < ascii.length; i++) buffer[p++] = ascii.charCodeAt(i);
    this.length = p;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** A JSON string literal, escaped as RFC 8785 §3.2.2.2 says (only `"`, `\` and control characters). */
  string(text: string, path = '$'): void {
    // Worst case per UTF-16 unit: a control character escaped as \u00XX (6 bytes); 3 bytes for the rest.
    this.reserve(text.length * 6 + 2);
    const buffer = this.buffer;
    let p = this.length;
    buffer[p++] = QUOTE;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0x20 && unit < 0x80 && unit !== QUOTE && unit !== BACKSLASH) {
        buffer[p++] = unit;
      } else if (unit < 0x80) {
        buffer[p++] = BACKSLASH;
        const short = unit === QUOTE || unit === BACKSLASH ? unit : SHORT_ESCAPES[unit];
        if (short !== undefined) buffer[p++] = short;
        else {
          buffer[p++] = 0x75; // u
          buffer[p++] = 0x30;
          buffer[p++] = 0x30;
          buffer[p++] = HEX.charCodeAt(unit >> 4);
          buffer[p++] = HEX.charCodeAt(unit & 15);
        }
      } else {
        // A surrogate pair is one code point above U+FFFF (4 bytes); a lone surrogate has no UTF-8 form.
        const next = putNonAscii(text, i, buffer, p);
        if (next < 0) throw new CanonicalJsonError(path, 'lone-surrogate');
        if (next - p === 4) i++;
        p = next;
      }
    }
    buffer[p++] = QUOTE;
    this.length = p;
  }

  integer(value: number, path = '$'): void {
    if (!Number.isInteger(value)) throw new CanonicalJsonError(path, 'float');
    if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(path, 'unsafe-integer');
    this.raw(String(value));
  }

  /** Any JSON value of the supported kinds, objects with keys sorted as RFC 8785 §3.2.3 requires. */
  value(value: unknown, path = '$'): void {
    if (typeof value === 'string') this.string(value, path);
    else if (typeof value === 'number') this.integer(value, path);
    else if (typeof value === 'boolean') this.raw(value ? 'true' : 'false');
    else if (value === null) this.raw('null');
    else if (Array.isArray(value)) {
      this.byte(0x5b);
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.byte(0x2c);
        this.value(value[i], `${path}[${i}]`);
      }
      this.byte(0x5d);
    } else if (typeof value === 'object' && isPlainObject(value)) {
      // RFC 8785 sorts member names by their UTF-16 code units, which is exactly what the default
      // Array.prototype.sort does — on purpose here, unlike everywhere else in the protocol.
      const names = Object.keys(value).sort();
      this.byte(0x7b);
      for (let i = 0; i < names.length; i++) {
        if (i > 0) this.byte(0x2c);
        this.string(names[i], path);
        this.byte(0x3a);
        this.value((value as Record<string, unknown>)[names[i]], `${path}.${names[i]}`);
      }
      this.byte(0x7d);
    } else {
      throw new CanonicalJsonError(path, 'unsupported-type');
    }
  }
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  const writer = new CanonicalWriter();
  writer.value(value);
  return writer.bytes();
}

/** The canonical form as text, for tests and for showing to people. */
export function canonicalJsonText(value: unknown): string {
  return new TextDecoder().decode(canonicalJsonBytes(value));
}
