/**
 * The read side of draws: the stored rows turned into what the page (DrawView), the projector (CeremonyState) and the
 * printed record (draw-records.ts) show. Never returns the nonce before 揭晓. Plain Node over the raw handle.
 */
import { constants as zlibConstants, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import type BetterSqlite3 from 'better-sqlite3';
import type { DrawProof } from '@shared/draw';
import {
  DRAW_STATE_LABELS,
  type AmendmentView,
  type CeremonyState,
  type DrawPreparation,
  type DrawProgress,
  type DrawView,
  type PackageView,
  type SelectedEntityView,
  type StratumResultView,
  type TeamMemberView,
  type WitnessView,
} from '@shared/domain/draws';
import type { DrawRecordResult } from '@shared/domain/documents';
import { describeInspectingBody, describePeriod, describeScope, type TaskView } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import type { DrawAmendmentsTable, DrawsTable, DrawWitnessesTable } from '../db/schema';
import { lookupPeople } from './scope';
import { readTask } from '../plans/tasks';

/**
 * A draws row without `result`: that column holds the revealed proof of draws revealed before migration 0005 (~8 MB of
 * JSON at city scale; later ones are in draw_results), which every look at a draw's state would otherwise copy out of
 * SQLite. The few readers that need it call drawResultText.
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
const SELECT_DRAW_ROW = `SELECT ${DRAW_ROW_COLUMNS.join(', ')} FROM draws WHERE id = ?`;

/** The stored proof without its inputs (they are spliced back from draw_inputs on export). */
export type ProofBody = Omit<DrawProof, 'inputs'>;

/**
 * C(inputs) as stored: raw DEFLATE at level 1. The canonical JSON repeats each candidate's keys, office and area, so it
 * shrinks to about a ninth (city scale: 84 MB → 9 MB, measured). The database stays small over years of city-scale
 * draws, and 准备 writes 9 MB instead of 84 MB twice (WAL, then checkpoint). Whoever reads it back checks SHA-256 of
 * the inflated bytes against the committed inputDigest.
 *
 * On two cores: the bytes are cut into pieces deflated at once on libuv's thread pool and joined as pigz does — every
 * piece but the last ends with a full flush (byte-aligned, not final, no back-references across it), so the
 * concatenation is one valid raw DEFLATE stream of the whole. The pieces are views of `parts` (the candidates' ~84 MB
 * in two halves, the small head and tail each alone), never a joined copy: at city scale Buffer.concat of the parts
 * took 300 ms of 准备 in a CPU profile (a fresh 84 MB buffer, faulted in page by page).
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
  const packed = raw.prepare('SELECT canonical FROM draw_inputs WHERE draw_id = ?').pluck().get(drawId) as
    Buffer | undefined;
  return packed ? inflateRawSync(packed) : null;
}

export function loadDrawRow(raw: BetterSqlite3.Database, id: number): DrawRow {
  const row = raw.prepare(SELECT_DRAW_ROW).get(id) as DrawRow | undefined;
  if (!row) throw new AppError('draw.notFound', `没有找到这次抽取(编号 ${id})。`);
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
  const text = raw
    .prepare(
      'SELECT coalesce((SELECT result FROM draw_results WHERE draw_id = @id), (SELECT result FROM draws WHERE id = @id))',
    )
    .pluck()
    .get({ id });
  return (text as string | null | undefined) ?? null;
}

/** The draw a task is at: the one that counts (committed or further), else the newest preparation, else the newest void. */
export function currentDrawId(raw: BetterSqlite3.Database, taskId: number): number | null {
  const id = raw
    .prepare(
      `SELECT id FROM draws WHERE task_id = ?
       ORDER BY CASE WHEN state IN ('committed', 'revealed', 'sealed') THEN 0 WHEN state = 'prepared' THEN 1 ELSE 2 END, id DESC LIMIT 1`,
    )
    .pluck()
    .get(taskId) as number | undefined;
  return id ?? null;
}

/**
 * Parsed proof bodies, by seed and version ('r': the one 揭晓 derived). They never change once written, so the page
 * and the projector (which polls) parse a city-scale body (~6 MB of JSON) once, not on every look.
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

export function latestProof(raw: BetterSqlite3.Database, drawId: number): { version: number; body: ProofBody } | null {
  const latest = raw
    .prepare(
      'SELECT max(p.version) AS version, d.seed FROM draw_proofs p JOIN draws d ON d.id = p.draw_id WHERE p.draw_id = ?',
    )
    .get(drawId) as {
    version: number | null;
    seed: string | null;
  };
  const version = latest.version;
  if (version === null) return null;
  // Keyed by the seed (fresh randomness for every draw), not the row id: ids repeat across databases.
  const body = cachedBody(
    `${latest.seed}:${version}`,
    () =>
      raw
        .prepare('SELECT body FROM draw_proofs WHERE draw_id = ? AND version = ?')
        .pluck()
        .get(drawId, version) as string,
  );
  return { version, body };
}

/**
 * Part two of the record (DrawRecordResult) as stored in draw_proofs.record. 封存 leaves out of `packages` what the proof
 * body of the same row already holds — each entity's code, rank and key, each team's ids — and keeps what it alone
 * freezes: names, addresses, offices and the printed stratum labels (CompactPackages). At city scale that is 3.7 MB
 * instead of 13.6 MB of JSON to build, validate and write inside the ceremony. 递补 (and records sealed before this)
 * store the full packages. Read it with latestRecord, which gives the full DrawRecordResult either way.
 */
export type StoredRecordResult = Omit<DrawRecordResult, 'packages'> & {
  packages: DrawRecordResult['packages'] | CompactPackages;
};

export interface CompactPackages {
  /** Name and address of every entity, package after package in the body's order, each package's in its order. */
  entities: [name: string, address: string][];
  /** Name and office of each team member, by draw id. */
  people: [id: string, name: string, office: string][];
  /** The printed label of each stratum drawn. */
  strata: [name: string, label: string][];
}

/** The full record from its stored form and the proof body of the same draw_proofs row (the key order is kept). */
export function expandRecord(stored: StoredRecordResult, body: ProofBody): DrawRecordResult {
  const compact = stored.packages;
  if (Array.isArray(compact)) return { ...stored, packages: compact };
  const ranks = rankOfSelected(body);
  const people = new Map(compact.people.map(([id, name, office]) => [id, { name, office }]));
  const labels = new Map(compact.strata);
  let next = 0;
  return {
    ...stored,
    packages: body.result.packages.map((p) => ({
      packageNo: p.no,
      team: p.team.map((id) => ({ name: people.get(id)!.name, certNo: id, office: people.get(id)!.office })),
      entities: p.entities.map((code) => {
        const rank = ranks.get(code)!;
        const entity = compact.entities[next++];
        return {
          drawNo: rank.rank,
          uscc: code,
          name: entity[0],
          address: entity[1],
          stratum: labels.get(rank.stratum)!,
          key: rank.key,
        };
      }),
    })),
  };
}

/** Part two of the record with the latest proof version, in full; null before 封存. */
export function latestRecord(raw: BetterSqlite3.Database, drawId: number): DrawRecordResult | null {
  const proof = latestProof(raw, drawId);
  if (!proof) return null;
  const text = raw
    .prepare('SELECT record FROM draw_proofs WHERE draw_id = ? AND version = ?')
    .pluck()
    .get(drawId, proof.version) as string;
  return expandRecord(JSON.parse(text) as StoredRecordResult, proof.body);
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
  return (
    raw
      .prepare(
        'SELECT ordinal, kind, name, role, value, entered_at FROM draw_witnesses WHERE draw_id = ? ORDER BY ordinal',
      )
      .all(drawId) as Pick<DrawWitnessesTable, 'ordinal' | 'kind' | 'name' | 'role' | 'value' | 'entered_at'>[]
  ).map((w) => ({
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
  return raw
    .prepare(
      'SELECT ordinal, package_no, out_id, in_id, reason, at, actor FROM draw_amendments WHERE draw_id = ? ORDER BY ordinal',
    )
    .all(drawId) as AmendmentRow[];
}

export interface EntityBrief {
  id: number;
  name: string;
  address: string;
}

/** Entities by draw code (USCC, or 注册号 for a record without one), for the codes given. */
export function entitiesByCode(raw: BetterSqlite3.Database, codes: Iterable<string>): Map<string, EntityBrief> {
  const byUscc = raw.prepare('SELECT id, name, address FROM entities WHERE uscc = ?');
  const byRegNo = raw.prepare('SELECT id, name, address FROM entities WHERE reg_no = ? AND uscc IS NULL');
  const out = new Map<string, EntityBrief>();
  for (const code of codes) {
    const row = (byUscc.get(code) ?? byRegNo.get(code)) as EntityBrief | undefined;
    if (row) out.set(code, row);
  }
  return out;
}

/**
 * Names and addresses of a sealed draw's entities (draw_selected), by code: one join, not a lookup per code, returned
 * as ONE JSON row — turning 48,000 result rows into JavaScript values one by one cost more than the join itself
 * (measured at city scale: ~200–280 ms for the rows against ~60–110 ms of SQL; JSON.parse of one text is far cheaper).
 */
export function sealedEntities(raw: BetterSqlite3.Database, drawId: number): Map<string, EntityBrief> {
  const text = raw
    .prepare(
      'SELECT json_group_array(json_array(s.code, e.id, e.name, e.address)) FROM draw_selected s JOIN entities e ON e.id = s.entity_id WHERE s.draw_id = ?',
    )
    .pluck()
    .get(drawId) as string;
  const rows = JSON.parse(text) as [string, number, string, string][];
  return new Map(rows.map(([code, id, name, address]) => [code, { id, name, address }]));
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

const strataOfBody = new WeakMap<ProofBody, Map<string, { selected: number; cutoffKey: string }>>();

/**
 * Per stratum: how many were drawn and the last one's key (the cut-off), in one pass over the selected list, once per
 * body — the projector asks for this every 300 ms, and a city-scale body lists ~48,000 entities.
 */
function selectionByStratum(body: ProofBody): Map<string, { selected: number; cutoffKey: string }> {
  const known = strataOfBody.get(body);
  if (known) return known;
  const out = new Map<string, { selected: number; cutoffKey: string }>();
  for (const entity of body.result.selected) {
    const stratum = out.get(entity.stratum);
    if (stratum) {
      stratum.selected++;
      stratum.cutoffKey = entity.key;
    } else out.set(entity.stratum, { selected: 1, cutoffKey: entity.key });
  }
  strataOfBody.set(body, out);
  return out;
}

export function stratumResults(preparation: DrawPreparation, body: ProofBody | null): StratumResultView[] {
  const drawn = body ? selectionByStratum(body) : null;
  return preparation.strata.map((s) => {
    const stratum = drawn?.get(s.name);
    return {
      name: s.name,
      candidates: s.candidates,
      quota: s.quota,
      selected: stratum?.selected ?? 0,
      cutoffKey: stratum?.cutoffKey ?? null,
    };
  });
}

function member(id: string, people: Map<string, { name: string; office: string; isExpert: boolean }>): TeamMemberView {
  const person = people.get(id);
  return { id, name: person?.name ?? id, office: person?.office ?? '', isExpert: person?.isExpert ?? false };
}

/** Packages [first, first + count) with names; addresses left out when `withAddresses` is false (the projector). */
export function packageViews(
  raw: BetterSqlite3.Database,
  body: ProofBody,
  first: number,
  count: number,
  withAddresses = true,
): PackageView[] {
  const packages = body.result.packages.slice(first, first + count);
  const ranks = rankOfSelected(body);
  const entities = entitiesByCode(
    raw,
    packages.flatMap((p) => p.entities),
  );
  const people = lookupPeople(
    raw,
    packages.flatMap((p) => p.team),
  );
  return packages.map((p) => ({
    no: p.no,
    area: p.area,
    entities: p.entities.map((code): SelectedEntityView => {
      const entity = entities.get(code);
      const rank = ranks.get(code)!;
      return {
        code,
        entityId: entity?.id ?? null,
        name: entity?.name ?? '(已不在名录中)',
        address: withAddresses ? (entity?.address ?? '') : '',
        stratum: rank.stratum,
        rank: rank.rank,
        key: rank.key,
      };
    }),
    team: p.team.map((id) => member(id, people)),
  }));
}

export function amendmentViews(raw: BetterSqlite3.Database, drawId: number): AmendmentView[] {
  const rows = amendmentRows(raw, drawId);
  const people = lookupPeople(
    raw,
    rows.flatMap((r) => [r.out_id, r.in_id]),
  );
  return rows.map((r) => ({
    ordinal: r.ordinal,
    packageNo: r.package_no,
    out: member(r.out_id, people),
    in: member(r.in_id, people),
    reason: r.reason,
    at: r.at,
    actor: r.actor,
  }));
}

export function drawView(raw: BetterSqlite3.Database, drawId: number, packagePage = 1, packagePageSize = 50): DrawView {
  const draw = loadDrawRow(raw, drawId);
  const task = readTask(raw, draw.task_id);
  const preparation = JSON.parse(draw.summary) as DrawPreparation;
  const proof = draw.state === 'sealed' ? latestProof(raw, draw.id) : null;
  const body = proof ? proof.body : currentBody(raw, draw);
  const voidedAttempts = (
    raw
      .prepare(
        "SELECT id, attempt, void_reason, voided_at, nonce_commit FROM draws WHERE task_id = ? AND state = 'voided' AND id <> ? ORDER BY id DESC",
      )
      .all(draw.task_id, draw.id) as {
      id: number;
      attempt: number;
      void_reason: string;
      voided_at: string;
      nonce_commit: string | null;
    }[]
  ).map((v) => ({
    id: v.id,
    attempt: v.attempt,
    reason: v.void_reason,
    voidedAt: v.voided_at,
    nonceCommit: v.nonce_commit,
  }));
  return {
    id: draw.id,
    taskId: task.id,
    taskNumber: task.number,
    taskName: task.name,
    attempt: draw.attempt,
    state: draw.state,
    stateLabel: DRAW_STATE_LABELS[draw.state],
    preparedAt: draw.prepared_at,
    preparedBy: draw.prepared_by,
    inputDigest: draw.input_digest,
    preparation,
    commit: draw.committed_at
      ? {
          committedAt: draw.committed_at,
          committedBy: draw.committed_by ?? '',
          place: draw.place ?? '',
          operator: draw.operator ?? '',
          supervisor: draw.supervisor ?? '',
          nonceCommit: draw.nonce_commit ?? '',
        }
      : null,
    witnesses: witnessesOf(raw, draw.id),
    // The nonce only once the seed is public: before 揭晓 it would let anyone compute the draw ahead of the witnesses.
    reveal:
      draw.seed && draw.revealed_at ? { revealedAt: draw.revealed_at, nonce: draw.nonce ?? '', seed: draw.seed } : null,
    sealed:
      draw.state === 'sealed' && proof
        ? { sealedAt: draw.sealed_at ?? '', sealedBy: draw.sealed_by ?? '', proofVersion: proof.version }
        : null,
    voided:
      draw.state === 'voided'
        ? { voidedAt: draw.voided_at ?? '', voidedBy: draw.voided_by ?? '', reason: draw.void_reason ?? '' }
        : null,
    strata: stratumResults(preparation, body),
    packageCount: body?.result.packages.length ?? 0,
    packages: body ? packageViews(raw, body, (packagePage - 1) * packagePageSize, packagePageSize) : [],
    packagePage,
    packagePageSize,
    amendments: amendmentViews(raw, draw.id),
    voidedAttempts,
  };
}

/** Packages the projector shows at most; the page and the record hold the full list. */
export const CEREMONY_PACKAGES_SHOWN = 60;

function ceremonyTask(task: TaskView): CeremonyState['task'] {
  return {
    id: task.id,
    number: task.number,
    name: task.name,
    inspectingBody: describeInspectingBody(task.leadDepartment, task.joiningDepartments),
    items: task.items.map((item) => item.name),
    scope: describeScope(task.scope, task.excludeRecentYears),
    period: describePeriod(task.startDate, task.endDate),
  };
}

/** What the projector may show now (see CeremonyState). */
export function ceremonyState(raw: BetterSqlite3.Database, taskId: number, busy: DrawProgress | null): CeremonyState {
  const task = readTask(raw, taskId);
  const drawId = currentDrawId(raw, taskId);
  if (drawId === null) {
    return {
      stage: 'none',
      stageLabel: '尚未抽取',
      drawId: null,
      busy,
      task: ceremonyTask(task),
      counts: null,
      hashes: null,
      place: null,
      operator: null,
      supervisor: null,
      witnesses: [],
      result: null,
      amendments: [],
      voidReason: null,
    };
  }
  const draw = loadDrawRow(raw, drawId);
  const preparation = JSON.parse(draw.summary) as DrawPreparation;
  const body = currentBody(raw, draw);
  const revealed = draw.seed !== null;
  const selected = body?.result.selected.length ?? 0;
  return {
    stage: draw.state,
    stageLabel: DRAW_STATE_LABELS[draw.state],
    drawId,
    busy,
    task: ceremonyTask(task),
    counts: {
      candidates: preparation.candidates,
      quota: preparation.quota,
      inspectors: preparation.inspectors,
      strata: stratumResults(preparation, body),
    },
    hashes: {
      inputDigest: draw.input_digest,
      nonceCommit: draw.nonce_commit,
      nonce: revealed ? draw.nonce : null,
      seed: revealed ? draw.seed : null,
    },
    place: draw.place,
    operator: draw.operator,
    supervisor: draw.supervisor,
    witnesses: witnessesOf(raw, drawId),
    result: body
      ? {
          packageCount: body.result.packages.length,
          selected,
          packages: packageViews(raw, body, 0, CEREMONY_PACKAGES_SHOWN, false),
          truncated: body.result.packages.length > CEREMONY_PACKAGES_SHOWN,
        }
      : null,
    amendments: amendmentViews(raw, drawId),
    voidReason: draw.state === 'voided' ? draw.void_reason : null,
  };
}
