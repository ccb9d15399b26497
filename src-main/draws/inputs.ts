/**
 * From a task to the ssj-draw/1 inputs (DRAW-SPEC §2; the field-by-field map is in docs/design-notes.md). Voided
 * earlier attempts go into inputs.task, so a re-draw after a void shows in the published proof itself. The checks that
 * must hold before anything is written (empty scope, too few inspectors, a passed window…) are made here, in Chinese.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CandidateRuns, DrawInputs, JsonValue, Stratum } from '@shared/draw';
import { all, qb } from '../db/sql';
import { SPEC_ID } from '@shared/draw';
import type { Settings } from '@shared/domain/settings';
import {
  describeInspectingBody,
  describeInspectorScope,
  describePeriod,
  describeScope,
  gradeLabel,
  type StratumPreview,
  type TaskView,
} from '@shared/domain/tasks';
import { chinaDate } from '@shared/domain/china-time';
import { AppError } from '@shared/errors';
import { conflictBadge, conflictCode, unknownConflictText } from '../plans/conflict-parties';
import { drawIdsByBadge } from './draw-people';
import { readInspectorPool, tooFewInspectors, type InspectorPool } from './inspector-pool';
import { readCandidates } from './worker/snapshot-read';
import type { ReadSnapshotElsewhere } from './worker/snapshot-rows';
import { taskBureauName } from '../plans/tasks';
import { formatCount } from '@shared/domain/counts';

export interface BuiltInputs {
  inputs: DrawInputs;
  /** Roster ids of the candidates, per stratum, in candidate order. */
  entityIds: Int32Array[];
  /** The candidates already written for C(inputs), when two threads read them (CandidateSnapshot.runs). */
  runs?: CandidateRuns[];
  pool: InspectorPool;
  strata: StratumPreview[];
  candidates: number;
  quota: number;
  excludedRecent: number;
  notices: string[];
  attempt: number;
}

/** Refuses a task whose window has passed: its draw would be for an inspection that can no longer happen. */
export function assertWindowOpen(task: TaskView, now: Date): void {
  const today = chinaDate(now);
  if (task.endDate < today) {
    throw new AppError(
      'draw.windowPassed',
      `任务“${task.name}”的开展时间已于 ${task.endDate} 结束，不能再抽取。如需继续，请先修改开展时间（已公示的计划将发布新版本）。`,
    );
  }
}

export async function buildDrawInputs(
  raw: BetterSqlite3.Database,
  task: TaskView,
  settings: Settings,
  readElsewhere?: ReadSnapshotElsewhere,
): Promise<BuiltInputs> {
  const unknown = unknownConflictText(raw, task.conflicts);
  if (unknown) throw unknownConflict(unknown);
  const snapshot = await readCandidates(raw, task, readElsewhere);
  const { candidates, quota } = refuseNothingToDraw(task, snapshot.strata);
  const notices = snapshot.strata
    .filter((s) => task.ratio.mode === 'grades' && s.candidates.length === 0)
    .map((s) => `${gradeLabel(s.name)}在范围内没有检查对象，本级不抽取。`);

  const pool = readInspectorPool(raw, task);
  if (pool.inspectors.length < task.teamSize) {
    throw new AppError('draw.tooFewInspectors', tooFewInspectors(pool.inspectors.length, task.teamSize));
  }

  const { attempt, taskInfo } = taskInfoOf(raw, task);
  const inputs: DrawInputs = {
    spec: SPEC_ID,
    task: taskInfo,
    strata: snapshot.strata,
    packageSize: task.packageSize,
    clusterBy: task.clusterBy,
    inspectors: pool.inspectors,
    teamSize: task.teamSize,
    maxPackagesPerInspector: task.maxPackagesPerInspector,
    requiredTags: task.requiredTags,
    conflicts: conflictPairs(raw, task),
    avoidOwnOffice: task.avoidOwnOffice,
    distinctOffices: task.distinctOffices,
  };
  return {
    inputs,
    entityIds: snapshot.entityIds,
    runs: snapshot.runs,
    pool,
    strata: snapshot.strata.map((s) => ({
      name: s.name,
      candidates: s.candidates.length,
      ratioBp: s.ratioBp ?? null,
      quota: s.quota,
    })),
    candidates,
    quota,
    excludedRecent: snapshot.excludedRecent,
    notices,
    attempt,
  };
}

