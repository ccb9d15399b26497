/**
 * The long steps of a draw — 准备, 揭晓, 封存, 递补 — as functions over a raw connection. The draw worker
 * (src-main/draws/draw-worker.ts) runs them off the main thread with its own connection; each one validates first and
 * then writes everything in ONE transaction, so a refusal or a crash leaves nothing half-written.
 *
 * Speed at city scale (bench/ceremony.ts prints the figures): the candidates are read by one prepared `.raw()`
 * statement; C(inputs), the code table and the validation are one pass (encodeDrawInputs) into shared memory, which
 * the snapshot cache keeps from 准备 to 揭晓 so the ranking workers read the codes without a copy and nothing is
 * re-encoded; feasibility is first settled by a worst-case count (src-shared/domain/draws-feasibility.ts) and the
 * 100 trial seeds run only when the count proves nothing; 揭晓 ranks on two cores (parallel-draw.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  checkFeasibility,
  completeDraw,
  computeNonceCommit,
  deriveSeed,
  DrawErrorCode,
  encodeDrawInputs,
  hexToBytes,
  rankStratum,
  type DrawInputs,
  type EncodedInputs,
  type Entropy,
  type JsonValue,
  type PreparedDraw,
  type RankedCandidate,
} from '@shared/draw';
import type { DrawFeasibility, DrawPreparation } from '@shared/domain/draws';
import { feasibilityBound } from '@shared/domain/draws-feasibility';
import { describeInspectorScope, describeScope } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { nodeSha256 } from './node-sha256';
import { PARALLEL_THRESHOLD, rankAllParallel, sharedAllocate, type DrawWorkerPool } from './parallel-rank';
import { appendAuditRaw } from '../audit/service';
import { assertWindowOpen, buildDrawInputs } from './inputs';
import { chinaDate } from '@shared/domain/china-time';
import { recordResult, storedRecordResult } from './records';
import {
  amendmentRows,
  drawResultText,
  RESULT_ELSEWHERE,
  entitiesByCode,
  latestProof,
  loadDrawRow,
  packInputs,
  rankOfSelected,
  storedInputs,
  witnessesOf,
  type DrawRow,
  type ProofBody,
} from './views';
import type { ReadSnapshotElsewhere } from './scope';
import { readSettings, readTask } from '../plans/tasks';

export interface StepContext {
  actor: string;
  now: Date;
  /** Reports what the step is doing (the worker relays it to the page and the projector). */
  progress(label: string, done: number, total: number): void;
}

/** Milliseconds per phase, for the benchmark and the logs. */
export type StepTimings = Record<string, number>;

/** The frozen inputs of a prepared draw, kept in memory from 准备 to 揭晓 (and for 递补). */
export interface Snapshot {
  drawId: number;
  inputs: DrawInputs;
  encoded: EncodedInputs;
  inputDigest: string;
  /** Roster ids per stratum in candidate order, when 准备 ran in this worker (not after a restart). */
  entityIds?: Int32Array[];
  /** After 揭晓: the drawn entities' roster ids by code (from the rankings), for 封存. */
  selectedIds?: Map<string, number>;
  /** After 揭晓: what it stored in draw_results, as text and as the object it was made from, for 封存. */
  revealed?: { text: string; body: ProofBody };
}

/** At most two snapshots (a city-scale one is ~150 MB of objects plus ~90 MB of shared bytes). */
export class SnapshotCache {
  private readonly entries = new Map<number, Snapshot>();

  get(drawId: number): Snapshot | undefined {
    return this.entries.get(drawId);
  }

