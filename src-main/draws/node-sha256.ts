/**
 * SHA-256 for the engine on Node. `crypto.hash` with its default hex output is the fastest call here (0.45 µs per
 * short message vs 1.5 µs when asking for a Buffer and 2.3 µs for createHash — measured on this machine, Node 20).
 * A message in several parts (C(inputs) as written by encodeDrawInputs) is streamed through one createHash.
 */
import { createHash, hash } from 'node:crypto';
import type { Sha256 } from '@shared/draw/hash';

export const nodeSha256: Sha256 = {
  hex: (data: Uint8Array) => hash('sha256', data),
  hexOfParts: (parts: readonly Uint8Array[]) => {
    const digest = createHash('sha256');
    for (const part of parts) digest.update(part);
    return digest.digest('hex');
  },
  messageBuffer: (byteLength: number) => Buffer.alloc(byteLength),
};
