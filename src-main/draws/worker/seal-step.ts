/** 封存 in the draw worker. */
import type BetterSqlite3 from 'better-sqlite3';
import type { JsonValue } from '@shared/draw';
import { auditChainHead } from '../../audit/chain';
import { auditDraw } from '../draw-audit';
import { storedRecordResult } from '../records';
import { drawResultText, entitiesByCode, loadDrawRow, rankOfSelected, type ProofBody } from '../views';
import { setState, wrongState } from '../draw-state';
import { qb, run, statementFor } from '../../db/sql';
import { withoutAutoCheckpoint } from './roster-dates-step';
import { timer, type SnapshotCache, type StepContext, type StepTimings } from './step-context';

/**
 * 封存: the proof becomes immutable (draw_proofs v1), draw_selected is written in entity order (the index grows at its
 * end) and part two of the record is frozen with today's names; dates follow in rosterDatesStep. The city-scale choices
 * here (insertMany, sealedEntities, withInfo, compact record) are explained in docs/performance.md.
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
  // What 揭晓 stored, from this worker's cache when it revealed this draw (reading and parsing it again is costly at city
  // scale); a copy of the body, since withInfo sets its info.
  const revealedHere = cache?.get(drawId)?.revealed;
  const cached = revealedHere?.body.seed === draw.seed ? revealedHere : undefined;
  const revealed = cached?.text ?? drawResultText(raw, drawId)!;
  const body = cached ? { ...cached.body } : (JSON.parse(revealed) as ProofBody);
  const sealedAt = step.now.toISOString();
  clock.lap('read');
  step.progress('保存封存记录', 0, 1);
  const known = cache?.get(drawId)?.selectedIds;
  withoutAutoCheckpoint(raw, () =>
    raw
      .transaction(() => {
        const sealed = setState(drawId, 'revealed', 'sealed').set({ sealed_at: sealedAt, sealed_by: step.actor });
        const changed = run(raw, sealed).changes;
        if (changed !== 1) throw wrongState(loadDrawRow(raw, drawId), '封存');
        // The log's head as this transaction sees it, so the proof anchors every row written before it.
        const auditHead = auditChainHead(raw);
        const bodyText = withInfo(revealed, body, { ...body.info, sealedAt, sealedBy: step.actor, auditHead });
        const found = insertSelected(raw, drawId, body, known);
        clock.lap('selected');
        const record = storedRecordResult(raw, loadDrawRow(raw, drawId), body, [], sealedAt);
        clock.lap('record');
        const recordText = JSON.stringify(record);
        clock.lap('json');
        const proof = { draw_id: drawId, version: 1, sealed_at: sealedAt, body: bodyText, record: recordText };
        run(raw, qb.insertInto('draw_proofs').values({ ...proof, audit_head: auditHead }));
        auditDraw(raw, step.actor, step.now, 'draws:seal', drawId, {
          selected: body.result.selected.length,
          missingEntities: body.result.selected.length - found,
          proofVersion: 1,
        });
        clock.lap('proof');
      })
      .immediate(),
  );
  clock.lap('commit');
  return { timings: clock.timings };
}

/**
 * Sets `body.info` to `info` and returns JSON.stringify(body), given `text`, the stringified `body` as it was: it
 * replaces the text's last member when that is `info` (as 揭晓 stores it) instead of serialising a city-scale body again
 * (docs/performance.md); any other shape is serialised in full.
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
  return insertMany(raw, INSERT_SELECTED, 7, order.length, (params, at, n) => {
    const i = order[n];
    const entity = listed[i];
    params[at] = drawId;
    params[at + 1] = ids[i];
    params[at + 2] = entity.code;
    params[at + 3] = entity.stratum;
    params[at + 4] = ranks.get(entity.code)!.rank;
    params[at + 5] = entity.key;
    params[at + 6] = packageOf.get(entity.code);
  });
}

/** Hand-written (the measured bulk insert of 封存, insertMany): draw_selected's columns, in the order insertSelected fills. */
const INSERT_SELECTED = 'INSERT INTO draw_selected (draw_id, entity_id, code, stratum, rank, key, package_no)';

/**
 * `insert` (an `INSERT INTO table (columns)` prefix) of `count` rows of `width` values, ROWS_PER_INSERT per statement;
 * `fill` writes row n's values into `params` from `at`. Not one statement per row: SQLite opens a savepoint for each on
 * a table whose trigger may abort (docs/performance.md). Returns the number of rows inserted.
 */
function insertMany(
  raw: BetterSqlite3.Database,
  insert: string,
  width: number,
  count: number,
  fill: (params: unknown[], at: number, n: number) => void,
): number {
  const statement = (rows: number) =>
    statementFor(
      raw,
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
