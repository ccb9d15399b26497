/**
 * DRAW-SPEC §11: before commit, run the team stage (§5–7) under 100 trial seeds H("ssj-draw/1 trial" ‖ inputDigest ‖
 * uint32be(i)), labelled so none can equal a real seed; a dead-end refuses and names the tight constraint. Each trial
 * draws a uniform quota-subset from a counter stream (O(quota): hashing every candidate 100 times is far too slow).
 */
import { isAppError, AppError } from '../errors';
import { computeInputDigest } from './commitment';
import { DrawErrorCode, type TeamShortageDetails } from './errors';
import { hexToBytes, type Sha256 } from './hash';
import { INSPECTOR_LABEL, KeyHasher } from './keys';
import { buildPackages } from './packages';
import { TeamDealer } from './teams';
import { encodeUtf8 } from './utf8';
import { parseDrawInputs } from './validate';
import type { DrawInputs } from './types';

export const FEASIBILITY_TRIALS = 100;
const TRIAL_LABEL = encodeUtf8('ssj-draw/1 trial');

export type TightConstraint =
  | { kind: 'tag'; tag: string; holders: number; capacity: number; packages: number }
  | { kind: 'offices'; offices: number; teamSize: number }
  | { kind: 'cap'; capacity: number; seatsNeeded: number }
  | { kind: 'avoidance'; packageNo: number; found: number; teamSize: number };

export interface FeasibilityReport {
  feasible: boolean;
  trials: number;
  failedTrials: number;
  /** The first failing trial's error (Chinese message + code). */
  firstFailure: { trial: number; code: string; message: string } | null;
  tightConstraint: TightConstraint | null;
  /** One Chinese sentence for the clerk; empty when feasible. */
  advice: string;
}

export function trialSeed(inputDigest: string, trial: number, sha256: Sha256): Uint8Array {
  const message = new Uint8Array(TRIAL_LABEL.length + 32 + 4);
  message.set(TRIAL_LABEL, 0);
  message.set(hexToBytes(inputDigest), TRIAL_LABEL.length);
  new DataView(message.buffer).setUint32(TRIAL_LABEL.length + 32, trial);
  return hexToBytes(sha256.hex(message));
}

/** Uniform integers from SHA-256(seed ‖ "select" ‖ counter), eight 32-bit words per hash. */
class TrialRandom {
  private words = new Uint32Array(0);
  private next = 0;
  private counter = 0;
  private readonly message: Uint8Array;

  constructor(
    private readonly sha256: Sha256,
    seed: Uint8Array,
  ) {
    const label = encodeUtf8('select');
    this.message = new Uint8Array(seed.length + label.length + 4);
    this.message.set(seed, 0);
    this.message.set(label, seed.length);
  }

  private word(): number {
    if (this.next >= this.words.length) {
      new DataView(this.message.buffer).setUint32(this.message.length - 4, this.counter++);
      const bytes = hexToBytes(this.sha256.hex(this.message));
      const view = new DataView(bytes.buffer);
      this.words = new Uint32Array(8).map((_, i) => view.getUint32(i * 4));
      this.next = 0;
    }
    return this.words[this.next++];
  }

  /** Uniform in [0, bound), by rejection so there is no modulo bias. */
  below(bound: number): number {
    const limit = Math.floor(0x100000000 / bound) * bound;
    for (;;) {
      const value = this.word();
      if (value < limit) return value % bound;
    }
  }
}

/** A uniform random `quota`-subset of [0, n), in random order (sparse Fisher–Yates: O(quota) memory and time). */
function randomSubset(random: TrialRandom, n: number, quota: number): number[] {
  const swapped = new Map<number, number>();
  const picked: number[] = [];
  for (let i = 0; i < quota; i++) {
    const j = i + random.below(n - i);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    picked.push(atJ);
  }
  return picked;
}

function runTrial(inputs: DrawInputs, seed: Uint8Array, sha256: Sha256): void {
  const random = new TrialRandom(sha256, seed);
  const selected: { code: string; key: string; office: string; area: string }[] = [];
  for (const stratum of inputs.strata) {
    randomSubset(random, stratum.candidates.length, stratum.quota).forEach((index, order) => {
      const candidate = stratum.candidates[index];
      // The draw order is already uniform: a synthetic key in that order stands in for the real draw number.
      const key = order.toString(16).padStart(16, '0');
      selected.push({ code: candidate.code, key, office: candidate.office, area: candidate.area });
    });
  }
  const plans = buildPackages(selected, inputs.clusterBy, inputs.packageSize);
  const dealer = new TeamDealer(inputs, new KeyHasher(sha256, seed, INSPECTOR_LABEL));
  dealer.staffAll(
    plans.map((plan) => ({
      no: plan.no,
      entityCodes: plan.entities.map((entity) => entity.code),
      entityOffices: plan.entities.map((entity) => entity.office),
    })),
  );
}

