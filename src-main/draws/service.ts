/**
 * The draw ceremony of one task (DRAW-SPEC §11), step by step:
 *   准备 (prepare, worker) → 承诺 (commit: the nonce is born here and only its hash is shown; record part one)
 *   → 见证 (witness values, in turn) → 揭晓 (reveal, worker) → 封存 (seal, worker: immutable proof, record part two)
 *   and 递补 (amend, worker) after sealing; a committed draw can be voided with a reason, never deleted or re-drawn.
 * The short steps run here, on the main thread, each in one transaction with its audit row; the long ones in the
 * draw worker (src-main/draws/job.ts) with progress, reported to the page and the projector (ceremonyState).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { computeNonceCommit } from '@shared/draw';
import type { DrawRecordCommit, DrawRecordResult } from '@shared/domain/documents';
import type { CeremonyState, DrawProgress, DrawView } from '@shared/domain/draws';
import { AppError } from '@shared/errors';
import type { DbConnection } from '../db/connection';
import { nodeSha256 } from './node-sha256';
import { DrawJobs, type DrawJobRequest } from './job';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { assertWindowOpen } from './inputs';
import { recordCommit } from './records';
import { committedElsewhere, wrongState, type StepTimings } from './steps';
import {
  ceremonyState,
  currentDrawId,
  drawView,
  latestProof,
  latestRecord,
  loadDrawRow,
  storedInputs,
  type ProofBody,
} from './views';
import type { FileTokens } from '../app/file-tokens';
import { readTask } from '../plans/tasks';

export interface DrawRenderers {
  renderDrawRecordCommitPdf(record: DrawRecordCommit): Promise<Buffer>;
  renderDrawRecordResultPdf(record: DrawRecordResult): Promise<Buffer>;
  /** The folder holding verify.html (the offline verify page). */
  resourcesDir(): string;
}

export interface DrawServiceDeps {
  files: FileTokens;
  renderers: () => Promise<DrawRenderers>;
  /** Pushes progress of long steps (the app sends it to the windows); ceremonyState reports it too. */
  onProgress?: (progress: DrawProgress) => void;
}

/**
 * The proof file: the stored body with C(inputs) put back as its "inputs" member, byte for byte as digested. Small
 * proofs are indented for people; a city-scale one stays compact (tens of MB).
 */
export function proofJson(body: ProofBody, canonicalInputs: Buffer): string {
  const { spec, ...rest } = body;
  const text = `{"spec":${JSON.stringify(spec)},"inputs":${canonicalInputs.toString('utf8')},${JSON.stringify(rest).slice(1)}`;
  return text.length < 2_000_000 ? JSON.stringify(JSON.parse(text), null, 1) : text;
}

