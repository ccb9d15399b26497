/** DRAW-SPEC §2–3: the input digest, the nonce commitment and the seed. */
import { CanonicalJsonError, CanonicalWriter, canonicalJsonBytes } from './canonical-json';
import { invalidInputs } from './errors';
import { hexToBytes, type Sha256 } from './hash';
import { SPEC_ID, type Candidate, type DrawInputs, type Entropy, type Witness } from './types';

/** The members of the inputs before and after `strata`, in canonical (code point) order. */
const HEAD_MEMBERS = [
  'avoidOwnOffice',
  'clusterBy',
  'conflicts',
  'distinctOffices',
  'inspectors',
  'maxPackagesPerInspector',
  'packageSize',
  'requiredTags',
  'spec',
] as const satisfies readonly (keyof DrawInputs)[];
const TAIL_MEMBERS = ['task', 'teamSize'] as const satisfies readonly (keyof DrawInputs)[];

/**
 * C(inputs) for inputs already checked by parseDrawInputs (so every key is known and no other key exists).
 * It writes the members in their canonical order by hand instead of sorting the names of a million candidate
 * objects; tests compare it byte for byte with the generic canonicaliser.
 */
export function canonicalInputsBytes(inputs: DrawInputs): Uint8Array {
  const writer = new CanonicalWriter(estimateCanonicalSize(inputs));
  try {
    HEAD_MEMBERS.forEach((name, i) => {
      writer.raw(`${i === 0 ? '{' : ','}"${name}":`);
      writer.value(inputs[name], `inputs.${name}`);
    });
    writer.raw(',"strata":[');
    inputs.strata.forEach((stratum, s) => {
      const path = `inputs.strata[${s}]`;
      if (s > 0) writer.byte(0x2c);
      writer.raw('{"candidates":[');
      writeCandidates(writer, stratum.candidates, path);
      writer.raw('],"name":');
      writer.string(stratum.name, `${path}.name`);
      writer.raw(',"quota":');
      writer.integer(stratum.quota);
      if (stratum.ratioBp !== undefined) {
        writer.raw(',"ratioBp":');
        writer.integer(stratum.ratioBp);
      }
      writer.byte(0x7d);
    });
    writer.raw(']');
    for (const name of TAIL_MEMBERS) {
      writer.raw(`,"${name}":`);
      writer.value(inputs[name], `inputs.${name}`);
    }
    writer.byte(0x7d);
  } catch (error) {
    if (error instanceof CanonicalJsonError) {
      throw invalidInputs(
        error.path,
        error.reason === 'lone-surrogate' ? '含有残缺的 Unicode 字符' : '含有小数或超出范围的整数',
      );
    }
    throw error;
  }
  return writer.bytes();
}

function writeCandidates(writer: CanonicalWriter, candidates: Candidate[], stratumPath: string): void {
  let c = 0;
  try {
    for (; c < candidates.length; c++) {
      const candidate = candidates[c];
      if (c > 0) writer.byte(0x2c);
      writer.raw('{"area":');
      writer.string(candidate.area);
      writer.raw(',"code":');
      writer.string(candidate.code);
      writer.raw(',"office":');
      writer.string(candidate.office);
      writer.byte(0x7d);
    }
  } catch (error) {
    // Paths are built only on failure: a million template strings would cost more than the writing itself.
    if (error instanceof CanonicalJsonError)
      throw new CanonicalJsonError(`${stratumPath}.candidates[${c}]`, error.reason);
    throw error;
  }
}

/** Room for the whole document up front (Chinese text is 3 bytes a character), so the buffer rarely regrows. */
function estimateCanonicalSize(inputs: DrawInputs): number {
  let size = 4096 + inputs.inspectors.length * 64 + inputs.conflicts.length * 48;
  for (const stratum of inputs.strata) {
    for (const candidate of stratum.candidates) {
      size += 36 + candidate.code.length + 3 * (candidate.office.length + candidate.area.length);
    }
  }
  return size;
}

export function computeInputDigest(inputs: DrawInputs, sha256: Sha256): string {
  return sha256.hex(canonicalInputsBytes(inputs));
}

export function computeNonceCommit(nonceHex: string, sha256: Sha256): string {
  return sha256.hex(hexToBytes(nonceHex));
}

/** norm(s) of DRAW-SPEC §1: NFC, then Unicode white space (the White_Space property) trimmed at both ends. */
export function normalizeEntropyText(text: string): string {
  return text.normalize('NFC').replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
}

export function witnessValue(witness: Witness): string {
  return typeof witness === 'string' ? witness : witness.value;
}

/** seed = H(C({spec, inputDigest, nonce, witnesses: [norm(v)…], public: norm(p) | null})), as hex. */
export function deriveSeed(inputDigest: string, nonceHex: string, entropy: Entropy, sha256: Sha256): string {
  return sha256.hex(
    canonicalJsonBytes({
      spec: SPEC_ID,
      inputDigest,
      nonce: nonceHex,
      witnesses: entropy.witnesses.map((witness) => normalizeEntropyText(witnessValue(witness))),
      public: entropy.public === null ? null : normalizeEntropyText(entropy.public),
    }),
  );
}
