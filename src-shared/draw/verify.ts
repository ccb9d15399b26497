/**
 * DRAW-SPEC §9: re-derive a proof from its own inputs, nonce and entropy, and name the first thing that differs.
 * The verifier trusts nothing in the proof but what the protocol makes it commit to.
 */
import { isAppError } from '../errors';
import { canonicalJsonBytes } from './canonical-json';
import { DrawErrorCode } from './errors';
import { completeDraw, prepareDraw, rankStratum, type PreparedDraw } from './draw';
import type { Allocate } from './encode';
import type { Sha256 } from './hash';
import type { RankedCandidate } from './select';
import { SPEC_ID, type DrawPackage, type DrawProof, type JsonValue, type SelectedEntity } from './types';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(空)' : value.map(show).join('、');
  if (value === null) return 'null';
  if (value === undefined) return '(缺失)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function differ(code: string, path: string, message: string, recorded?: unknown, rederived?: unknown): ProofDifference {
  return {
    code,
    path,
    message,
    recorded: recorded === undefined ? undefined : (recorded as JsonValue),
    rederived: rederived === undefined ? undefined : (rederived as JsonValue),
  };
}

/**
 * Equal as JSON, checked field by field for the two shapes compared tens of thousands of times at city scale (a
 * selected entity, a package) instead of serializing both sides; anything else is left to sameJson.
 */
function sameSelected(theirs: Record<string, unknown>, mine: SelectedEntity): boolean {
  return (
    Object.keys(theirs).length === 3 &&
    theirs.stratum === mine.stratum &&
    theirs.code === mine.code &&
    theirs.key === mine.key
  );
}

function sameStrings(theirs: unknown, mine: readonly string[]): boolean {
  if (!Array.isArray(theirs) || theirs.length !== mine.length) return false;
  for (let i = 0; i < mine.length; i++) if (theirs[i] !== mine[i]) return false;
  return true;
}

function samePackage(theirs: Record<string, unknown>, mine: DrawPackage): boolean {
  return (
    Object.keys(theirs).length === 4 &&
    theirs.no === mine.no &&
    theirs.area === mine.area &&
    sameStrings(theirs.entities, mine.entities) &&
    sameStrings(theirs.team, mine.team)
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    const x = canonicalJsonBytes(a);
    const y = canonicalJsonBytes(b);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  } catch {
    return false;
  }
}

/** What a proof must hold before anything is re-derived: shape, the input digest and the nonce commitment. */
export type ProofPreflight =
  { ok: false; difference: ProofDifference } | { ok: true; proof: Record<string, unknown>; prepared: PreparedDraw };

