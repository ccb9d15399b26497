/**
 * The read side of draws: the stored rows (the draw, its inputs, its proofs, witnesses and amendments) that the page
 * and the projector (draw-view.ts) and the printed record (records.ts) are made of.
 */
import { constants as zlibConstants, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import type BetterSqlite3 from 'better-sqlite3';
import type { DrawProof } from '@shared/draw';
import type { WitnessView } from '@shared/domain/draws';
import { publicEntityName } from '@shared/domain/entity-names';
import { AppError } from '@shared/errors';
import { sql } from 'kysely';
import type { DrawAmendmentsTable, DrawsTable } from '../db/schema';
import { all, first, qb, value } from '../db/sql';
import { jsonList } from './json-list';

/**
 * A draws row without `result`: that column may hold a large revealed proof (newer draws keep it in draw_results),
 * which every look at a draw's state would otherwise copy out of SQLite. The few readers that need it call
 * drawResultText.
 */
export type DrawRow = Omit<DrawsTable, 'id' | 'result'> & { id: number };

const DRAW_ROW_COLUMNS = [
  'id',
  'task_id',
  'attempt',
  'state',
  'prepared_at',
  'prepared_by',
  'input_digest',
  'summary',
  'committed_at',
  'committed_by',
  'place',
  'operator',
  'supervisor',
  'nonce',
  'nonce_commit',
  'revealed_at',
  'seed',
  'sealed_at',
  'sealed_by',
  'voided_at',
  'voided_by',
  'void_reason',
] as const satisfies readonly (keyof DrawRow)[];
type Unselected = Exclude<keyof DrawRow, (typeof DRAW_ROW_COLUMNS)[number]>;
// A DrawRow field missing from the list above is a compile error here ("true" is not assignable to its name).
const everyColumnSelected: [Unselected] extends [never] ? true : Unselected = true;
void everyColumnSelected;

/** The stored proof without its inputs (they are spliced back from draw_inputs on export). */
export type ProofBody = Omit<DrawProof, 'inputs'>;

/**
 * C(inputs) as stored: raw DEFLATE at level 1, as the canonical JSON repeats keys, offices and areas (the saving is in
 * docs/performance.md); a reader checks SHA-256 of the inflated bytes against the committed inputDigest. Pieces deflate
 * at once on libuv's pool and join as pigz does (full flush between), from views of `parts`, never a joined copy.
 */
export async function packInputs(parts: readonly Uint8Array[]): Promise<Buffer> {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  if (total < 2 << 20) return deflateRawSync(Buffer.concat(parts), { level: 1 });
  const pieces = inputPieces(parts, Math.ceil(total / 2));
  // This thread only waits: zlib's async route comes back to JavaScript after each output chunk, so a piece deflated
  // synchronously here would stall the others at their first chunk (measured: no faster than one thread). Output
  // chunks as large as the piece make each a single trip.
  const packed = await Promise.all(
    pieces.map(
      (piece, i) =>
        new Promise<Buffer>((resolve, reject) =>
          deflateRaw(
            piece,
            {
              level: 1,
              finishFlush: i === pieces.length - 1 ? zlibConstants.Z_FINISH : zlibConstants.Z_FULL_FLUSH,
              chunkSize: Math.max(piece.length, 1024),
            },
            (error, out) => (error ? reject(error) : resolve(out)),
          ),
        ),
    ),
  );
  return Buffer.concat(packed);
}

/** `parts` as consecutive non-empty views of at most `size` bytes (a part longer than that is cut, none is joined). */
function inputPieces(parts: readonly Uint8Array[], size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (const part of parts)
    for (let at = 0; at < part.length; at += size) pieces.push(part.subarray(at, Math.min(at + size, part.length)));
  return pieces;
}

/** The exact bytes of C(inputs) of a draw (inflated from draw_inputs); null when they were freed (a voided preparation). */
export function storedInputs(raw: BetterSqlite3.Database, drawId: number): Buffer | null {
  const packed = value(raw, qb.selectFrom('draw_inputs').select('canonical').where('draw_id', '=', drawId));
  return packed ? inflateRawSync(packed) : null;
}

export function loadDrawRow(raw: BetterSqlite3.Database, id: number): DrawRow {
  const row = first(raw, qb.selectFrom('draws').select(DRAW_ROW_COLUMNS).where('id', '=', id));
  if (!row) throw new AppError('draw.notFound', `没有找到这次抽取（编号 ${id}）。`);
  return row;
}

/**
 * draws.result of a draw revealed from migration 0005 on: the table's CHECKs want JSON there once a draw is revealed,
 * and the text itself is in draw_results.
 */
export const RESULT_ELSEWHERE = '{"storedIn":"draw_results"}';

/**
 * What 揭晓 derived (the proof without inputs, JSON), or null before 揭晓: from draw_results (migration 0005), or from
 * draws.result for a draw revealed by an earlier version.
 */
export function drawResultText(raw: BetterSqlite3.Database, id: number): string | null {
  return (
    value(raw, qb.selectFrom('draw_results').select('result').where('draw_id', '=', id)) ??
    value(raw, qb.selectFrom('draws').select('result').where('id', '=', id)) ??
    null
  );
}

/** The draw a task is at: the one that counts (committed or further), else the newest preparation, else the newest void. */
export function currentDrawId(raw: BetterSqlite3.Database, taskId: number): number | null {
  const standing = sql`CASE WHEN state IN ('committed', 'revealed', 'sealed') THEN 0 WHEN state = 'prepared' THEN 1 ELSE 2 END`;
  const query = qb
    .selectFrom('draws')
    .select('id')
    .where('task_id', '=', taskId)
    .orderBy(standing)
    .orderBy('id', 'desc')
    .limit(1);
  return value(raw, query) ?? null;
}

/**
 * Parsed proof bodies, by seed and version ('r': the one 揭晓 derived). They never change once written, so the page
 * and the projector (which polls) parse a city-scale body once, not on every look.
 */
const bodies = new Map<string, ProofBody>();

function cachedBody(key: string, text: () => string): ProofBody {
  let body = bodies.get(key);
  if (!body) {
    body = JSON.parse(text()) as ProofBody;
    bodies.set(key, body);
    while (bodies.size > 4) bodies.delete(bodies.keys().next().value!);
  }
  return body;
}

function proofColumn(column: 'body' | 'record', drawId: number, version: number) {
  return qb.selectFrom('draw_proofs').select(column).where('draw_id', '=', drawId).where('version', '=', version);
}

export function latestProof(raw: BetterSqlite3.Database, drawId: number): { version: number; body: ProofBody } | null {
  const latest = first(
    raw,
    qb
      .selectFrom('draw_proofs as p')
      .innerJoin('draws as d', 'd.id', 'p.draw_id')
      .select((eb) => [eb.fn.max('p.version').as('version'), 'd.seed'])
      .where('p.draw_id', '=', drawId),
  );
  const version = latest?.version ?? null;
  if (latest === undefined || version === null) return null;
  // Keyed by the seed (fresh randomness for every draw), not the row id: ids repeat across databases.
  const body = cachedBody(`${latest.seed}:${version}`, () => value(raw, proofColumn('body', drawId, version))!);
  return { version, body };
}

/** The draw's result as it stands: the latest sealed proof (after 递补), else what 揭晓 derived, else null. */
export function currentBody(raw: BetterSqlite3.Database, draw: DrawRow): ProofBody | null {
  if (draw.state === 'sealed') return latestProof(raw, draw.id)?.body ?? null;
  // 揭晓 writes the seed and the result together; the text is read only when this body is not parsed yet.
  const key = `${draw.seed}:r`;
  const known = draw.seed === null ? undefined : bodies.get(key);
  if (known) return known;
  const text = drawResultText(raw, draw.id);
  return text === null ? null : cachedBody(key, () => text);
}

export function witnessesOf(raw: BetterSqlite3.Database, drawId: number): WitnessView[] {
  const query = qb
    .selectFrom('draw_witnesses')
    .select(['ordinal', 'kind', 'name', 'role', 'value', 'entered_at'])
    .where('draw_id', '=', drawId)
    .orderBy('ordinal');
  return all(raw, query).map((w) => ({
    ordinal: w.ordinal,
    kind: w.kind,
    name: w.name,
    role: w.role,
    value: w.value,
    enteredAt: w.entered_at,
  }));
}

export type AmendmentRow = Omit<DrawAmendmentsTable, 'id' | 'draw_id'>;

export function amendmentRows(raw: BetterSqlite3.Database, drawId: number): AmendmentRow[] {
  const query = qb
    .selectFrom('draw_amendments')
    .select(['ordinal', 'package_no', 'out_id', 'in_id', 'reason', 'at', 'actor'])
    .where('draw_id', '=', drawId)
    .orderBy('ordinal');
  return all(raw, query);
}

/** An entity as the draw's lists show it: its name as published (publicEntityName). */
export interface EntityBrief {
  id: number;
  name: string;
  address: string;
}

/** The published name: the stored one, or the operator's masked when the name was built from him. */
function briefName(name: string, operatorOfBuiltName: string | null): string {
  if (operatorOfBuiltName === null) return name;
  return publicEntityName({ name, legalRep: operatorOfBuiltName, nameFromOperator: true });
}

/** The operator, only for a name built from him (else null): all the published name needs beyond `name`. */
const builtNameOperator = sql<string | null>`CASE WHEN name_from_operator = 1 THEN legal_rep END`.as('operator');

/** Entities by draw code (USCC, or 注册号 for a record without one), for the codes given. */
export function entitiesByCode(raw: BetterSqlite3.Database, codes: Iterable<string>): Map<string, EntityBrief> {
  const wanted = [...new Set(codes)];
  const brief = qb.selectFrom('entities').select(['id', 'name', 'address', builtNameOperator]).orderBy('id');
  const out = new Map<string, EntityBrief>();
  const add = (
    code: string,
    { id, name, address, operator }: { id: number; name: string; address: string; operator: string | null },
  ) => {
    if (!out.has(code)) out.set(code, { id, name: briefName(name, operator), address });
  };
  for (const { uscc, ...row } of all(raw, brief.select('uscc').where('uscc', 'in', jsonList(wanted)))) add(uscc!, row);
  const rest = wanted.filter((code) => !out.has(code));
  if (rest.length === 0) return out;
  const byRegNo = brief.select('reg_no').where('reg_no', 'in', jsonList(rest)).where('uscc', 'is', null);
  for (const { reg_no: regNo, ...row } of all(raw, byRegNo)) add(regNo!, row);
  return out;
}

/**
 * Names and addresses of a sealed draw's entities (draw_selected), by code: one join, not a lookup per code, returned
 * as ONE JSON row: turning the result rows into JavaScript values one by one cost more than the join itself, JSON.parse
 * of one text far less (docs/performance.md).
 */
export function sealedEntities(raw: BetterSqlite3.Database, drawId: number): Map<string, EntityBrief> {
  const operator = sql`CASE WHEN e.name_from_operator = 1 THEN e.legal_rep END`;
  const query = qb
    .selectFrom('draw_selected as s')
    .innerJoin('entities as e', 'e.id', 's.entity_id')
    .select(sql<string>`json_group_array(json_array(s.code, e.id, e.name, e.address, ${operator}))`.as('rows'))
    .where('s.draw_id', '=', drawId);
  const rows = JSON.parse(value(raw, query)!) as [string, number, string, string, string | null][];
  return new Map(
    rows.map(([code, id, name, address, builtBy]) => [code, { id, name: briefName(name, builtBy), address }]),
  );
}

const ranksOfBody = new WeakMap<ProofBody, Map<string, { stratum: string; rank: number; key: string }>>();

/** Per selected code: its stratum, 1-based rank in the stratum, and key (computed once per body). */
export function rankOfSelected(body: ProofBody): Map<string, { stratum: string; rank: number; key: string }> {
  const known = ranksOfBody.get(body);
  if (known) return known;
  const out = new Map<string, { stratum: string; rank: number; key: string }>();
  ranksOfBody.set(body, out);
  const counters = new Map<string, number>();
  for (const entity of body.result.selected) {
    const rank = (counters.get(entity.stratum) ?? 0) + 1;
    counters.set(entity.stratum, rank);
    out.set(entity.code, { stratum: entity.stratum, rank, key: entity.key });
  }
  return out;
}