  set(snapshot: Snapshot): void {
    this.entries.delete(snapshot.drawId);
    this.entries.set(snapshot.drawId, snapshot);
    while (this.entries.size > 2) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(drawId: number): void {
    this.entries.delete(drawId);
  }
}

function timer() {
  const timings: StepTimings = {};
  let last = performance.now();
  return {
    timings,
    lap(name: string) {
      const now = performance.now();
      timings[name] = Math.round(now - last);
      last = now;
    },
  };
}

/** A refusal that names where the draw stands, for any step that needs another state. */
export function wrongState(draw: DrawRow, wanted: string): AppError {
  const why: Record<DrawRow['state'], string> = {
    prepared: '这次抽取尚未承诺',
    committed: '这次抽取已承诺、尚未揭晓',
    revealed: '这次抽取已揭晓、尚未封存',
    sealed: '这次抽取已封存',
    voided: `这次抽取已作废(${draw.void_reason ?? ''})`,
  };
  return new AppError('draw.wrongState', `${why[draw.state]},不能${wanted}。`, { state: draw.state });
}

/** The task's committed draw, if any, as a Chinese refusal to start another. */
export function committedElsewhere(raw: BetterSqlite3.Database, taskId: number, exceptDrawId = -1): AppError | null {
  const other = raw
    .prepare(
      "SELECT id, committed_by, committed_at, state FROM draws WHERE task_id = ? AND state IN ('committed', 'revealed', 'sealed') AND id <> ?",
    )
    .get(taskId, exceptDrawId) as { id: number; committed_by: string; committed_at: string; state: string } | undefined;
  if (!other) return null;
  return new AppError(
    'draw.alreadyCommitted',
    `该任务的抽取已由 ${other.committed_by} 于 ${other.committed_at.slice(0, 16).replace('T', ' ')} 承诺(抽取编号 ${other.id})。一个任务只能有一次有效抽取;如确需重新抽取,须先作废该次抽取并写明理由。`,
    { drawId: other.id },
  );
}

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
  const plan = raw.prepare('SELECT title, version FROM plans WHERE id = ?').get(task.planId) as {
    title: string;
    version: number;
  };
  if (plan.version === 0)
    throw new AppError('draw.planNotPublished', `《${plan.title}》尚未公示。年度抽查计划须先公示,才能按计划抽取。`);
  assertWindowOpen(task, step.now);
  const refusal = committedElsewhere(raw, taskId);
  if (refusal) throw refusal;

  step.progress('读取检查对象和执法人员', 0, 4);
  const settings = readSettings(raw);
  const built = await buildDrawInputs(raw, task, settings, readElsewhere);
  clock.lap(built.runs ? 'snapshot (2 threads)' : 'snapshot');

  step.progress(`计算输入摘要(${built.candidates} 户)`, 1, 4);
  const { inputs, encoded } = encodeDrawInputs(built.inputs, sharedAllocate, built.runs);
  clock.lap('encode');
  const inputDigest = nodeSha256.hexOfParts!(encoded.parts);
  clock.lap('digest');

  step.progress('可行性检查', 2, 4);
  const bound = feasibilityBound(inputs);
  let feasibility: DrawFeasibility;
  if (bound.proven) {
    feasibility = { feasible: true, method: 'bound', trials: 0, failedTrials: 0, advice: '' };
  } else {
    const report = checkFeasibility(inputs, nodeSha256);
    feasibility = {
      feasible: report.feasible,
      method: 'trials',
      trials: report.trials,
      failedTrials: report.failedTrials,
      advice: report.advice,
      report,
    };
    if (!report.feasible) {
      throw new AppError(
        DrawErrorCode.infeasible,
        `无法保证每个名单包都能组成检查组,本次准备未保存。${report.advice}`,
        report,
      );
    }
  }
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
  const at = step.now.toISOString();
  const packed = await packInputs(encoded.parts);
  clock.lap('compress');
  const drawId = raw
    .transaction(() => {
      const race = committedElsewhere(raw, taskId);
      if (race) throw race;
      const id = Number(
        raw
          .prepare(
            "INSERT INTO draws (task_id, attempt, state, prepared_at, prepared_by, input_digest, summary) VALUES (?, ?, 'prepared', ?, ?, ?, ?)",
          )
          .run(taskId, built.attempt, at, step.actor, inputDigest, JSON.stringify(preparation)).lastInsertRowid,
      );
      raw.prepare('INSERT INTO draw_inputs (draw_id, canonical) VALUES (?, ?)').run(id, packed);
      appendAuditRaw(
        raw,
        {
          actor: step.actor,
          action: 'draws:prepare',
          target: `draws:${id}`,
          detail: {
            taskId,
            attempt: built.attempt,
            inputDigest,
            candidates: built.candidates,
            quota: built.quota,
            inspectors: preparation.inspectors,
            feasibility: feasibility.method,
          },
        },
        step.now,
      );
      return id;
    })
    .immediate();
  clock.lap('store');
  cache.set({ drawId, inputs, encoded, inputDigest, entityIds: built.entityIds });
  return { drawId, timings: clock.timings };
}

