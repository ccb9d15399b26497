/**
 * The short steps of the ceremony, on the main thread, each in one transaction with its audit row: 承诺 (the nonce is
 * born here and only its hash is shown), 见证 (witness values, in turn) and 作废 (with a reason, never deleted).
 */
import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { computeNonceCommit } from '@shared/draw';
import type { DrawRecordCommit } from '@shared/domain/documents';
import type { DrawView, WitnessRepeat } from '@shared/domain/draws';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { all, first, qb, run, value as value_ } from '../db/sql';
import { auditDraw } from './draw-audit';
import type { ServiceContext } from '../app/context';
import { nodeSha256 } from './node-sha256';
import { assertWindowOpen } from './inputs';
import { recordCommit } from './records';
import { committedElsewhere, setState, wrongState } from './draw-state';
import { loadDrawRow } from './views';
import { drawView } from './draw-view';
import { readTask } from '../plans/tasks';

/** A request type with fields its schema defaults made optional again, for callers that do not go through IPC. */
export type Defaulted<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/**
 * 承诺: the nonce (32 bytes from the OS CSPRNG) is created and stored now — after the inputs were frozen, before any
 * witness speaks — and only nonceCommit = H(nonce) leaves this function. BEGIN IMMEDIATE: two clerks committing the
 * same task at once are serialised, and the second finds the first's commitment (or hits the unique index).
 */
export function commit(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  req: ParsedReq<'draws:commit'>,
): { draw: DrawView; record: DrawRecordCommit } {
  const place = req.place.trim();
  const operator = req.operator.trim();
  const supervisor = req.supervisor.trim();
  if (!place || !operator || !supervisor)
    throw new AppError('draw.commitInfo', '请填写抽取地点、操作人员和监督人员，它们将印在记录表上。');
  const now = ctx.now();
  const at = now.toISOString();
  const actor = ctx.actor();
  const nonce = randomBytes(32).toString('hex');
  const nonceCommit = computeNonceCommit(nonce, nodeSha256);
  raw
    .transaction(() => {
      const draw = loadDrawRow(raw, req.drawId);
      if (draw.state !== 'prepared') throw wrongState(draw, '承诺');
      assertWindowOpen(readTask(raw, draw.task_id), now);
      const refusal = committedElsewhere(raw, draw.task_id, draw.id);
      if (refusal) throw refusal;
      try {
        const committed = { nonce, nonce_commit: nonceCommit, committed_at: at, committed_by: actor };
        run(raw, setState(draw.id, 'prepared', 'committed').set({ ...committed, place, operator, supervisor }));
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw committedElsewhere(raw, draw.task_id, draw.id) ?? error;
        throw error;
      }
      // The task's other preparations can never be committed now: void them and free their stored inputs.
      const reason = `同一任务的另一次准备（抽取编号 ${draw.id}）已承诺`;
      const others = qb
        .updateTable('draws')
        .set({ state: 'voided', voided_at: at, voided_by: actor, void_reason: reason })
        .where('task_id', '=', draw.task_id)
        .where('state', '=', 'prepared');
      run(raw, others);
      const voided = qb
        .selectFrom('draws')
        .select('id')
        .where('task_id', '=', draw.task_id)
        .where('state', '=', 'voided')
        .where('committed_at', 'is', null);
      run(raw, qb.deleteFrom('draw_inputs').where('draw_id', 'in', voided));
      auditDraw(raw, actor, now, 'draws:commit', draw.id, {
        inputDigest: draw.input_digest,
        nonceCommit,
        place,
        operator,
        supervisor,
      });
    })
    .immediate();
  const draw = loadDrawRow(raw, req.drawId);
  return { draw: drawView(raw, draw.id), record: recordCommit(raw, draw) };
}

/** 见证: one witness's value (or the one public value), appended in order; only while committed. */
export function witness(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  req: Defaulted<ParsedReq<'draws:witness'>, 'kind'>,
): DrawView {
  const name = req.name.trim();
  const value = req.value.trim();
  const kind = req.kind ?? 'witness';
  if (!name)
    throw new AppError(
      'draw.witnessName',
      kind === 'public' ? '请填写公开值的来源（如“某期福利彩票开奖号码”）。' : '请填写见证人姓名。',
    );
  if (!value) throw new AppError('draw.witnessValue', '请填写见证值（任意数字或文字）。');
  const now = ctx.now();
  raw
    .transaction(() => {
      const draw = loadDrawRow(raw, req.drawId);
      if (draw.state !== 'committed') throw wrongState(draw, '录入见证值');
      const witnesses = qb.selectFrom('draw_witnesses').where('draw_id', '=', draw.id);
      if (kind === 'public' && first(raw, witnesses.select('id').where('kind', '=', 'public'))) {
        throw new AppError('draw.publicTwice', '公开值只能录入一个。');
      }
      const ordinal =
        (value_(
          raw,
          witnesses.select((eb) => eb.fn.max('ordinal').as('last')),
        ) ?? 0) + 1;
      const row = { draw_id: draw.id, ordinal, kind, name, role: req.role?.trim() ?? '', value };
      run(raw, qb.insertInto('draw_witnesses').values({ ...row, entered_at: now.toISOString(), actor: ctx.actor() }));
      auditDraw(raw, ctx.actor(), now, 'draws:witness', draw.id, { ordinal, kind, name, value });
    })
    .immediate();
  return drawView(raw, req.drawId);
}

/** Earlier entries of the same value (trimmed) by the same witness, in any draw, oldest first. */
export function witnessRepeats(raw: BetterSqlite3.Database, req: ParsedReq<'draws:witness-repeats'>): WitnessRepeat[] {
  const query = qb
    .selectFrom('draw_witnesses as w')
    .innerJoin('draws as d', 'd.id', 'w.draw_id')
    .innerJoin('tasks as t', 't.id', 'd.task_id')
    .select(['t.number as taskNumber', 'd.attempt', 'w.ordinal', 'w.entered_at as enteredAt'])
    .where('w.name', '=', req.name.trim())
    .where('w.value', '=', req.value.trim())
    .orderBy('w.entered_at')
    .orderBy('w.id');
  return all(raw, query);
}

/** 作废 with a reason: a committed or revealed draw stays on record; a mere preparation also frees its inputs. */
export function voidDraw(raw: BetterSqlite3.Database, ctx: ServiceContext, req: ParsedReq<'draws:void'>): DrawView {
  const reason = req.reason.trim();
  if (reason === '')
    throw new AppError('draw.voidReason', '作废抽取必须写明理由，理由将记入操作日志并公开在下一次抽取的输入中。');
  const now = ctx.now();
  raw
    .transaction(() => {
      const draw = loadDrawRow(raw, req.drawId);
      if (draw.state === 'sealed')
        throw new AppError('draw.sealedNoVoid', '已封存的抽取不能作废；如需更换检查人员，请使用递补。');
      if (draw.state === 'voided') throw wrongState(draw, '再次作废');
      const voided = {
        state: 'voided' as const,
        voided_at: now.toISOString(),
        voided_by: ctx.actor(),
        void_reason: reason,
      };
      run(raw, qb.updateTable('draws').set(voided).where('id', '=', draw.id));
      if (draw.committed_at === null) run(raw, qb.deleteFrom('draw_inputs').where('draw_id', '=', draw.id));
      auditDraw(raw, ctx.actor(), now, 'draws:void', draw.id, {
        from: draw.state,
        reason,
        nonceCommit: draw.nonce_commit,
      });
    })
    .immediate();
  return drawView(raw, req.drawId);
}
