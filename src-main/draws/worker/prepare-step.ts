/**
 * 准备 in the draw worker: C(inputs), the code table and the validation are one pass into shared memory, kept to 揭晓 so
 * the ranking threads read the codes without a copy; a worst-case count (feasibilityBound) runs before any trial seeds.
 * ONE transaction, so a refusal or a crash leaves nothing half-written.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { checkFeasibility, DrawErrorCode, encodeDrawInputs, type DrawInputs } from '@shared/draw';
import type { DrawFeasibility, DrawPreparation } from '@shared/domain/draws';
import { feasibilityBound } from '@shared/domain/draws-feasibility';
import { describeInspectorScope, describeScope } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { first, qb, run } from '../../db/sql';
import { nodeSha256 } from '../node-sha256';
import { sharedAllocate } from '../parallel-rank';
import { auditDraw } from '../draw-audit';
import { assertWindowOpen, buildDrawInputs, type BuiltInputs } from '../inputs';
import { packInputs } from '../views';
import { committedElsewhere } from '../draw-state';
import type { ReadSnapshotElsewhere } from './snapshot-rows';
import { readSettings, readTask } from '../../plans/tasks';
import { requireBureau } from '../../settings/bureau';
import { timer, type SnapshotCache, type StepContext, type StepTimings } from './step-context';
import { formatCount } from '@shared/domain/counts';

/** 准备: freeze the candidates and the pool, digest them, settle feasibility, store the preparation. */
export async function prepareStep(
  raw: BetterSqlite3.Database,
  taskId: number,
  step: StepContext,
  cache: SnapshotCache,
  readElsewhere?: ReadSnapshotElsewhere,
): Promise<{ drawId: number; timings: StepTimings }> {
  const clock = timer();
  const task = readTask(raw, taskId);
  const plan = first(raw, qb.selectFrom('plans').select(['title', 'version']).where('id', '=', task.planId))!;
  if (plan.version === 0)
    throw new AppError('draw.planNotPublished', `《${plan.title}》尚未公示。年度抽查计划须先公示，才能按计划抽取。`);
  requireBureau(raw, '准备抽取');
  assertWindowOpen(task, step.now);
  const refusal = committedElsewhere(raw, taskId);
  if (refusal) throw refusal;

  step.progress('读取检查对象和执法人员', 0, 4);
  const settings = readSettings(raw);
  const built = await buildDrawInputs(raw, task, settings, readElsewhere);
  clock.lap(built.runs ? 'snapshot (2 threads)' : 'snapshot');

  step.progress(`计算输入摘要（${formatCount(built.candidates)} 户）`, 1, 4);
  const { inputs, encoded } = encodeDrawInputs(built.inputs, sharedAllocate, built.runs);
  clock.lap('encode');
  const inputDigest = nodeSha256.hexOfParts!(encoded.parts);
  clock.lap('digest');

  step.progress('可行性检查', 2, 4);
  const bound = feasibilityBound(inputs);
  const feasibility = bound.proven ? BOUND_FEASIBILITY : feasibilityByTrials(inputs);
  clock.lap('feasibility');

  step.progress('保存准备结果', 3, 4);
  const preparation: DrawPreparation = {
    taskId,
    scope: describeScope(task.scope, task.excludeRecentYears),
    inspectorScope: describeInspectorScope(task.inspectorScope, task.joiningDepartments, task.includeExperts),
    strata: built.strata,
    candidates: built.candidates,
    quota: built.quota,
    inspectors: built.pool.inspectors.length,
    experts: built.pool.experts,
    offices: bound.offices,
    packagesEstimate: bound.packagesBound,
    feasibility,
    notices: built.notices,
    excludedRecent: built.excludedRecent,
  };
  const packed = await packInputs(encoded.parts);
  clock.lap('compress');
  const drawId = storePreparation(raw, step, { taskId, built, preparation, inputDigest, packed });
  clock.lap('store');
  cache.set({ drawId, inputs, encoded, inputDigest, entityIds: built.entityIds });
  return { drawId, timings: clock.timings };
}

const BOUND_FEASIBILITY: DrawFeasibility = { feasible: true, method: 'bound', trials: 0, failedTrials: 0, advice: '' };

/** Feasibility by the trial seeds, when the worst-case count proved nothing; refused when a trial falls short. */
function feasibilityByTrials(inputs: DrawInputs): DrawFeasibility {
  const report = checkFeasibility(inputs, nodeSha256);
  if (!report.feasible) {
    throw new AppError(
      DrawErrorCode.infeasible,
      `无法保证每个名单包都能组成检查组，本次准备未保存。${report.advice}`,
      report,
    );
  }
  return {
    feasible: report.feasible,
    method: 'trials',
    trials: report.trials,
    failedTrials: report.failedTrials,
    advice: report.advice,
    report,
  };
}

interface Preparation {
  taskId: number;
  built: BuiltInputs;
  preparation: DrawPreparation;
  inputDigest: string;
  packed: Buffer;
}

/** The draws row, its packed inputs and the audit row, in one transaction; returns the draw's id. */
function storePreparation(raw: BetterSqlite3.Database, step: StepContext, prepared: Preparation): number {
  const { taskId, built, preparation, inputDigest, packed } = prepared;
  const at = step.now.toISOString();
  return raw
    .transaction(() => {
      const race = committedElsewhere(raw, taskId);
      if (race) throw race;
      const draw = {
        task_id: taskId,
        attempt: built.attempt,
        state: 'prepared' as const,
        prepared_at: at,
        prepared_by: step.actor,
        input_digest: inputDigest,
        summary: JSON.stringify(preparation),
      };
      const id = Number(run(raw, qb.insertInto('draws').values(draw)).lastInsertRowid);
      run(raw, qb.insertInto('draw_inputs').values({ draw_id: id, canonical: packed }));
      auditDraw(raw, step.actor, step.now, 'draws:prepare', id, {
        taskId,
        attempt: built.attempt,
        inputDigest,
        candidates: built.candidates,
        quota: built.quota,
        inspectors: preparation.inspectors,
        feasibility: preparation.feasibility.method,
      });
      return id;
    })
    .immediate();
}
