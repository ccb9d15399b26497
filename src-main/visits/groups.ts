/** What grouping needs of one of an entity's drawn tasks. */
export interface VisitCandidate {
  task_id: number;
  lead_department: string;
  start_date: string;
  end_date: string;
}

/**
 * An entity's tasks as proposed visits: the day in the most windows (always some task's start) is taken first, then the
 * next among the tasks left, so no mergeable pair is missed (a sweep by start date misses a pair that a shorter task
 * cuts apart). An entity has a handful of tasks a year, so the cubic cost does not matter.
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
