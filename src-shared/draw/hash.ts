/**
 * The hashing the engine needs, injected so the engine stays pure: Node's crypto in main and CLI, @noble/hashes in the
 * verify page. Hex rather than bytes on purpose: draw numbers are published as hex, and Node's default hex output is
 * several times faster per call (docs/performance.md), which at a million keys is the whole budget.
 */
export interface Sha256 {
  /** Lower-case hex of SHA-256(data), 64 characters. */
  hex(data: Uint8Array): string;
  /** Optional: lower-case hex of SHA-256 over the concatenation of `parts`, without joining them first. */
  hexOfParts?(parts: readonly Uint8Array[]): string;
  /**
   * Optional: a zeroed buffer of `byteLength` bytes of the kind `hex` hashes fastest. KeyHasher rewrites and hashes
   * such buffers a million times; on Node a Buffer goes through crypto.hash ~20% faster than a plain Uint8Array.
   */
  messageBuffer?(byteLength: number): Uint8Array;
}

const HEX_DIGITS = '0123456789abcdef';

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_DIGITS[bytes[i] >> 4] + HEX_DIGITS[bytes[i] & 15];
  return out;
}

/** Strict: only even-length lower-case hex is accepted, because proofs are compared as text too. */
export function isLowerHex(text: string, byteLength?: number): boolean {
  if (byteLength !== undefined && text.length !== byteLength * 2) return false;
  return text.length % 2 === 0 && /^[0-9a-f]*$/.test(text);
}

export function hexToBytes(hex: string): Uint8Array {
  if (!isLowerHex(hex)) throw new RangeError(`not lower-case hex: ${hex.slice(0, 20)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}
