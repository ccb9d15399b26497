/** DRAW-SPEC §5: deal the selected entities into packages (名单包). */
import { compareKeyThenId } from './keys';
import { compareUtf8 } from './utf8';
import type { ClusterBy } from './types';

export interface SelectedForPackaging {
  code: string;
  key: string;
  office: string;
  area: string;
}

export interface PackagePlan<E extends SelectedForPackaging = SelectedForPackaging> {
  no: number;
  area: string | null;
  entities: E[];
}

export function buildPackages<E extends SelectedForPackaging>(
  selected: readonly E[],
  clusterBy: ClusterBy,
  packageSize: number,
): PackagePlan<E>[] {
  const groups = new Map<string | null, E[]>();
  for (const entity of selected) {
    const groupKey = clusterBy === 'area' ? entity.area : null;
    const group = groups.get(groupKey);
    if (group) group.push(entity);
    else groups.set(groupKey, [entity]);
  }
  // Groups in UTF-8 byte order of the area (never localeCompare: the order must be the same everywhere).
  const orderedGroups = [...groups.entries()].sort(([a], [b]) => compareUtf8(a ?? '', b ?? ''));

  const packages: PackagePlan<E>[] = [];
  for (const [area, members] of orderedGroups) {
    members.sort((a, b) => compareKeyThenId(a.key, a.code, b.key, b.code));
    const count = Math.ceil(members.length / packageSize);
    const dealt: PackagePlan<E>[] = [];
    for (let j = 0; j < count; j++) dealt.push({ no: packages.length + j + 1, area, entities: [] });
    // Dealt in turn like cards: position i goes to package i mod m, so sizes differ by at most one.
    members.forEach((entity, position) => dealt[position % count].entities.push(entity));
    packages.push(...dealt);
  }
  return packages;
}
