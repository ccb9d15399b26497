/**
 * DRAW-SPEC §9: re-derive a proof from its own inputs, nonce and entropy, and name the first thing that differs.
 * The verifier trusts nothing in the proof but what the protocol makes it commit to.
 */
import { isAppError } from '../errors';
import { canonicalJsonBytes } from './canonical-json';
import { DrawErrorCode } from './errors';
import { completeDraw, prepareDraw, rankStratum, type PreparedDraw } from './draw';
import type { Allocate } from './encode-bytes';
import type { Sha256 } from './hash';
import type { RankedCandidate } from './select';
import { compareSeed, compareWithRederived, differ, isRecord, show } from './verify-compare';
import { SPEC_ID, type DrawProof, type JsonValue } from './types';

export interface ProofDifference {
  /** Stable machine-readable kind, e.g. `proof.seed`, `proof.package.team`. */
  code: string;
  /** Where in the proof, as a JSON path: `result.packages[3].team`. */
  path: string;
  /** The sentence shown to people, in Chinese. */
  message: string;
  recorded?: JsonValue;
  rederived?: JsonValue;
}

export interface StratumSummary {
  name: string;
  candidates: number;
  quota: number;
  /** Key of the last selected entity: the bar every selected key is at or under. Null when nothing is drawn. */
  cutoffKey: string | null;
}

export type VerifyReport =
  | {
      valid: true;
      seed: string;
      inputDigest: string;
      strata: StratumSummary[];
      packages: number;
      amendments: number;
    }
  | { valid: false; difference: ProofDifference; seed?: string };

const PROOF_KEYS = ['spec', 'inputs', 'commitment', 'entropy', 'nonce', 'seed', 'result', 'amendments', 'info'];

export type ProofPreflight =
  { ok: false; difference: ProofDifference } | { ok: true; proof: Record<string, unknown>; prepared: PreparedDraw };

export function preflightProof(raw: unknown, sha256: Sha256, allocate?: Allocate): ProofPreflight {
  const fail = (difference: ProofDifference): ProofPreflight => ({ ok: false, difference });
  if (!isRecord(raw)) return fail(differ('proof.malformed', '$', '这不是一份抽取记录（应为 JSON 对象）'));
  for (const name of Object.keys(raw)) {
    if (!PROOF_KEYS.includes(name)) {
      return fail(
        differ('proof.unknown_field', name, `记录中有协议未定义的字段「${name}」（说明性内容应放在 info 中）`),
      );
    }
  }
  if (raw.spec !== SPEC_ID) {
    return fail(
      differ('proof.spec', 'spec', `协议版本不符：记录为 ${show(raw.spec)}，本程序验证 ${SPEC_ID}`, raw.spec, SPEC_ID),
    );
  }
  const commitment = raw.commitment;
  if (
    !isRecord(commitment) ||
    typeof commitment.inputDigest !== 'string' ||
    typeof commitment.nonceCommit !== 'string'
  ) {
    return fail(differ('proof.malformed', 'commitment', '记录缺少承诺值（commitment.inputDigest / nonceCommit）'));
  }

  // One pass validates the inputs, hashes them (the costly part at city scale) and derives the seed.
  let prepared: PreparedDraw;
  try {
    prepared = prepareDraw(
      { inputs: raw.inputs, nonce: raw.nonce, entropy: raw.entropy, amendments: raw.amendments },
      sha256,
      undefined,
      allocate,
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === DrawErrorCode.invalidInputs)
      return fail(invalidInputsDifference(raw.inputs, commitment.inputDigest, error.message, sha256));
    const path = (error.details as { path?: string } | undefined)?.path ?? '';
    if (path.startsWith('nonce'))
      return fail(differ('proof.nonce', 'nonce', '随机数 nonce 应为 64 位小写十六进制', raw.nonce));
    return fail(differ('proof.malformed', path || 'entropy/amendments', error.message));
  }
  if (prepared.inputDigest !== commitment.inputDigest) {
    return fail(
      differ(
        'proof.inputDigest',
        'commitment.inputDigest',
        `抽取输入与承诺不符：记录的输入摘要为 ${commitment.inputDigest}，按记录中的输入重新计算为 ${prepared.inputDigest}`,
        commitment.inputDigest,
        prepared.inputDigest,
      ),
    );
  }
  if (prepared.nonceCommit !== commitment.nonceCommit) {
    return fail(
      differ(
        'proof.nonceCommit',
        'commitment.nonceCommit',
        `随机数与抽取前公布的承诺不符：记录的承诺为 ${commitment.nonceCommit}，按记录中的随机数计算为 ${prepared.nonceCommit}`,
        commitment.nonceCommit,
        prepared.nonceCommit,
      ),
    );
  }
  return { ok: true, proof: raw, prepared };
}