/**
 * The snapshot of a draw: from the cache, or rebuilt from the stored C(inputs) — checked against the committed
 * digest first, so inputs altered in the database can never be drawn from.
 */
function snapshotOf(raw: BetterSqlite3.Database, draw: DrawRow, cache: SnapshotCache): Snapshot {
  const cached = cache.get(draw.id);
  if (cached && cached.inputDigest === draw.input_digest) return cached;
  const canonical = storedInputs(raw, draw.id);
  if (!canonical || nodeSha256.hex(canonical) !== draw.input_digest) {
    throw new AppError(
      'draw.inputsAltered',
      '数据库中保存的抽取输入与承诺的输入摘要不符(可能被改动),不能继续。请联系管理员核查数据库。',
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
  if (named.length === 0) throw new AppError('draw.noWitness', '请至少录入一位见证人的见证值,再揭晓。');
  const publicValue = witnesses.find((w) => w.kind === 'public');
  // Names go with the values (DRAW-SPEC §8 allows it; only `value` enters the seed).
  return {
    witnesses: named.map((w) => ({ name: w.name, value: w.value })),
    public: publicValue ? publicValue.value : null,
  };
}

function preparedFor(
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
    bureau: readSettings(raw).bureauName,
    taskNumber: task.number,
    taskName: task.name,
    place: draw.place ?? '',
    operator: draw.operator ?? '',
    supervisor: draw.supervisor ?? '',
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
      const changed = raw
        .prepare(
          "UPDATE draws SET state = 'revealed', revealed_at = ?, seed = ?, result = ? WHERE id = ? AND state = 'committed'",
        )
        .run(revealedAt, proof.seed, RESULT_ELSEWHERE, drawId).changes;
      if (changed !== 1) throw wrongState(loadDrawRow(raw, drawId), '揭晓');
      // Beside the draws row, not in it (migration 0005): 封存 then updates a small row, not one holding 8 MB.
      raw.prepare('INSERT INTO draw_results (draw_id, result) VALUES (?, ?)').run(drawId, text);
      appendAuditRaw(
        raw,
        {
          actor: step.actor,
          action: 'draws:reveal',
          target: `draws:${drawId}`,
          detail: { seed: proof.seed, selected: proof.result.selected.length, packages: proof.result.packages.length },
        },
        step.now,
      );
    })
    .immediate();
  snapshot.revealed = { text, body };
  clock.lap('store');
  return { timings: clock.timings };
}

/**
 * 封存: the proof becomes immutable (draw_proofs v1), the drawn entities are listed (draw_selected, in entity order so
 * the index grows at its end), and part two of the record is frozen with the names as they are now. The entities'
 * 最近被抽查日期 follow in rosterDatesStep, queued right behind this step.
 *
 * Speed at city scale (48,000 drawn): draw_selected is written 500 rows per statement (insertMany), the names come back
 * as one JSON row (sealedEntities), the people in one statement (lookupPeople); the 8 MB revealed text is not in the
 * draws row this step updates (draw_results, migration 0005) and comes from this worker's cache when it revealed the
 * draw, the sealed body's text is the revealed text with a new info (withInfo), part two of the
 * record is stored compact (StoredRecordResult); and the WAL checkpoint of what this step wrote is left to the
 * roster-dates step queued right behind it (withoutAutoCheckpoint).
 */