/** The candidates and quota of the strata, refused when there is nothing to draw. */
function refuseNothingToDraw(task: TaskView, strata: readonly Stratum[]): { candidates: number; quota: number } {
  const candidates = strata.reduce((sum, s) => sum + s.candidates.length, 0);
  const quota = strata.reduce((sum, s) => sum + s.quota, 0);
  if (candidates === 0) {
    throw new AppError(
      'draw.emptyScope',
      `检查对象范围内没有可抽取的对象（登记状态存续${task.excludeRecentYears > 0 ? `、近${task.excludeRecentYears}年内未被抽查` : ''}）。请调整检查对象范围后再准备。`,
    );
  }
  if (task.ratio.mode === 'fixed' && task.ratio.count > candidates) {
    throw new AppError(
      'draw.fixedCountTooLarge',
      `任务要求固定抽取 ${formatCount(task.ratio.count)} 户，但范围内只有 ${formatCount(candidates)} 户。请减少抽取户数或扩大范围。`,
    );
  }
  if (quota === 0) throw new AppError('draw.nothingToDraw', '按当前抽查比例，各等级应抽户数都为 0。请调整抽查比例。');
  return { candidates, quota };
}

/** inputs.task, with this attempt's number and every committed earlier attempt that was voided. */
function taskInfoOf(
  raw: BetterSqlite3.Database,
  task: TaskView,
): { attempt: number; taskInfo: { [name: string]: JsonValue } } {
  const voidedQuery = qb
    .selectFrom('draws')
    .select(['attempt', 'nonce_commit', 'void_reason'])
    .where('task_id', '=', task.id)
    .where('state', '=', 'voided')
    .where('committed_at', 'is not', null)
    .orderBy('id');
  const voided = all(raw, voidedQuery);
  const attempt = voided.length + 1;
  const taskInfo: { [name: string]: JsonValue } = {
    id: task.id,
    number: task.number,
    name: task.name,
    year: task.year,
    bureau: taskBureauName(raw, task.id),
    inspectingBody: describeInspectingBody(task.leadDepartment, task.joiningDepartments),
    items: task.items.map((item) => item.name),
    scope: describeScope(task.scope, task.excludeRecentYears),
    period: describePeriod(task.startDate, task.endDate),
    inspectorScope: describeInspectorScope(task.inspectorScope, task.joiningDepartments, task.includeExperts),
    attempt,
    voidedAttempts: voided.map((v) => ({ attempt: v.attempt, nonceCommit: v.nonce_commit, reason: v.void_reason })),
  };
  return { attempt, taskInfo };
}

function unknownConflict(unknown: string): AppError {
  return new AppError(
    'draw.unknownConflict',
    `${unknown}（名录可能在任务保存后有过修改），本次准备未保存。请先在任务中重新选择回避关系。`,
  );
}

/**
 * The task's conflicts as [draw id, code] pairs, each once: the task names inspectors by 执法证号, the draw by the id
 * the pool gave them.
 */
function conflictPairs(raw: BetterSqlite3.Database, task: TaskView): [string, string][] {
  const drawIds = drawIdsByBadge(raw, [...new Set(task.conflicts.map(conflictBadge))]);
  const seen = new Set<string>();
  const conflicts: [string, string][] = [];
  for (const conflict of task.conflicts) {
    const drawId = drawIds.get(conflictBadge(conflict));
    // Checked at the start of 准备; a 执法证号 edited while its candidates were read is refused the same way.
    if (drawId === undefined) throw unknownConflict(`回避关系中执法证号 ${conflictBadge(conflict)} 不在执法人员名录中`);
    const pair: [string, string] = [drawId, conflictCode(conflict)];
    const key = pair.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    conflicts.push(pair);
  }
  return conflicts;
}