export function preflightProof(raw: unknown, sha256: Sha256, allocate?: Allocate): ProofPreflight {
  const fail = (difference: ProofDifference): ProofPreflight => ({ ok: false, difference });
  if (!isRecord(raw)) return fail(differ('proof.malformed', '$', '这不是一份抽取记录(应为 JSON 对象)'));
  for (const name of Object.keys(raw)) {
    if (!PROOF_KEYS.includes(name)) {
      return fail(differ('proof.unknown_field', name, `记录中有协议未定义的字段「${name}」(说明性内容应放在 info 中)`));
    }
  }
  if (raw.spec !== SPEC_ID) {
    return fail(
      differ('proof.spec', 'spec', `协议版本不符:记录为 ${show(raw.spec)},本程序验证 ${SPEC_ID}`, raw.spec, SPEC_ID),
    );
  }
  const commitment = raw.commitment;
  if (
    !isRecord(commitment) ||
    typeof commitment.inputDigest !== 'string' ||
    typeof commitment.nonceCommit !== 'string'
  ) {
    return fail(differ('proof.malformed', 'commitment', '记录缺少承诺值(commitment.inputDigest / nonceCommit)'));
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
        `抽取输入与承诺不符:记录的输入摘要为 ${commitment.inputDigest},按记录中的输入重新计算为 ${prepared.inputDigest}`,
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
        `随机数与抽取前公布的承诺不符:记录的承诺为 ${commitment.nonceCommit},按记录中的随机数计算为 ${prepared.nonceCommit}`,
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
  let digestOfWhatIsThere: string | null = null;
  try {
    digestOfWhatIsThere = sha256.hex(canonicalJsonBytes(inputs));
  } catch {
    digestOfWhatIsThere = null;
  }
  if (digestOfWhatIsThere !== committedDigest) {
    return differ('proof.inputDigest', 'inputs', `抽取输入与承诺不符(输入摘要不一致),且输入本身不合规:${reason}`);
  }
  return differ('proof.inputs', 'inputs', reason);
}

/** Compares a recorded proof with the re-derived one; returns the first difference, or null. */
function compareSeed(recorded: Record<string, unknown>, seed: string): ProofDifference | null {
  if (recorded.seed === seed) return null;
  return differ(
    'proof.seed',
    'seed',
    `种子不一致:记录为 ${show(recorded.seed)},按输入摘要、随机数和见证值重新计算为 ${seed}`,
    recorded.seed,
    seed,
  );
}

export function compareWithRederived(recorded: Record<string, unknown>, rederived: DrawProof): ProofDifference | null {
  const seedDifference = compareSeed(recorded, rederived.seed);
  if (seedDifference) return seedDifference;
  const result = recorded.result;
  if (!isRecord(result)) return differ('proof.malformed', 'result', '记录缺少抽取结果 result');
  for (const name of Object.keys(result)) {
    if (name !== 'selected' && name !== 'packages') {
      return differ('proof.result.unknown_field', `result.${name}`, `抽取结果中有协议未定义的字段「${name}」`);
    }
  }
  const selectedDifference = compareSelected(result.selected, rederived.result.selected);
  if (selectedDifference) return selectedDifference;
  const packagesDifference = comparePackages(result.packages, rederived.result.packages);
  if (packagesDifference) return packagesDifference;
  return compareAmendments(recorded.amendments, rederived);
}

function compareSelected(recorded: unknown, rederived: SelectedEntity[]): ProofDifference | null {
  if (!Array.isArray(recorded))
    return differ('proof.malformed', 'result.selected', '记录缺少抽中对象名单 result.selected');
  const length = Math.max(recorded.length, rederived.length);
  for (let i = 0; i < length; i++) {
    const mine = rederived[i];
    const theirs = recorded[i] as Record<string, unknown> | undefined;
    const path = `result.selected[${i}]`;
    if (mine === undefined) {
      return differ(
        'proof.selected.extra',
        path,
        `记录多出抽中对象 ${show(theirs?.code)}:重新推导只抽中 ${rederived.length} 户`,
        theirs,
      );
    }
    if (!isRecord(theirs)) {
      return differ(
        'proof.selected.missing',
        path,
        `记录缺少抽中对象:重新推导第${i + 1}户应为 ${mine.code}(${mine.stratum}层)`,
        undefined,
        mine as unknown as JsonValue,
      );
    }
    if (sameSelected(theirs, mine) || sameJson(theirs, mine)) continue;
    const rank = rederived.slice(0, i + 1).filter((entity) => entity.stratum === mine.stratum).length;
    const where = `${mine.stratum}层第${rank}名`;
    if (theirs.stratum !== mine.stratum) {
      return differ(
        'proof.selected.stratum',
        `${path}.stratum`,
        `${where} ${mine.code} 的所属层不一致:记录为 ${show(theirs.stratum)},重新推导为 ${mine.stratum}`,
        theirs.stratum,
        mine.stratum,
      );
    }
    if (theirs.code !== mine.code) {
      return differ(
        'proof.selected.code',
        `${path}.code`,
        `${where}抽中对象不一致:记录为 ${show(theirs.code)},重新推导为 ${mine.code}`,
        theirs.code,
        mine.code,
      );
    }
    if (theirs.key !== mine.key) {
      return differ(
        'proof.selected.key',
        `${path}.key`,
        `${where} ${mine.code} 的抽取号不一致:记录为 ${show(theirs.key)},重新计算为 ${mine.key}`,
        theirs.key,
        mine.key,
      );
    }
    return differ(
      'proof.selected.shape',
      path,
      `${where} ${mine.code} 的记录含有多余或错误的字段`,
      theirs,
      mine as unknown as JsonValue,
    );
  }
  return null;
}

function comparePackages(recorded: unknown, rederived: DrawPackage[]): ProofDifference | null {
  if (!Array.isArray(recorded)) return differ('proof.malformed', 'result.packages', '记录缺少名单包 result.packages');
  const length = Math.max(recorded.length, rederived.length);
  for (let i = 0; i < length; i++) {
    const mine = rederived[i];
    const theirs = recorded[i] as Record<string, unknown> | undefined;
    const path = `result.packages[${i}]`;
    if (mine === undefined)
      return differ('proof.package.extra', path, `记录多出名单包:重新推导只有 ${rederived.length} 个名单包`, theirs);
    if (!isRecord(theirs))
      return differ(
        'proof.package.missing',
        path,
        `记录缺少第${mine.no}号名单包`,
        undefined,
        mine as unknown as JsonValue,
      );
    if (samePackage(theirs, mine) || sameJson(theirs, mine)) continue;
    const label = `第${mine.no}号名单包`;
    if (theirs.no !== mine.no)
      return differ(
        'proof.package.no',
        `${path}.no`,
        `${label}的编号不一致:记录为 ${show(theirs.no)}`,
        theirs.no,
        mine.no,
      );
    if (theirs.area !== mine.area) {
      return differ(
        'proof.package.area',
        `${path}.area`,
        `${label}的片区不一致:记录为 ${show(theirs.area)},重新推导为 ${show(mine.area)}`,
        theirs.area,
        mine.area,
      );
    }
    if (!sameJson(theirs.entities, mine.entities)) {
      return differ(
        'proof.package.entities',
        `${path}.entities`,
        `${label}的检查对象不一致:记录为 ${show(theirs.entities)},重新推导为 ${show(mine.entities)}`,
        theirs.entities,
        mine.entities,
      );
    }
    if (!sameJson(theirs.team, mine.team)) {
      return differ(
        'proof.package.team',
        `${path}.team`,
        `${label}的检查组不一致:记录为 ${show(theirs.team)},重新推导为 ${show(mine.team)}`,
        theirs.team,
        mine.team,
      );
    }
    return differ(
      'proof.package.shape',
      path,
      `${label}的记录含有多余或错误的字段`,
      theirs,
      mine as unknown as JsonValue,
    );
  }
  return null;
}

function compareAmendments(recorded: unknown, rederived: DrawProof): ProofDifference | null {
  const list = Array.isArray(recorded) ? recorded : [];
  for (let i = 0; i < rederived.amendments.length; i++) {
    const theirs = list[i] as Record<string, unknown>;
    const mine = rederived.amendments[i];
    if (theirs.in !== mine.in) {
      return differ(
        'proof.amendment.in',
        `amendments[${i}].in`,
        `第${i + 1}条递补(第${mine.package}号名单包,${mine.out} 退出)的递补人员不一致:记录为 ${show(theirs.in)},重新推导为 ${mine.in}`,
        theirs.in,
        mine.in,
      );
    }
    if (!sameJson(theirs, mine)) {
      return differ(
        'proof.amendment.shape',
        `amendments[${i}]`,
        `第${i + 1}条递补的记录含有多余或错误的字段`,
        theirs,
        mine as unknown as JsonValue,
      );
    }
  }
  return null;
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
        `按记录中的输入无法完成抽取,而记录中却有结果:${error.message}`,
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
