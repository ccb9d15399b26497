/** 揭晓 in the draw worker, and the snapshot and prepared draw that 递补 rebuilds the same way. */
import type BetterSqlite3 from 'better-sqlite3';
import {
  completeDraw,
  computeNonceCommit,
  deriveSeed,
  encodeDrawInputs,
  hexToBytes,
  rankStratum,
  type Entropy,
  type JsonValue,
  type PreparedDraw,
  type RankedCandidate,
} from '@shared/draw';
import { AppError } from '@shared/errors';
import { nodeSha256 } from '../node-sha256';
import { PARALLEL_THRESHOLD, rankAllParallel, sharedAllocate, type DrawWorkerPool } from '../parallel-rank';
import { auditDraw } from '../draw-audit';
import { ceremonyOf } from '../ceremony';
import { loadDrawRow, RESULT_ELSEWHERE, storedInputs, witnessesOf, type DrawRow } from '../views';
import { setState, wrongState } from '../draw-state';
import { qb, run } from '../../db/sql';
import { readTask, taskBureauName } from '../../plans/tasks';
import { timer, type Snapshot, type SnapshotCache, type StepContext, type StepTimings } from './step-context';

/**
 * The snapshot of a draw: from the cache, or rebuilt from the stored C(inputs) — checked against the committed
 * digest first, so inputs altered in the database can never be drawn from.
 */
export function snapshotOf(raw: BetterSqlite3.Database, draw: DrawRow, cache: SnapshotCache): Snapshot {
  const cached = cache.get(draw.id);
  if (cached && cached.inputDigest === draw.input_digest) return cached;
  const canonical = storedInputs(raw, draw.id);
  if (!canonical || nodeSha256.hex(canonical) !== draw.input_digest) {
    throw new AppError(
      'draw.inputsAltered',
      '数据库中保存的抽取输入与承诺的输入摘要不符（可能被改动），不能继续。请联系管理员核查数据库。',
    );
  }
  const { inputs, encoded } = encodeDrawInputs(JSON.parse(canonical.toString('utf8')) as unknown, sharedAllocate);
  const snapshot = { drawId: draw.id, inputs, encoded, inputDigest: draw.input_digest };
  cache.set(snapshot);
  return snapshot;
}

function entropyOf(raw: BetterSqlite3.Database, drawId: number): Entropy {
  const witnesses = witnessesOf(raw, drawId);
  const named = witnesses.filter((w) => w.kind === 'witness');
  if (named.length === 0) throw new AppError('draw.noWitness', '请至少录入一位见证人的见证值，再揭晓。');
  const publicValue = witnesses.find((w) => w.kind === 'public');
  // Names go with the values (DRAW-SPEC §8 allows it; only `value` enters the seed).
  return {
    witnesses: named.map((w) => ({ name: w.name, value: w.value })),
    public: publicValue ? publicValue.value : null,
  };
}

export function preparedFor(
  draw: DrawRow,
  snapshot: Snapshot,
  entropy: Entropy,
  amendments: PreparedDraw['drawCase']['amendments'],
): PreparedDraw {
  const nonce = draw.nonce!;
  const seed = deriveSeed(snapshot.inputDigest, nonce, entropy, nodeSha256);
  return {
    drawCase: { inputs: snapshot.inputs, nonce, entropy, amendments },
    inputDigest: snapshot.inputDigest,
    nonceCommit: computeNonceCommit(nonce, nodeSha256),
    seed,
    seedBytes: hexToBytes(seed),
    encoded: snapshot.encoded,
  };
}

/** Informational fields of the proof (DRAW-SPEC §8 `info`, ignored by the verifier). */
function proofInfo(raw: BetterSqlite3.Database, draw: DrawRow, revealedAt: string): { [name: string]: JsonValue } {
  const task = readTask(raw, draw.task_id);
  return {
    bureau: taskBureauName(raw, draw.task_id),
    taskNumber: task.number,
    taskName: task.name,
    ...ceremonyOf(draw),
    committedAt: draw.committed_at ?? '',
    revealedAt,
    witnesses: witnessesOf(raw, draw.id).map((w) => ({
      name: w.name,
      role: w.role,
      kind: w.kind,
      enteredAt: w.enteredAt,
    })),
  };
}

/** 揭晓: derive the seed from the committed nonce and the witnesses' values, run §4–8, store the result. */
export async function revealStep(
  raw: BetterSqlite3.Database,
  drawId: number,
  step: StepContext,
  cache: SnapshotCache,
  pool: () => DrawWorkerPool | null,
): Promise<{ timings: StepTimings }> {
  const clock = timer();
  const draw = loadDrawRow(raw, drawId);
  if (draw.state !== 'committed') throw wrongState(draw, '揭晓');
  const entropy = entropyOf(raw, drawId);
  step.progress('计算种子', 0, 3);
  const snapshot = snapshotOf(raw, draw, cache);
  const prepared = preparedFor(draw, snapshot, entropy, []);
  clock.lap('seed');

  step.progress('计算每户的抽取号并排序', 1, 3);
  const candidates = snapshot.encoded.stratumStart[snapshot.encoded.stratumStart.length - 1];
  const workers = candidates >= PARALLEL_THRESHOLD ? pool() : null;
  const rankings: RankedCandidate[][] = workers
    ? await rankAllParallel(prepared, workers)
    : prepared.drawCase.inputs.strata.map((_, s) => rankStratum(prepared, s, nodeSha256));
  clock.lap('rank');

  step.progress('组成名单包和检查组', 2, 3);
  // A shortage here (possible only when the trials, not the bound, settled feasibility) throws before anything is
  // written: the draw stays committed with its witnesses, and the clerk voids it with the reason.
  const proof = completeDraw(prepared, rankings, nodeSha256);
  if (snapshot.entityIds) {
    const ids = snapshot.entityIds;
    snapshot.selectedIds = new Map(
      rankings.flatMap((ranking, s) => ranking.map((r): [string, number] => [r.code, ids[s][r.index]])),
    );
  }
  clock.lap('teams');
  const revealedAt = step.now.toISOString();
  const { inputs: _inputs, ...body } = proof;
  body.info = proofInfo(raw, draw, revealedAt);
  const text = JSON.stringify(body);
  raw
    .transaction(() => {
      const revealed = { revealed_at: revealedAt, seed: proof.seed, result: RESULT_ELSEWHERE };
      const changed = run(raw, setState(drawId, 'committed', 'revealed').set(revealed)).changes;
      if (changed !== 1) throw wrongState(loadDrawRow(raw, drawId), '揭晓');
      // Beside the draws row, not in it: 封存 then updates a small row, not one holding the city-scale proof text.
      run(raw, qb.insertInto('draw_results').values({ draw_id: drawId, result: text }));
      auditDraw(raw, step.actor, step.now, 'draws:reveal', drawId, {
        seed: proof.seed,
        selected: proof.result.selected.length,
        packages: proof.result.packages.length,
      });
    })
    .immediate();
  snapshot.revealed = { text, body };
  clock.lap('store');
  return { timings: clock.timings };
}
