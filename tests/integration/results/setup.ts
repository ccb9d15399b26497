/**
 * A small county with one sealed draw, and entries for its drawn entities: a clean one (未发现问题) and one with a
 * problem (责令改正), both consistent with the task window and the entity's team.
 */
import type { ResultEntry, SheetResult } from '@shared/domain/results';
import { latestProof } from '../../../src-main/draws/views';
import { county, type County } from '../../fixtures/county';
import { NOTHING_FOUND } from '../../fixtures/result-entry';

export interface Drawn {
  entityId: number;
  team: string[];
}

export interface ResultsCounty extends County {
  taskId: number;
  drawId: number;
  /** The i-th drawn entity (in package order) with its team's ids. */
  drawn(i: number): Drawn;
  subItems(taskId?: number): number[];
  /** A consistent 未发现问题 sheet for the i-th drawn entity. */
  cleanSheet(i: number, change?: Partial<ResultEntry>): SheetResult;
  /** A consistent sheet with a 不符合 row and 责令改正 (整改期限 2026-12-31). */
  problemSheet(i: number): SheetResult;
}

/** `prepare` runs on the roster before the task is drawn (a test's own entities). */
export async function resultsCounty(prepare?: (c: County) => void): Promise<ResultsCounty> {
  const c = await county(600);
  const raw = c.conn.raw;
  prepare?.(c);
  const taskId = c.publishedTask({
    name: '结果录入测试',
    ratio: { mode: 'uniform', bp: 10000 },
    excludeRecentYears: 0,
    requiredTags: [],
    maxPackagesPerInspector: 20,
  });
  const drawId = await c.drawAndSeal(taskId);
  const selected = raw
    .prepare('SELECT entity_id, package_no FROM draw_selected WHERE draw_id = ? ORDER BY package_no, entity_id')
    .all(drawId) as { entity_id: number; package_no: number }[];
  const packages = latestProof(raw, drawId)!.body.result.packages;
  const drawn = (i: number): Drawn => ({
    entityId: selected[i].entity_id,
    team: packages.find((p) => p.no === selected[i].package_no)!.team,
  });
  const subItems = (task = taskId) =>
    raw
      .prepare(
        `SELECT s.id FROM task_items t JOIN item_sub_items s ON s.item_id = t.item_id
         WHERE t.task_id = ? ORDER BY t.ordinal, s.ordinal`,
      )
      .pluck()
      .all(task) as number[];
  const cleanSheet = (i: number, change: Partial<ResultEntry> = {}): SheetResult => ({
    drawId,
    entityId: drawn(i).entityId,
    taskIds: [taskId],
    entry: {
      inspectedOn: '2026-11-24',
      inspectorIds: drawn(i).team,
      rows: subItems().map((id) => ({ subItemId: id, outcome: '符合', finding: '' })),
      ...NOTHING_FOUND,
      ...change,
    },
  });
  const problemSheet = (i: number): SheetResult => {
    const rows = subItems().map((id, n) => ({
      subItemId: id,
      outcome: n === 0 ? ('不符合' as const) : ('符合' as const),
      finding: n === 0 ? '未按规定公示年度报告' : '',
    }));
    return cleanSheet(i, {
      rows,
      categories: ['发现问题,依法责令立即改正或者限期改正'],
      followUps: ['责令改正,后续跟踪由日常监管部门负责'],
      correctionDeadline: '2026-12-31',
    });
  };
  return { ...c, taskId, drawId, drawn, subItems, cleanSheet, problemSheet };
}

/** Row counts of every table a result write touches (a refusal leaves them all as they were). */
export function resultCounts(c: County): Record<string, number> {
  const tables = ['results', 'result_rows', 'result_follow_ups', 'audit_log', 'roster_changes', 'holiday_schedules'];
  return Object.fromEntries(tables.map((t) => [t, c.count(t)]));
}
