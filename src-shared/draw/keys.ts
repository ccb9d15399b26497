/** key(seed, label, id) = H(seed ‖ UTF8(label) ‖ 0x00 ‖ UTF8(id)) — DRAW-SPEC §1. */
import { compareUtf8, encodeUtf8, utf8Length, writeUtf8 } from './utf8';
import type { Sha256 } from './hash';

/**
 * Hashes many ids under one label. The message prefix (seed ‖ label ‖ 0x00) is written once into a buffer per id
 * length and only the id bytes are rewritten per call, so a million keys allocate nothing but the hex results.
 */
export class KeyHasher {
  private readonly prefix: Uint8Array;
  private readonly buffersByIdLength = new Map<number, Uint8Array>();
  // Nearly every id has the same length (18 for a USCC): remember the last buffer to skip the map lookup.
  private lastBuffer: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly sha256: Sha256,
    seed: Uint8Array,
    label: string,
  ) {
    const labelBytes = encodeUtf8(label);
    this.prefix = this.allocate(seed.length + labelBytes.length + 1);
    this.prefix.set(seed, 0);
    this.prefix.set(labelBytes, seed.length);
    this.prefix[this.prefix.length - 1] = 0;
  }

  private allocate(byteLength: number): Uint8Array {
    return this.sha256.messageBuffer ? this.sha256.messageBuffer(byteLength) : new Uint8Array(byteLength);
  }

  private messageBuffer(idByteLength: number): Uint8Array {
    if (this.lastBuffer.length === this.prefix.length + idByteLength) return this.lastBuffer;
    let buffer = this.buffersByIdLength.get(idByteLength);
    if (buffer === undefined) {
      buffer = this.allocate(this.prefix.length + idByteLength);
      buffer.set(this.prefix, 0);
      this.buffersByIdLength.set(idByteLength, buffer);
    }
    this.lastBuffer = buffer;
    return buffer;
  }

  /** The draw number of the id whose UTF-8 bytes are bytes[start, end), lower-case hex. */
  keyOfBytes(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    const buffer =
      this.lastBuffer.length === this.prefix.length + length ? this.lastBuffer : this.messageBuffer(length);
    const offset = this.prefix.length - start;
    for (let i = start; i < end; i++) buffer[offset + i] = bytes[i];
    return this.sha256.hex(buffer);
  }

  /** The draw number of `id`, lower-case hex. */
  keyOf(id: string): string {
    const start = this.prefix.length;
    let buffer = this.messageBuffer(id.length);
    // ASCII ids (every valid USCC and 执法证号) are copied unit by unit; anything else goes through the UTF-8 writer.
    let i = 0;
    for (; i < id.length; i++) {
      const unit = id.charCodeAt(i);
      if (unit >= 0x80) break;
      buffer[start + i] = unit;
    }
    if (i < id.length) {
      buffer = this.messageBuffer(utf8Length(id));
      writeUtf8(id, buffer, start);
    }
    return this.sha256.hex(buffer);
  }
}

/**
 * Keys are equal-length lower-case hex, i.e. ASCII, where string order is byte order: comparing the hex text is
 * exactly comparing the key bytes (DRAW-SPEC §1) — no numbers involved. Ties (never expected) break on id bytes.
 */
export function compareKeyThenId(keyA: string, idA: string, keyB: string, idB: string): number {
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return compareUtf8(idA, idB);
}

export function entityLabel(stratumName: string): string {
  return `entity:${stratumName}`;
}

export const INSPECTOR_LABEL = 'inspector';
