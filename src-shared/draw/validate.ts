/**
 * Parsing `unknown` into the typed shapes of DRAW-SPEC §2 and §8, with the rules checked before anything is drawn.
 * Strict on purpose: every key is required with exactly its name and type, and unknown keys are refused, because
 * the inputs are hashed whole — a stray field would change the commitment without changing the draw.
 */
import { invalidCase, invalidInputs } from './errors';
import { isLowerHex } from './hash';
import {
  SPEC_ID,
  type AmendmentRequest,
  type Candidate,
  type DrawCase,
  type DrawInputs,
  type Entropy,
  type JsonValue,
  type Witness,
} from './types';

type Fail = (path: string, reason: string) => Error;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectRecord(value: unknown, path: string, fail: Fail, allowed: readonly string[], required = allowed) {
  if (!isRecord(value)) throw fail(path, '应为对象');
  for (const name of required) if (!(name in value)) throw fail(`${path}.${name}`, '缺失');
  for (const name of Object.keys(value)) if (!allowed.includes(name)) throw fail(`${path}.${name}`, '是未定义的字段');
  return value;
}

function expectString(value: unknown, path: string, fail: Fail): string {
  if (typeof value !== 'string') throw fail(path, '应为字符串');
  return value;
}

function expectInteger(value: unknown, path: string, fail: Fail, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw fail(path, '应为整数（协议中不使用小数）');
  if (value < min) throw fail(path, `应不小于 ${min}，实际为 ${value}`);
  return value;
}

function expectBoolean(value: unknown, path: string, fail: Fail): boolean {
  if (typeof value !== 'boolean') throw fail(path, '应为 true 或 false');
  return value;
}

function expectArray(value: unknown, path: string, fail: Fail): unknown[] {
  if (!Array.isArray(value)) throw fail(path, '应为数组');
  return value;
}

const INPUT_KEYS = [
  'spec',
  'task',
  'strata',
  'packageSize',
  'clusterBy',
  'inspectors',
  'teamSize',
  'maxPackagesPerInspector',
  'requiredTags',
  'conflicts',
  'avoidOwnOffice',
  'distinctOffices',
] as const;
const STRATUM_KEYS = ['name', 'ratioBp', 'quota', 'candidates'] as const;
const CANDIDATE_KEYS = ['code', 'office', 'area'] as const;
const INSPECTOR_KEYS = ['id', 'office', 'tags'] as const;

/**
 * An insert-only string set for the uniqueness check of up to a million codes: open addressing over an FNV-1a hash,
 * sized once: a JS Set is an order of magnitude slower here (string hashing, regrowth; docs/performance.md).
 */
class StringSet {
  private readonly slots: Int32Array;
  private readonly items: string[] = [];
  private readonly mask: number;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** Adds `text`; false when it was already there. */
  add(text: string): boolean {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const item = this.slots[slot];
      if (item === -1) {
        this.slots[slot] = this.items.length;
        this.items.push(text);
        return true;
      }
      if (this.items[item] === text) return false;
    }
  }
}

function countCandidates(root: Record<string, unknown>): number {
  if (!Array.isArray(root.strata)) return 0;
  return root.strata.reduce((sum: number, stratum: unknown) => {
    const candidates = isRecord(stratum) && Array.isArray(stratum.candidates) ? stratum.candidates.length : 0;
    return sum + candidates;
  }, 0);
}

/** Built only when something is wrong (no closure or string per row: this loop runs a million times). */
function candidatePath(stratumPath: string, index: number): string {
  return `${stratumPath}.candidates[${index}]`;
}

function hasExactlyThreeKeys(record: object): boolean {
  let count = 0;
  for (const name in record) if (Object.prototype.hasOwnProperty.call(record, name)) count++;
  return count === 3;
}

/** quota = ceil(n × bp / 10000) in integers only (DRAW-SPEC §10). */
export function quotaFromRatio(candidateCount: number, ratioBp: number): number {
  return Math.floor((candidateCount * ratioBp + 9999) / 10000);
}

