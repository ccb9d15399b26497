/** 递补 in the draw worker. */
import type BetterSqlite3 from 'better-sqlite3';
import { completeDraw, type RankedCandidate } from '@shared/draw';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { nodeSha256 } from '../node-sha256';
import { auditChainHead } from '../../audit/chain';
import { auditDraw } from '../draw-audit';
import { recordResult } from '../records';
import { amendmentRows, latestProof, loadDrawRow, type ProofBody } from '../views';
import { wrongState } from '../draw-state';
import { qb, run } from '../../db/sql';
import { preparedFor, snapshotOf } from './reveal-step';
import { timer, type Snapshot, type SnapshotCache, type StepContext, type StepTimings } from './step-context';

/** The rankings a proof already fixed, rebuilt for completeDraw (no key is recomputed: 递补 changes teams only). */
function rankingsOf(snapshot: Snapshot, body: ProofBody): RankedCandidate[][] {
  return snapshot.inputs.strata.map((stratum) => {
    const selected = body.result.selected.filter((e) => e.stratum === stratum.name);
    const position = new Map(selected.map((e, i) => [e.code, i]));
    const ranking: RankedCandidate[] = new Array(selected.length);
    const candidates = stratum.candidates;
    for (let index = 0; index < candidates.length; index++) {
      const at = position.get(candidates[index].code);
      if (at !== undefined) ranking[at] = { index, code: candidates[index].code, key: selected[at].key };
    }
    return ranking;
  });
}

/** 递补 (DRAW-SPEC §7): replace an inspector of a sealed draw's package; the proof gains the amendment as a new version. */
export function amendStep(
  raw: BetterSqlite3.Database,
  request: ParsedReq<'draws:amend'>,
  step: StepContext,
  cache: SnapshotCache,
): { timings: StepTimings } {
  const clock = timer();
  const reason = request.reason.trim();
  if (reason === '') throw new AppError('draw.amendReason', '递补必须写明理由（如回避、因病请假）。');
  const draw = loadDrawRow(raw, request.drawId);
  if (draw.state !== 'sealed') throw wrongState(draw, '递补人员（递补在封存之后进行）');
  const latest = latestProof(raw, draw.id)!;
  const recorded = amendmentRows(raw, draw.id);
  step.progress('重新核算检查组', 0, 2);
  const snapshot = snapshotOf(raw, draw, cache);
  const requests = [
    ...recorded.map((a) => ({ package: a.package_no, out: a.out_id, reason: a.reason })),
    { package: request.packageNo, out: request.out, reason },
  ];
  const prepared = preparedFor(draw, snapshot, latest.body.entropy, requests);
  if (prepared.seed !== draw.seed)
    throw new AppError(
      'draw.inputsAltered',
      '按保存的输入和见证值重算的种子与封存的不一致，不能递补。请联系管理员核查数据库。',
    );
  const proof = completeDraw(prepared, rankingsOf(snapshot, latest.body), nodeSha256);
  recorded.forEach((a, i) => {
    if (proof.amendments[i].in !== a.in_id)
      throw new Error(`amendment ${i + 1} re-derived as ${proof.amendments[i].in}, recorded ${a.in_id}`);
  });
  const added = proof.amendments[recorded.length];
  clock.lap('teams');

  step.progress('保存递补记录', 1, 2);
  const at = step.now.toISOString();
  raw
    .transaction(() => {
      const amendment = {
        package_no: added.package,
        out_id: added.out,
        in_id: added.in,
        reason,
        at,
        actor: step.actor,
      };
      const auditHead = auditChainHead(raw);
      run(
        raw,
        qb.insertInto('draw_amendments').values({ draw_id: draw.id, ordinal: recorded.length + 1, ...amendment }),
      );
      const body: ProofBody = {
        ...latest.body,
        result: proof.result,
        amendments: proof.amendments,
        info: { ...latest.body.info, amendedAt: at, auditHead },
      };
      const record = recordResult(raw, draw, body, amendmentRows(raw, draw.id), draw.sealed_at!);
      const proofRow = { body: JSON.stringify(body), record: JSON.stringify(record) };
      run(
        raw,
        qb
          .insertInto('draw_proofs')
          .values({ draw_id: draw.id, version: latest.version + 1, sealed_at: at, ...proofRow, audit_head: auditHead }),
      );
      auditDraw(raw, step.actor, step.now, 'draws:amend', draw.id, { ...added, proofVersion: latest.version + 1 });
    })
    .immediate();
  clock.lap('store');
  return { timings: clock.timings };
}