/** Names the tightest structural constraint; falls back to the failing package's avoidance shortage. */
function diagnose(inputs: DrawInputs, failure: AppError, packagesEstimate: number): TightConstraint {
  const cap = inputs.maxPackagesPerInspector;
  const details = failure.details as TeamShortageDetails | undefined;
  const seatsNeeded = packagesEstimate * inputs.teamSize;
  const capacity = inputs.inspectors.length * cap;
  if (capacity < seatsNeeded) return { kind: 'cap', capacity, seatsNeeded };
  for (const tag of inputs.requiredTags) {
    const holders = inputs.inspectors.filter((inspector) => inspector.tags.includes(tag)).length;
    if (holders * cap < packagesEstimate || (failure.code === DrawErrorCode.tagUnavailable && details?.tag === tag)) {
      return { kind: 'tag', tag, holders, capacity: holders * cap, packages: packagesEstimate };
    }
  }
  const offices = new Set(inputs.inspectors.map((inspector) => inspector.office)).size;
  if (inputs.distinctOffices && offices - (inputs.avoidOwnOffice ? 1 : 0) < inputs.teamSize) {
    return { kind: 'offices', offices, teamSize: inputs.teamSize };
  }
  return {
    kind: 'avoidance',
    packageNo: details?.packageNo ?? 0,
    found: details?.found ?? 0,
    teamSize: inputs.teamSize,
  };
}

function advise(constraint: TightConstraint): string {
  switch (constraint.kind) {
    case 'cap':
      return `每人最多承担的名单包数太低：全部执法人员最多可承担 ${constraint.capacity} 个检查组席位，而约需 ${constraint.seatsNeeded} 个。请提高每人上限、增加执法人员或加大名单包。`;
    case 'tag':
      return `具备「${constraint.tag}」资质的执法人员太少：只有 ${constraint.holders} 人，最多承担 ${constraint.capacity} 个名单包，而约有 ${constraint.packages} 个名单包，且需避开本所和回避对象。请增加持证人员或提高每人上限。`;
    case 'offices':
      return `执法人员所属单位太少：只有 ${constraint.offices} 个单位，在回避本所后凑不足每组 ${constraint.teamSize} 个不同单位的人员。请取消"组员来自不同单位"或扩大人员范围。`;
    case 'avoidance':
      return `回避条件过紧：第 ${constraint.packageNo} 包（试抽）中符合回避条件的执法人员只有 ${constraint.found} 人，不足每组 ${constraint.teamSize} 人。请扩大人员范围、减小名单包或核对回避名单。`;
  }
}

/** Runs the trials. Invalid inputs throw (draw.invalidInputs); team shortages are reported, not thrown. */
export function checkFeasibility(rawInputs: unknown, sha256: Sha256, trials = FEASIBILITY_TRIALS): FeasibilityReport {
  const inputs = parseDrawInputs(rawInputs);
  const inputDigest = computeInputDigest(inputs, sha256);
  let failedTrials = 0;
  let firstFailure: FeasibilityReport['firstFailure'] = null;
  let firstError: AppError | null = null;
  const selectedCount = inputs.strata.reduce((sum, stratum) => sum + stratum.quota, 0);
  for (let trial = 0; trial < trials; trial++) {
    try {
      runTrial(inputs, trialSeed(inputDigest, trial, sha256), sha256);
    } catch (error) {
      if (!isAppError(error)) throw error;
      failedTrials++;
      if (!firstError) {
        firstError = error;
        firstFailure = { trial, code: error.code, message: error.message };
      }
    }
  }
  if (!firstError)
    return { feasible: true, trials, failedTrials: 0, firstFailure: null, tightConstraint: null, advice: '' };
  const tightConstraint = diagnose(inputs, firstError, Math.ceil(selectedCount / inputs.packageSize));
  return {
    feasible: false,
    trials,
    failedTrials,
    firstFailure,
    tightConstraint,
    advice: `${trials} 次试抽中有 ${failedTrials} 次无法组成检查组。${advise(tightConstraint)}`,
  };
}

/** Same as checkFeasibility, but throws AppError `draw.infeasible` (with the report as details) when it fails. */
export function assertFeasible(rawInputs: unknown, sha256: Sha256, trials = FEASIBILITY_TRIALS): FeasibilityReport {
  const report = checkFeasibility(rawInputs, sha256, trials);
  if (!report.feasible) throw new AppError(DrawErrorCode.infeasible, report.advice, report);
  return report;
}