export function sealStep(
  raw: BetterSqlite3.Database,
  drawId: number,
  step: StepContext,
  cache?: SnapshotCache,
): { timings: StepTimings } {
  const clock = timer();
  const draw = loadDrawRow(raw, drawId);
  if (draw.state !== 'revealed') throw wrongState(draw, '封存');
  // What 揭晓 stored, from this worker's cache when it revealed this draw (at city scale reading and parsing the 8 MB
  // text again costs ~100–160 ms); a copy of the body, since withInfo sets its info.
  const revealedHere = cache?.get(drawId)?.revealed;
  const cached = revealedHere?.body.seed === draw.seed ? revealedHere : undefined;
  const revealed = cached?.text ?? drawResultText(raw, drawId)!;
  const body = cached ? { ...cached.body } : (JSON.parse(revealed) as ProofBody);
  const sealedAt = step.now.toISOString();
  const bodyText = withInfo(revealed, body, { ...body.info, sealedAt, sealedBy: step.actor });
  clock.lap('read');
  step.progress('保存封存记录', 0, 1);
  const known = cache?.get(drawId)?.selectedIds;
  withoutAutoCheckpoint(raw, () =>
    raw
      .transaction(() => {
        const changed = raw
          .prepare(
            "UPDATE draws SET state = 'sealed', sealed_at = ?, sealed_by = ? WHERE id = ? AND state = 'revealed'",
          )
          .run(sealedAt, step.actor, drawId).changes;
        if (changed !== 1) throw wrongState(loadDrawRow(raw, drawId), '封存');
        const found = insertSelected(raw, drawId, body, known);
        clock.lap('selected');
        const record = storedRecordResult(raw, loadDrawRow(raw, drawId), body, [], sealedAt);
        clock.lap('record');
        const recordText = JSON.stringify(record);
        clock.lap('json');
        raw
          .prepare('INSERT INTO draw_proofs (draw_id, version, sealed_at, body, record) VALUES (?, 1, ?, ?, ?)')
          .run(drawId, sealedAt, bodyText, recordText);
        appendAuditRaw(
          raw,
          {
            actor: step.actor,
            action: 'draws:seal',
            target: `draws:${drawId}`,
            detail: {
              selected: body.result.selected.length,
              missingEntities: body.result.selected.length - found,
              proofVersion: 1,
            },
          },
          step.now,
        );
        clock.lap('proof');
      })
      .immediate(),
  );
  clock.lap('commit');
  return { timings: clock.timings };
}

/**
 * Sets `body.info` to `info` and returns JSON.stringify(body), given `text`, the JSON.stringify of `body` as it was — by
 * replacing the last member of the text when that is `info` (as 揭晓 stores it) rather than serialising the whole body
 * again (8 MB at city scale, ~40–60 ms). Any other shape is serialised in full.
 */
export function withInfo(text: string, body: ProofBody, info: { [name: string]: JsonValue }): string {
  const keys = Object.keys(body);
  const last = body.info === undefined ? undefined : `,"info":${JSON.stringify(body.info)}}`;
  body.info = info;
  if (keys[keys.length - 1] !== 'info' || last === undefined || !text.endsWith(last)) return JSON.stringify(body);
  return `${text.slice(0, text.length - last.length)},"info":${JSON.stringify(info)}}`;
}

/**
 * Lists a sealing draw's entities in draw_selected; returns how many were found in the roster. `known`: the roster ids
 * 准备 read with the candidates (code → id), kept by 揭晓 in this worker; without them (after a restart) the codes are
 * looked up in the roster (entitiesByCode). Rows go in entity id order.
 */
function insertSelected(
  raw: BetterSqlite3.Database,
  drawId: number,
  body: ProofBody,
  known: Map<string, number> | undefined,
): number {
  const ranks = rankOfSelected(body);
  const packageOf = new Map<string, number>();
  for (const p of body.result.packages) for (const code of p.entities) packageOf.set(code, p.no);
  const idOf = known ?? new Map([...entitiesByCode(raw, ranks.keys())].map(([code, entity]) => [code, entity.id]));
  // An entity no longer in the roster (possible only after a restart) is left out, as a join would.
  const listed = body.result.selected.filter((entity) => idOf.has(entity.code));
  const ids = Float64Array.from(listed, (entity) => idOf.get(entity.code)!);
  const order = Uint32Array.from(listed.keys()).sort((a, b) => ids[a] - ids[b] || a - b);
  return insertMany(
    raw,
    'INSERT INTO draw_selected (draw_id, entity_id, code, stratum, rank, key, package_no)',
    7,
    order.length,
    (params, at, n) => {
      const i = order[n];
      const entity = listed[i];
      params[at] = drawId;
      params[at + 1] = ids[i];
      params[at + 2] = entity.code;
      params[at + 3] = entity.stratum;
      params[at + 4] = ranks.get(entity.code)!.rank;
      params[at + 5] = entity.key;
      params[at + 6] = packageOf.get(entity.code);
    },
  );
}

/**
 * `insert` (an `INSERT INTO table (columns)` prefix) of `count` rows of `width` values, ROWS_PER_INSERT rows per
 * statement; `fill` writes row n's values into `params` from index `at`. One statement per row cost three times as
 * much at 48,000 rows (measured), most of it the savepoint SQLite opens for each statement on a table with a trigger
 * that may abort. Returns the number of rows inserted.
 */
