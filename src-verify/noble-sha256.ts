/** SHA-256 for the engine where Node is absent (the offline verify page): @noble/hashes, audited pure JS. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, type Sha256 } from '@shared/draw/hash';

export const nobleSha256: Sha256 = {
  hex: (data: Uint8Array) => bytesToHex(sha256(data)),
};
