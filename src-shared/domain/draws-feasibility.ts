/**
 * A worst-case count proving before commit that EVERY seed can staff every package (DRAW-SPEC §6), so the slow trial
 * seeds run only when it proves nothing. Conservative, never optimistic: the argument is in docs/design-notes.md, and
 * tests/integration/draws/feasibility-bound.test.ts checks it against trials and real draws.
 */
import type { DrawInputs } from '../draw/types';

export interface FeasibilityBound {
  /** True: no seed can make §6 fail. False: not proven (the trials must decide). */
  proven: boolean;
  /** Upper bound on the number of packages (exact with clusterBy "none"). */
  packagesBound: number;
  /** Distinct offices among the inspectors. */
  offices: number;
  /** Why the bound did not hold (Chinese, for logs and the preparation summary); '' when proven. */
  reason: string;
}

function sumOfLargest(values: Iterable<number>, k: number): number {
  if (k <= 0) return 0;
  const sorted = [...values].sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < Math.min(k, sorted.length); i++) sum += sorted[i];
  return sum;
}

/** How many of the smallest counts a budget of `budget` removals can bring to zero. */
function emptiedBy(budget: number, counts: Iterable<number>): number {
  const sorted = [...counts].sort((a, b) => a - b);
  let spent = 0;
  let emptied = 0;
  for (const count of sorted) {
    if (spent + count > budget) break;
    spent += count;
    emptied++;
  }
  return emptied;
}

/** Offices and areas of the candidates, in one pass (only their distinct values matter). */
function candidatePlaces(inputs: DrawInputs): { offices: Set<string>; areas: Set<string> } {
  const offices = new Set<string>();
  const areas = new Set<string>();
  for (const stratum of inputs.strata) {
    const candidates = stratum.candidates;
    for (let c = 0; c < candidates.length; c++) {
      offices.add(candidates[c].office);
      if (inputs.clusterBy === 'area') areas.add(candidates[c].area);
    }
  }
  return { offices, areas };
}

/** The most pool members one package's entities can exclude through declared conflicts. */
function conflictedBound(inputs: DrawInputs, k: number): number {
  const poolIds = new Set(inputs.inspectors.map((inspector) => inspector.id));
  const conflictsByEntity = new Map<string, Set<string>>();
  for (const [inspector, entity] of inputs.conflicts) {
    if (!poolIds.has(inspector)) continue;
    let set = conflictsByEntity.get(entity);
    if (!set) conflictsByEntity.set(entity, (set = new Set()));
    set.add(inspector);
  }
  return sumOfLargest(
    [...conflictsByEntity.values()].map((set) => set.size),
    k,
  );
}

interface WorstCase {
  k: number;
  exhausted: number;
  conflicted: number;
  candidateOffices: Set<string>;
  perOffice: Map<string, number>;
}

/** Entity offices can only be candidate offices; a package holds at most k of them. */
function entityOfficeCounts(inputs: DrawInputs, w: WorstCase, counts: Map<string, number>): number {
  if (!inputs.avoidOwnOffice) return 0;
  return sumOfLargest(
    [...counts].filter(([office]) => w.candidateOffices.has(office)).map(([, n]) => n),
    w.k,
  );
}

/** The first required tag whose holders may all be used up, as the refusal's reason; '' when none. */
function tagShortage(inputs: DrawInputs, w: WorstCase): string {
  const R = inputs.requiredTags.length;
  for (const tag of inputs.requiredTags) {
    const holdersPerOffice = new Map<string, number>();
    let holders = 0;
    for (const inspector of inputs.inspectors) {
      if (!inspector.tags.includes(tag)) continue;
      holders++;
      holdersPerOffice.set(inspector.office, (holdersPerOffice.get(inspector.office) ?? 0) + 1);
    }
    const teamOffices = inputs.distinctOffices ? sumOfLargest(holdersPerOffice.values(), R - 1) : 0;
    const left = holders - w.exhausted - w.conflicted - entityOfficeCounts(inputs, w, holdersPerOffice) - teamOffices;
    if (left < 1) {
      return `最坏情况下具备「${tag}」资质且可选派的人员可能为 ${Math.max(0, left)} 人（持证 ${holders} 人，最多 ${w.exhausted} 人达到上限）`;
    }
  }
  return '';
}

/** Whether a whole team can still be found in the worst case, as the refusal's reason; '' when it can. */
function teamShortage(inputs: DrawInputs, w: WorstCase): string {
  if (inputs.distinctOffices) {
    const freeOffices = inputs.avoidOwnOffice
      ? Math.min(w.k, [...w.perOffice.keys()].filter((office) => w.candidateOffices.has(office)).length)
      : 0;
    const left = w.perOffice.size - freeOffices - emptiedBy(w.exhausted + w.conflicted, w.perOffice.values());
    if (left < inputs.teamSize) {
      return `最坏情况下可选派人员所属的不同单位可能只有 ${Math.max(0, left)} 个，不足每组 ${inputs.teamSize} 个`;
    }
    return '';
  }
  const left = inputs.inspectors.length - w.exhausted - w.conflicted - entityOfficeCounts(inputs, w, w.perOffice);
  if (left < inputs.teamSize) {
    return `最坏情况下可选派的执法人员可能只有 ${Math.max(0, left)} 人，不足每组 ${inputs.teamSize} 人`;
  }
  return '';
}

export function feasibilityBound(inputs: DrawInputs): FeasibilityBound {
  const selected = inputs.strata.reduce((sum, stratum) => sum + stratum.quota, 0);
  const k = inputs.packageSize;
  const places = candidatePlaces(inputs);
  const packagesBound =
    selected === 0
      ? 0
      : inputs.clusterBy === 'none'
        ? Math.ceil(selected / k)
        : Math.min(selected, Math.floor(selected / k) + places.areas.size);

  const perOffice = new Map<string, number>();
  for (const inspector of inputs.inspectors)
    perOffice.set(inspector.office, (perOffice.get(inspector.office) ?? 0) + 1);
  const offices = perOffice.size;
  const result = (proven: boolean, reason: string): FeasibilityBound => ({ proven, packagesBound, offices, reason });
  if (packagesBound === 0) return result(true, '');

  const seats = Math.max(inputs.teamSize, inputs.requiredTags.length);
  const exhausted = Math.floor(((packagesBound - 1) * seats) / inputs.maxPackagesPerInspector);
  const worst = { k, exhausted, conflicted: conflictedBound(inputs, k), candidateOffices: places.offices, perOffice };
  const reason = tagShortage(inputs, worst) || teamShortage(inputs, worst);
  return result(reason === '', reason);
}