function insertMany(
  raw: BetterSqlite3.Database,
  insert: string,
  width: number,
  count: number,
  fill: (params: unknown[], at: number, n: number) => void,
): number {
  const statement = (rows: number) =>
    raw.prepare(
      `${insert} VALUES ${Array(rows)
        .fill(`(${Array(width).fill('?').join(', ')})`)
        .join(', ')}`,
    );
  const full = count >= ROWS_PER_INSERT ? statement(ROWS_PER_INSERT) : null;
  let inserted = 0;
  for (let first = 0; first < count; first += ROWS_PER_INSERT) {
    const rows = Math.min(ROWS_PER_INSERT, count - first);
    const params: unknown[] = new Array(rows * width);
    for (let n = 0; n < rows; n++) fill(params, n * width, first + n);
    inserted += (rows === ROWS_PER_INSERT ? full! : statement(rows)).run(params).changes;
  }
  return inserted;
}

/** 500 rows of draw_selected's 7 columns: 3,500 parameters, well under SQLite's limit (32,766). */
const ROWS_PER_INSERT = 500;

/**
 * Each drawn entity's 最近被抽查日期 becomes the seal date (the bureau's calendar day), with a roster change-log row per
 * entity (source 'bulk', batch draw:<id>), in one transaction that also writes the draw_roster_dates marker.
 * Why the seal date: the recent-inspection exclusion exists so the same entity is not drawn again and again; waiting
 * for results would leave weeks in which another task could draw it again, and a voided draw never gets here.
 * Idempotent; set-based (one statement for the log, one for the dates).
 *
 * What it costs at city scale is the pages it rewrites, not the statements (their plans use the primary keys; no
 * trigger fires: those on entities watch name, codes and tags only): 48,000 scattered roster rows sit on ~34,000 of the
 * table's ~63,000 pages, and with the change log's record index and the date index that is ~47,000 pages (~185 MB)
 * written to the WAL and then copied into the database file. So: each roster page read once (the log and the dates in
 * slices; one statement each read all 34,000 pages twice through the 16 MB page cache, which also spilled and re-read
 * dirty pages), no statement journal for the UPDATE (see below), and the checkpoint — this step's pages and 封存's —
 * as a lap of its own right after the commit.
 */
export function rosterDatesStep(
  raw: BetterSqlite3.Database,
  drawId: number,
  step: StepContext,
): { timings: StepTimings } {
  const clock = timer();
  const draw = loadDrawRow(raw, drawId);
  if (draw.state !== 'sealed' || raw.prepare('SELECT 1 FROM draw_roster_dates WHERE draw_id = ?').get(drawId))
    return { timings: clock.timings };
  step.progress('登记抽中对象的最近被抽查日期', 0, 1);
  const sealDate = chinaDate(new Date(draw.sealed_at!));
  const recent = '(e.last_inspected_on IS NULL OR e.last_inspected_on < @sealDate)';
  const params = { at: draw.sealed_at, actor: draw.sealed_by, sealDate, batch: `draw:${drawId}`, drawId };
  withoutAutoCheckpoint(raw, () =>
    raw
      .transaction(() => {
        // Slices of the drawn entities in roster id order, each logged and then dated while its roster pages are still in
        // the page cache (ORDER BY s.entity_id = e.id: draw_selected's primary key order, no sort). The change-log ids
        // come out in entity order, as from one statement.
        const log = raw.prepare(
          `INSERT INTO roster_changes (at, actor, roster, record_id, record_key, action, source, batch, before, after)
         SELECT @at, @actor, 'entities', e.id, 'code:' || s.code, 'update', 'bulk', @batch, json_object('last_inspected_on', e.last_inspected_on),
                json_object('last_inspected_on', @sealDate)
         FROM draw_selected s JOIN entities e ON e.id = s.entity_id
         WHERE s.draw_id = @drawId AND s.entity_id BETWEEN @first AND @last AND ${recent} ORDER BY s.entity_id`,
        );
        // OR FAIL, not the default ABORT: the columns written carry no UNIQUE or CHECK constraint (updated_at's NOT NULL
        // always holds), and any error still rolls back the whole transaction (raw.transaction) — but ABORT makes SQLite
        // copy every page the statement first touches into a statement journal (a temporary file: ~37,000 pages at city
        // scale, seen with strace) so as to undo this one statement alone.
        const date = raw.prepare(
          `UPDATE OR FAIL entities AS e SET last_inspected_on = @sealDate, updated_at = @at
         WHERE id IN (SELECT entity_id FROM draw_selected WHERE draw_id = @drawId AND entity_id BETWEEN @first AND @last) AND ${recent}`,
        );
        const ids = raw
          .prepare('SELECT entity_id FROM draw_selected WHERE draw_id = ? ORDER BY entity_id')
          .pluck()
          .all(drawId) as number[];
        let updated = 0;
        for (let at = 0; at < ids.length; at += ROSTER_DATES_SLICE) {
          const slice = { ...params, first: ids[at], last: ids[Math.min(at + ROSTER_DATES_SLICE, ids.length) - 1] };
          updated += log.run(slice).changes;
          date.run(slice);
        }
        raw
          .prepare('INSERT INTO draw_roster_dates (draw_id, done_at, updated) VALUES (?, ?, ?)')
          .run(drawId, step.now.toISOString(), updated);
        clock.lap('dates');
      })
      .immediate(),
  );
  clock.lap('commit');
  raw.pragma('wal_checkpoint(PASSIVE)');
  clock.lap('checkpoint');
  return { timings: clock.timings };
}

