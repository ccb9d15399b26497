/** DRAW-SPEC §9, the comparison: a recorded proof against the one re-derived from it, the first difference named. */
import { canonicalJsonBytes } from './canonical-json';
import type { ProofDifference } from './verify';
import type { DrawPackage, DrawProof, JsonValue, SelectedEntity } from './types';
import { formatCount } from '../domain/counts';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map(show).join('、');
  if (value === null) return 'null';
  if (value === undefined) return '（缺失）';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function differ(
  code: string,
  path: string,
  message: string,
  recorded?: unknown,
  rederived?: unknown,
): ProofDifference {
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
export function sameSelected(theirs: Record<string, unknown>, mine: SelectedEntity): boolean {
  return (
    Object.keys(theirs).length === 3 &&
    theirs.stratum === mine.stratum &&
    theirs.code === mine.code &&
    theirs.key === mine.key
  );
}

export function sameStrings(theirs: unknown, mine: readonly string[]): boolean {
  if (!Array.isArray(theirs) || theirs.length !== mine.length) return false;
  for (let i = 0; i < mine.length; i++) if (theirs[i] !== mine[i]) return false;
  return true;
}

export function samePackage(theirs: Record<string, unknown>, mine: DrawPackage): boolean {
  return (
    Object.keys(theirs).length === 4 &&
    theirs.no === mine.no &&
    theirs.area === mine.area &&
    sameStrings(theirs.entities, mine.entities) &&
    sameStrings(theirs.team, mine.team)
  );
}

export function sameJson(a: unknown, b: unknown): boolean {
  try {
    const x = canonicalJsonBytes(a);
    const y = canonicalJsonBytes(b);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  } catch {
    return false;
  }
}

/** What a proof must hold before anything is re-derived: shape, the input digest and the nonce commitment. */
/** Compares a recorded proof with the re-derived one; returns the first difference, or null. */
export function compareSeed(recorded: Record<string, unknown>, seed: string): ProofDifference | null {
  if (recorded.seed === seed) return null;
  return differ(
    'proof.seed',
    'seed',
    `种子不一致：记录为 ${show(recorded.seed)}，按输入摘要、随机数和见证值重新计算为 ${seed}`,
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

/** One field of a recorded entry compared with the rederived one, and how a difference is told to the reader. */
interface FieldCheck<T> {
  name: keyof T & string;
  /** Default: strict inequality. */
  differs?: (theirs: unknown, mine: unknown) => boolean;
  message: (where: string, mine: T, theirs: string, rederived: string) => string;
}

/** The first field in `fields` whose recorded value differs, as a difference coded `${prefix}.${name}`. */
function fieldDifference<T extends object>(
  prefix: string,
  path: string,
  where: string,
  theirs: Record<string, unknown>,
  mine: T,
  fields: readonly FieldCheck<T>[],
): ProofDifference | null {
  const values = mine as Record<string, unknown>;
  const field = fields.find((f) => (f.differs ?? ((a, b) => a !== b))(theirs[f.name], values[f.name]));
  if (!field) return null;
  const { name } = field;
  const message = field.message(where, mine, show(theirs[name]), show(values[name]));
  return differ(`${prefix}.${name}`, `${path}.${name}`, message, theirs[name], values[name]);
}

const SELECTED_FIELDS: FieldCheck<SelectedEntity>[] = [
  { name: 'stratum', message: (w, e, a, b) => `${w} ${e.code} 的所属层不一致：记录为 ${a}，重新推导为 ${b}` },
  { name: 'code', message: (w, _e, a, b) => `${w}抽中对象不一致：记录为 ${a}，重新推导为 ${b}` },
  { name: 'key', message: (w, e, a, b) => `${w} ${e.code} 的抽取号不一致：记录为 ${a}，重新计算为 ${b}` },
];

const differentJson = (a: unknown, b: unknown) => !sameJson(a, b);

const PACKAGE_FIELDS: FieldCheck<DrawPackage>[] = [
  { name: 'no', message: (w, _p, a) => `${w}的编号不一致：记录为 ${a}` },
  { name: 'area', message: (w, _p, a, b) => `${w}的片区不一致：记录为 ${a}，重新推导为 ${b}` },
  {
    name: 'entities',
    differs: differentJson,
    message: (w, _p, a, b) => `${w}的检查对象不一致：记录为 ${a}，重新推导为 ${b}`,
  },
  {
    name: 'team',
    differs: differentJson,
    message: (w, _p, a, b) => `${w}的检查组不一致：记录为 ${a}，重新推导为 ${b}`,
  },
];

export function compareSelected(recorded: unknown, rederived: SelectedEntity[]): ProofDifference | null {
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
        `记录多出抽中对象 ${show(theirs?.code)}：重新推导只抽中 ${formatCount(rederived.length)} 户`,
        theirs,
      );
    }
    if (!isRecord(theirs)) {
      return differ(
        'proof.selected.missing',
        path,
        `记录缺少抽中对象：重新推导第${i + 1}户应为 ${mine.code}（${mine.stratum}层）`,
        undefined,
        mine as unknown as JsonValue,
      );
    }
    if (sameSelected(theirs, mine) || sameJson(theirs, mine)) continue;
    const rank = rederived.slice(0, i + 1).filter((entity) => entity.stratum === mine.stratum).length;
    const where = `${mine.stratum}层第${rank}名`;
    const difference = fieldDifference('proof.selected', path, where, theirs, mine, SELECTED_FIELDS);
    if (difference) return difference;
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

export function comparePackages(recorded: unknown, rederived: DrawPackage[]): ProofDifference | null {
  if (!Array.isArray(recorded)) return differ('proof.malformed', 'result.packages', '记录缺少名单包 result.packages');
  const length = Math.max(recorded.length, rederived.length);
  for (let i = 0; i < length; i++) {
    const mine = rederived[i];
    const theirs = recorded[i] as Record<string, unknown> | undefined;
    const path = `result.packages[${i}]`;
    if (mine === undefined)
      return differ(
        'proof.package.extra',
        path,
        `记录多出名单包：重新推导只有 ${formatCount(rederived.length)} 个名单包`,
        theirs,
      );
    if (!isRecord(theirs))
      return differ('proof.package.missing', path, `记录缺少第 ${mine.no} 包`, undefined, mine as unknown as JsonValue);
    if (samePackage(theirs, mine) || sameJson(theirs, mine)) continue;
    const label = `第 ${mine.no} 包`;
    const difference = fieldDifference('proof.package', path, label, theirs, mine, PACKAGE_FIELDS);
    if (difference) return difference;
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

export function compareAmendments(recorded: unknown, rederived: DrawProof): ProofDifference | null {
  const list = Array.isArray(recorded) ? recorded : [];
  for (let i = 0; i < rederived.amendments.length; i++) {
    const theirs = list[i] as Record<string, unknown>;
    const mine = rederived.amendments[i];
    if (theirs.in !== mine.in) {
      return differ(
        'proof.amendment.in',
        `amendments[${i}].in`,
        `第${i + 1}条递补（第 ${mine.package} 包，${mine.out} 退出）的递补人员不一致：记录为 ${show(theirs.in)}，重新推导为 ${mine.in}`,
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
