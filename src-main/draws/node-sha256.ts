/**
 * SHA-256 for the engine on Node. `crypto.hash` with its default hex output is the fastest call here (figures in
 * docs/performance.md); a message in several parts (C(inputs) from encodeDrawInputs) streams through one createHash.
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
