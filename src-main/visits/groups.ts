/** What grouping needs of one of an entity's drawn tasks. */
export interface VisitCandidate {
  task_id: number;
  lead_department: string;
  start_date: string;
  end_date: string;
}

/**
 * An entity's tasks as proposed visits: each group is every remaining task whose window holds one day (the start of
 * one of them — where windows overlap, the latest start lies in all of them), with at least two lead departments;
 * the day holding the most tasks is taken first, then the next among the tasks left. Afterwards no two tasks left
 * of different departments overlap, so no mergeable pair is missed (a sweep by start date missed a pair that a
 * shorter task in between cut apart). An entity has a handful of tasks a year: the cubic cost does not matter.
 */
export function visitGroups<T extends VisitCandidate>(rows: readonly T[]): T[][] {
  let remaining = [...rows].sort((a, b) =>
    a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : a.task_id - b.task_id,
  );
  const groups: T[][] = [];
  for (;;) {
    let best: T[] = [];
    for (const { start_date: day } of remaining) {
      const group = remaining.filter((r) => r.start_date <= day && day <= r.end_date);
      if (group.length > best.length && new Set(group.map((r) => r.lead_department)).size > 1) best = group;
    }
    if (best.length === 0) return groups;
    groups.push(best);
    remaining = remaining.filter((r) => !best.includes(r));
  }
}