/** Invalid inputs: say first whether they are the committed ones at all, which is what tampering looks like. */
function invalidInputsDifference(
  inputs: unknown,
  committedDigest: string,
  reason: string,
  sha256: Sha256,
): ProofDifference {
  let digestOfWhatIsThere: string | null;
  try {
    digestOfWhatIsThere = sha256.hex(canonicalJsonBytes(inputs));
  } catch {
    digestOfWhatIsThere = null;
  }
  if (digestOfWhatIsThere !== committedDigest) {
    return differ('proof.inputDigest', 'inputs', `抽取输入与承诺不符（输入摘要不一致），且输入本身不合规：${reason}`);
  }
  return differ('proof.inputs', 'inputs', reason);
}

export function summarizeStrata(proof: DrawProof): StratumSummary[] {
  return proof.inputs.strata.map((stratum) => {
    const selected = proof.result.selected.filter((entity) => entity.stratum === stratum.name);
    return {
      name: stratum.name,
      candidates: stratum.candidates.length,
      quota: stratum.quota,
      cutoffKey: selected.length > 0 ? selected[selected.length - 1].key : null,
    };
  });
}

/** Turns the outcome of re-deriving into the report (shared by the single-thread and the parallel verifier). */
export function reportFor(preflight: ProofPreflight & { ok: true }, rederive: () => DrawProof): VerifyReport {
  // The seed is known before anything is drawn: a wrong one is the first difference even if drawing would fail.
  const seedDifference = compareSeed(preflight.proof, preflight.prepared.seed);
  if (seedDifference) return { valid: false, seed: preflight.prepared.seed, difference: seedDifference };
  let rederived: DrawProof;
  try {
    rederived = rederive();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      valid: false,
      seed: preflight.prepared.seed,
      difference: differ(
        'proof.rederive_failed',
        'result',
        `按记录中的输入无法完成抽取，而记录中却有结果：${error.message}`,
      ),
    };
  }
  return finishReport(preflight.proof, rederived);
}

export function finishReport(recorded: Record<string, unknown>, rederived: DrawProof): VerifyReport {
  const difference = compareWithRederived(recorded, rederived);
  if (difference) return { valid: false, seed: rederived.seed, difference };
  return {
    valid: true,
    seed: rederived.seed,
    inputDigest: rederived.commitment.inputDigest,
    strata: summarizeStrata(rederived),
    packages: rederived.result.packages.length,
    amendments: rederived.amendments.length,
  };
}

/** Verifies a proof record in this thread. Never throws for a bad proof: the report says what is wrong. */
export function verifyProof(raw: unknown, sha256: Sha256): VerifyReport {
  const preflight = preflightProof(raw, sha256);
  if (!preflight.ok) return { valid: false, difference: preflight.difference };
  return reportFor(preflight, () => {
    const rankings: RankedCandidate[][] = preflight.prepared.drawCase.inputs.strata.map((_, s) =>
      rankStratum(preflight.prepared, s, sha256),
    );
    return completeDraw(preflight.prepared, rankings, sha256);
  });
}