/** Drawn entities per slice in rosterDatesStep: ~1,400 roster pages at city scale, well inside the 16 MB page cache. */
const ROSTER_DATES_SLICE = 2000;

/**
 * Runs `work` with this connection's automatic WAL checkpoint off, then puts the setting back. 封存 leaves the checkpoint
 * of what it wrote to the roster-dates step queued right behind it in this worker, which checkpoints once for both; the
 * data is committed either way (a crash in between leaves the frames in the WAL, which SQLite checkpoints later).
 */
function withoutAutoCheckpoint<T>(raw: BetterSqlite3.Database, work: () => T): T {
  const pages = raw.pragma('wal_autocheckpoint', { simple: true }) as number;
  raw.pragma('wal_autocheckpoint = 0');
  try {
    return work();
  } finally {
    raw.pragma(`wal_autocheckpoint = ${pages}`);
  }
}

/** Sealed draws whose entities' dates are not set yet (a crash or a closed program right after 封存), oldest first. */
export function catchUpRosterDates(raw: BetterSqlite3.Database, step: StepContext): void {
  const pending = raw
    .prepare(
      "SELECT id FROM draws d WHERE state = 'sealed' AND NOT EXISTS (SELECT 1 FROM draw_roster_dates r WHERE r.draw_id = d.id) ORDER BY id",
    )
    .pluck()
    .all() as number[];
  for (const drawId of pending) rosterDatesStep(raw, drawId, step);
}

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
  request: { drawId: number; packageNo: number; out: string; reason: string },
  step: StepContext,
  cache: SnapshotCache,
): { timings: StepTimings } {
  const clock = timer();
  const reason = request.reason.trim();
  if (reason === '') throw new AppError('draw.amendReason', '递补必须写明理由(如回避、因病请假)。');
  const draw = loadDrawRow(raw, request.drawId);
  if (draw.state !== 'sealed') throw wrongState(draw, '递补人员(递补在封存之后进行)');
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
      '按保存的输入和见证值重算的种子与封存的不一致,不能递补。请联系管理员核查数据库。',
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
      raw
        .prepare(
          'INSERT INTO draw_amendments (draw_id, ordinal, package_no, out_id, in_id, reason, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(draw.id, recorded.length + 1, added.package, added.out, added.in, reason, at, step.actor);
      const body: ProofBody = {
        ...latest.body,
        result: proof.result,
        amendments: proof.amendments,
        info: { ...latest.body.info, amendedAt: at },
      };
      const record = recordResult(raw, draw, body, amendmentRows(raw, draw.id), draw.sealed_at!);
      raw
        .prepare('INSERT INTO draw_proofs (draw_id, version, sealed_at, body, record) VALUES (?, ?, ?, ?, ?)')
        .run(draw.id, latest.version + 1, at, JSON.stringify(body), JSON.stringify(record));
      appendAuditRaw(
        raw,
        {
          actor: step.actor,
          action: 'draws:amend',
          target: `draws:${draw.id}`,
          detail: { ...added, proofVersion: latest.version + 1 },
        },
        step.now,
      );
    })
    .immediate();
  clock.lap('store');
  return { timings: clock.timings };
}