/** Validates inputs (DRAW-SPEC §2). Returns the same object, typed; throws AppError `draw.invalidInputs`. */
export function parseDrawInputs(value: unknown): DrawInputs {
  const fail: Fail = invalidInputs;
  const root = expectRecord(value, 'inputs', fail, INPUT_KEYS);
  if (root.spec !== SPEC_ID) throw fail('inputs.spec', `应为 "${SPEC_ID}"`);
  // task's values (floats, lone surrogates) are checked where the inputs are canonicalised for the digest.
  if (!isRecord(root.task)) throw fail('inputs.task', '应为对象');

  const codes = new StringSet(countCandidates(root));
  const strata = expectArray(root.strata, 'inputs.strata', fail);
  strata.forEach((rawStratum, s) => {
    const path = `inputs.strata[${s}]`;
    const stratum = expectRecord(rawStratum, path, fail, STRATUM_KEYS, ['name', 'quota', 'candidates']);
    expectString(stratum.name, `${path}.name`, fail);
    const candidates = expectArray(stratum.candidates, `${path}.candidates`, fail);
    const quota = expectInteger(stratum.quota, `${path}.quota`, fail, 0);
    if (quota > candidates.length) throw fail(`${path}.quota`, `为 ${quota}，超过候选对象数 ${candidates.length}`);
    if ('ratioBp' in stratum) {
      const ratioBp = expectInteger(stratum.ratioBp, `${path}.ratioBp`, fail, 0);
      const expected = quotaFromRatio(candidates.length, ratioBp);
      if (quota !== expected) {
        throw fail(`${path}.quota`, `应为 ⌈${candidates.length}×${ratioBp}÷10000⌉ = ${expected}，实际为 ${quota}`);
      }
    }
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c] as Candidate;
      // The common case is checked without allocating (a million rows at city scale); the precise complaint comes
      // from the general checks only once something is wrong.
      const wellShaped =
        isRecord(candidate) &&
        typeof candidate.code === 'string' &&
        typeof candidate.office === 'string' &&
        typeof candidate.area === 'string' &&
        hasExactlyThreeKeys(candidate);
      if (!wellShaped) {
        const checked = expectRecord(candidate, candidatePath(path, c), fail, CANDIDATE_KEYS);
        for (const field of CANDIDATE_KEYS) expectString(checked[field], `${candidatePath(path, c)}.${field}`, fail);
      }
      const code = candidate.code;
      if (code === '') throw fail(`${candidatePath(path, c)}.code`, '不能为空');
      if (!codes.add(code))
        throw fail(`${candidatePath(path, c)}.code`, `"${code}" 重复（各层之间的统一社会信用代码必须唯一）`);
    }
  });

  expectInteger(root.packageSize, 'inputs.packageSize', fail, 1);
  if (root.clusterBy !== 'none' && root.clusterBy !== 'area') throw fail('inputs.clusterBy', '应为 "none" 或 "area"');

  const ids = new Set<string>();
  expectArray(root.inspectors, 'inputs.inspectors', fail).forEach((rawInspector, i) => {
    const path = `inputs.inspectors[${i}]`;
    const inspector = expectRecord(rawInspector, path, fail, INSPECTOR_KEYS);
    const id = expectString(inspector.id, `${path}.id`, fail);
    expectString(inspector.office, `${path}.office`, fail);
    expectArray(inspector.tags, `${path}.tags`, fail).forEach((tag, t) =>
      expectString(tag, `${path}.tags[${t}]`, fail),
    );
    if (id === '') throw fail(`${path}.id`, '不能为空');
    if (ids.has(id)) throw fail(`${path}.id`, `"${id}" 重复（执法证号必须唯一）`);
    ids.add(id);
  });

  expectInteger(root.teamSize, 'inputs.teamSize', fail, 2);
  expectInteger(root.maxPackagesPerInspector, 'inputs.maxPackagesPerInspector', fail, 1);
  expectArray(root.requiredTags, 'inputs.requiredTags', fail).forEach((tag, t) =>
    expectString(tag, `inputs.requiredTags[${t}]`, fail),
  );
  expectArray(root.conflicts, 'inputs.conflicts', fail).forEach((pair, p) => {
    const path = `inputs.conflicts[${p}]`;
    const items = expectArray(pair, path, fail);
    if (items.length !== 2) throw fail(path, '应为 [执法证号，统一社会信用代码] 两项');
    expectString(items[0], `${path}[0]`, fail);
    expectString(items[1], `${path}[1]`, fail);
  });
  expectBoolean(root.avoidOwnOffice, 'inputs.avoidOwnOffice', fail);
  expectBoolean(root.distinctOffices, 'inputs.distinctOffices', fail);
  return root as unknown as DrawInputs;
}

function parseWitness(value: unknown, path: string): Witness {
  if (typeof value === 'string') return value;
  // Other implementations may keep more about a witness (time, role): only `value` enters the seed.
  if (isRecord(value) && typeof value.value === 'string') return value as Witness;
  throw invalidCase(path, '应为字符串，或带 value 字段的对象');
}

export function parseEntropy(value: unknown, path = 'entropy'): Entropy {
  if (!isRecord(value)) throw invalidCase(path, '应为对象');
  expectArray(value.witnesses, `${path}.witnesses`, invalidCase).forEach((w, i) =>
    parseWitness(w, `${path}.witnesses[${i}]`),
  );
  if (!('public' in value)) throw invalidCase(`${path}.public`, '缺失（没有时应为 null）');
  if (value.public !== null && typeof value.public !== 'string')
    throw invalidCase(`${path}.public`, '应为字符串或 null');
  return value as unknown as Entropy;
}

export function parseNonce(value: unknown, path = 'nonce'): string {
  if (typeof value !== 'string' || !isLowerHex(value, 32)) throw invalidCase(path, '应为 64 位小写十六进制（32 字节）');
  return value;
}

export function parseAmendmentRequests(value: unknown, path = 'amendments'): AmendmentRequest[] {
  return expectArray(value, path, invalidCase).map((raw, i) => {
    const itemPath = `${path}[${i}]`;
    if (!isRecord(raw)) throw invalidCase(itemPath, '应为对象');
    const packageNo = expectInteger(raw.package, `${itemPath}.package`, invalidCase, 1);
    const out = expectString(raw.out, `${itemPath}.out`, invalidCase);
    const reason = expectString(raw.reason, `${itemPath}.reason`, invalidCase);
    return { package: packageNo, out, reason };
  });
}

/** A case file as in draw-vectors: { inputs, nonce, entropy, amendments, info? }. */
export function parseDrawCase(
  value: unknown,
  parseInputs: (inputs: unknown) => DrawInputs = parseDrawInputs,
): DrawCase {
  if (!isRecord(value)) throw invalidCase('$', '应为 JSON 对象');
  const drawCase: DrawCase = {
    inputs: parseInputs(value.inputs),
    nonce: parseNonce(value.nonce),
    entropy: parseEntropy(value.entropy),
    amendments: value.amendments === undefined ? [] : parseAmendmentRequests(value.amendments),
  };
  if (isRecord(value.info)) drawCase.info = value.info as { [name: string]: JsonValue };
  return drawCase;
}