export function createDrawService(conn: DbConnection, ctx: ServiceContext, deps: DrawServiceDeps) {
  const raw = conn.raw;
  const jobs = new DrawJobs(conn.path);
  const busy = new Map<number, DrawProgress>();
  /** Phase timings of the last long step (bench/ceremony.ts prints them). */
  let lastTimings: StepTimings = {};

  async function runStep(taskId: number, request: DrawJobRequest): Promise<{ drawId?: number }> {
    const startedAt = ctx.now().toISOString();
    // The roster dates are the tail of 封存 as far as the page and the projector are concerned.
    const step = request.op === 'roster-dates' ? 'seal' : request.op;
    const report = (label: string, done: number, total: number) => {
      const progress: DrawProgress = { taskId, step, label, done, total, startedAt };
      busy.set(taskId, progress);
      deps.onProgress?.(progress);
    };
    report('开始', 0, 1);
    try {
      const value = await jobs.run(request, { actor: ctx.actor(), now: ctx.now() }, (p) =>
        report(p.label, p.done, p.total),
      );
      lastTimings = value.timings;
      return value;
    } finally {
      busy.delete(taskId);
    }
  }

  const taskOf = (drawId: number) => loadDrawRow(raw, drawId).task_id;

  async function prepare(req: { taskId: number }): Promise<DrawView> {
    readTask(raw, req.taskId);
    const { drawId } = await runStep(req.taskId, { op: 'prepare', taskId: req.taskId });
    return drawView(raw, drawId!);
  }

  /**
   * 承诺: the nonce (32 bytes from the OS CSPRNG) is created and stored now — after the inputs were frozen, before any
   * witness speaks — and only nonceCommit = H(nonce) leaves this function. BEGIN IMMEDIATE: two clerks committing the
   * same task at once are serialised, and the second finds the first's commitment (or hits the unique index).
   */
  function commit(req: { drawId: number; place: string; operator: string; supervisor: string }): {
    draw: DrawView;
    record: DrawRecordCommit;
  } {
    const place = req.place.trim();
    const operator = req.operator.trim();
    const supervisor = req.supervisor.trim();
    if (!place || !operator || !supervisor)
      throw new AppError('draw.commitInfo', '请填写抽取地点、操作人员和监督人员,它们将印在记录表上。');
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
          raw
            .prepare(
              `UPDATE draws SET state = 'committed', nonce = ?, nonce_commit = ?, committed_at = ?, committed_by = ?, place = ?, operator = ?, supervisor = ?
             WHERE id = ? AND state = 'prepared'`,
            )
            .run(nonce, nonceCommit, at, actor, place, operator, supervisor, draw.id);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
            throw committedElsewhere(raw, draw.task_id, draw.id) ?? error;
          throw error;
        }
        // The task's other preparations can never be committed now: void them and free their stored inputs.
        raw
          .prepare(
            "UPDATE draws SET state = 'voided', voided_at = ?, voided_by = ?, void_reason = ? WHERE task_id = ? AND state = 'prepared'",
          )
          .run(at, actor, `同一任务的另一次准备(抽取编号 ${draw.id})已承诺`, draw.task_id);
        raw
          .prepare(
            "DELETE FROM draw_inputs WHERE draw_id IN (SELECT id FROM draws WHERE task_id = ? AND state = 'voided' AND committed_at IS NULL)",
          )
          .run(draw.task_id);
        appendAuditRaw(
          raw,
          {
            actor,
            action: 'draws:commit',
            target: `draws:${draw.id}`,
            detail: { inputDigest: draw.input_digest, nonceCommit, place, operator, supervisor },
          },
          now,
        );
      })
      .immediate();
    const draw = loadDrawRow(raw, req.drawId);
    return { draw: drawView(raw, draw.id), record: recordCommit(raw, draw) };
  }

  /** 见证: one witness's value (or the one public value), appended in order; only while committed. */
  function witness(req: {
    drawId: number;
    name: string;
    role?: string;
    value: string;
    kind?: 'witness' | 'public';
  }): DrawView {
    const name = req.name.trim();
    const value = req.value.trim();
    const kind = req.kind ?? 'witness';
    if (!name)
      throw new AppError(
        'draw.witnessName',
        kind === 'public' ? '请填写公开值的来源(如“某期福利彩票开奖号码”)。' : '请填写见证人姓名。',
      );
    if (!value) throw new AppError('draw.witnessValue', '请填写见证值(任意数字或文字)。');
    const now = ctx.now();
    raw
      .transaction(() => {
        const draw = loadDrawRow(raw, req.drawId);
        if (draw.state !== 'committed') throw wrongState(draw, '录入见证值');
        if (
          kind === 'public' &&
          raw.prepare("SELECT 1 FROM draw_witnesses WHERE draw_id = ? AND kind = 'public'").get(draw.id)
        ) {
          throw new AppError('draw.publicTwice', '公开值只能录入一个。');
        }
        const ordinal =
          ((raw.prepare('SELECT max(ordinal) FROM draw_witnesses WHERE draw_id = ?').pluck().get(draw.id) as
            number | null) ?? 0) + 1;
        raw
          .prepare(
            'INSERT INTO draw_witnesses (draw_id, ordinal, kind, name, role, value, entered_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(draw.id, ordinal, kind, name, req.role?.trim() ?? '', value, now.toISOString(), ctx.actor());
        appendAuditRaw(
          raw,
          {
            actor: ctx.actor(),
            action: 'draws:witness',
            target: `draws:${draw.id}`,
            detail: { ordinal, kind, name, value },
          },
          now,
        );
      })
      .immediate();
    return drawView(raw, req.drawId);
  }

  async function reveal(req: { drawId: number }): Promise<DrawView> {
    await runStep(taskOf(req.drawId), { op: 'reveal', drawId: req.drawId });
    return drawView(raw, req.drawId);
  }

  /**
   * 封存. The drawn entities' 最近被抽查日期 are set by the next step in the worker's queue (rosterDatesStep), which this
   * does not wait for: the ceremony is over once the proof is sealed. A failure there is retried before the next
   * 准备 (catchUpRosterDates), so nothing is lost; settle() waits for it.
   */
  async function seal(req: { drawId: number }): Promise<{ draw: DrawView }> {
    const taskId = taskOf(req.drawId);
    await runStep(taskId, { op: 'seal', drawId: req.drawId });
    runStep(taskId, { op: 'roster-dates', drawId: req.drawId }).catch(() => undefined);
    // Not part two of the record: at city scale it is ~15 MB the page does not show (resultRecord / the PDF export).
    return { draw: drawView(raw, req.drawId) };
  }

  async function amend(req: {
    drawId: number;
    packageNo: number;
    out: string;
    reason: string;
  }): Promise<{ draw: DrawView }> {
    if (req.reason.trim() === '') throw new AppError('draw.amendReason', '递补必须写明理由(如回避、因病请假)。');
    await runStep(taskOf(req.drawId), { op: 'amend', ...req });
    return { draw: drawView(raw, req.drawId) };
  }

  /** 作废 with a reason: a committed or revealed draw stays on record; a mere preparation also frees its inputs. */
  function voidDraw(req: { drawId: number; reason: string }): DrawView {
    const reason = req.reason.trim();
    if (reason === '')
      throw new AppError('draw.voidReason', '作废抽取必须写明理由,理由将记入操作日志并公开在下一次抽取的输入中。');
    const now = ctx.now();
    raw
      .transaction(() => {
        const draw = loadDrawRow(raw, req.drawId);
        if (draw.state === 'sealed')
          throw new AppError('draw.sealedNoVoid', '已封存的抽取不能作废;如需更换检查人员,请使用递补。');
        if (draw.state === 'voided') throw wrongState(draw, '再次作废');
        raw
          .prepare("UPDATE draws SET state = 'voided', voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?")
          .run(now.toISOString(), ctx.actor(), reason, draw.id);
        if (draw.committed_at === null) raw.prepare('DELETE FROM draw_inputs WHERE draw_id = ?').run(draw.id);
        appendAuditRaw(
          raw,
          {
            actor: ctx.actor(),
            action: 'draws:void',
            target: `draws:${draw.id}`,
            detail: { from: draw.state, reason, nonceCommit: draw.nonce_commit },
          },
          now,
        );
      })
      .immediate();
    return drawView(raw, req.drawId);
  }

  function get(req: {
    drawId?: number;
    taskId?: number;
    packagePage?: number;
    packagePageSize?: number;
  }): DrawView | null {
    const drawId = req.drawId ?? (req.taskId !== undefined ? currentDrawId(raw, req.taskId) : null);
    if (drawId === null) {
      if (req.taskId === undefined) throw new AppError('draw.notFound', '请指定抽取或任务。');
      readTask(raw, req.taskId);
      return null;
    }
    return drawView(raw, drawId, req.packagePage ?? 1, req.packagePageSize ?? 50);
  }

  function ceremony(req: { taskId: number }): CeremonyState {
    return ceremonyState(raw, req.taskId, busy.get(req.taskId) ?? null);
  }

  /** Part two of the record as sealed or last amended. */
  function resultRecord(drawId: number): DrawRecordResult {
    const record = latestRecord(raw, drawId);
    if (record === null) throw wrongState(loadDrawRow(raw, drawId), '打印记录表第二部分(封存后才有)');
    return record;
  }

  /** The published proof of a sealed draw (latest version), ready to verify. */
  function proofText(drawId: number): string {
    const draw = loadDrawRow(raw, drawId);
    const proof = latestProof(raw, drawId);
    if (draw.state !== 'sealed' || !proof) throw wrongState(draw, '导出抽取记录(封存后才能导出)');
    return proofJson(proof.body, storedInputs(raw, drawId)!);
  }

  function audit(action: string, drawId: number, detail: unknown) {
    raw
      .transaction(() =>
        appendAuditRaw(raw, { actor: ctx.actor(), action, target: `draws:${drawId}`, detail }, ctx.now()),
      )
      .immediate();
  }

  /** The proof JSON where the save dialog points, and the offline verify page beside it (to open in any browser). */
  async function exportProof(req: {
    drawId: number;
    fileToken: string;
  }): Promise<{ fileName: string; verifyPage: string }> {
    const text = proofText(req.drawId);
    const path = deps.files.resolve(req.fileToken, 'save');
    await writeFile(path, `${text}\n`, 'utf8');
    const verifyPath = join(dirname(path), `${basename(path, extname(path))}-离线验证页.html`);
    await copyFile(join((await deps.renderers()).resourcesDir(), 'verify.html'), verifyPath);
    audit('draws:export-proof', req.drawId, { file: basename(path), verifyPage: basename(verifyPath) });
    return { fileName: basename(path), verifyPage: basename(verifyPath) };
  }

  /** The record as PDF: part one (承诺) or part two (封存, with every 递补). */
  async function recordPdf(drawId: number, part: 'commit' | 'result'): Promise<Buffer> {
    const renderers = await deps.renderers();
    if (part === 'commit') return renderers.renderDrawRecordCommitPdf(recordCommit(raw, loadDrawRow(raw, drawId)));
    return renderers.renderDrawRecordResultPdf(resultRecord(drawId));
  }

  async function exportRecord(req: {
    drawId: number;
    part: 'commit' | 'result';
    fileToken: string;
  }): Promise<{ fileName: string }> {
    const bytes = await recordPdf(req.drawId, req.part);
    const path = deps.files.resolve(req.fileToken, 'save');
    await writeFile(path, bytes);
    audit('draws:export-record', req.drawId, { part: req.part, file: basename(path) });
    return { fileName: basename(path) };
  }

  return {
    prepare,
    commit,
    witness,
    reveal,
    seal,
    amend,
    void: voidDraw,
    get,
    ceremonyState: ceremony,
    resultRecord,
    commitRecord: (drawId: number) => recordCommit(raw, loadDrawRow(raw, drawId)),
    proofText,
    recordPdf,
    exportProof,
    exportRecord,
    /** Phase timings (ms) of the last long step, measured in the worker. */
    lastTimings: () => lastTimings,
    /** Waits for the queued long steps (e.g. the roster dates after 封存). */
    settle: () => jobs.settle(),
    /** Ends the draw worker once its queue is done (tests, CLI, app shutdown). */
    dispose: () => jobs.close(),
  };
}

export type DrawService = ReturnType<typeof createDrawService>;
