/**
 * What the page (DrawView) and the projector (CeremonyState) show of a draw, from its stored rows (views.ts). Never
 * returns the nonce before 揭晓.
 */
import type BetterSqlite3 from 'better-sqlite3';
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
} from '@shared/domain/draws';
import { describeInspectingBody, describePeriod, describeScope, type TaskView } from '@shared/domain/tasks';
import { all, qb } from '../db/sql';
import { ceremonyOf } from './ceremony';
import { lookupPeople } from './draw-people';
import { readTask } from '../plans/tasks';
import {
  amendmentRows,
  currentBody,
  currentDrawId,
  entitiesByCode,
  latestProof,
  loadDrawRow,
  rankOfSelected,
  witnessesOf,
  type ProofBody,
} from './views';
import type { revealScreen } from './reveal-position';

type RevealScreen = NonNullable<ReturnType<typeof revealScreen>>;

const strataOfBody = new WeakMap<ProofBody, Map<string, { selected: number; cutoffKey: string }>>();

/**
 * Per stratum: how many were drawn and the last one's key (the cut-off), in one pass over the selected list, once per
 * body — the projector asks for this every 300 ms, and a city-scale body lists tens of thousands of entities.
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
        name: entity?.name ?? '（已不在名录中）',
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
  const voided = qb
    .selectFrom('draws')
    .select(['id', 'attempt', 'void_reason', 'voided_at', 'nonce_commit'])
    .where('task_id', '=', draw.task_id)
    .where('state', '=', 'voided')
    .where('id', '<>', draw.id)
    .orderBy('id', 'desc');
  const voidedAttempts = all(raw, voided).map((v) => ({
    id: v.id,
    attempt: v.attempt,
    reason: v.void_reason ?? '',
    voidedAt: v.voided_at ?? '',
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
          ...ceremonyOf(draw),
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

/** What the projector may show now (see CeremonyState), with the packages on the screen the operator shows. */
export function ceremonyState(
  raw: BetterSqlite3.Database,
  taskId: number,
  busy: DrawProgress | null,
  screen: RevealScreen | null,
): CeremonyState {
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
      reveal: null,
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
          packages: screen ? packageViews(raw, body, screen.first, screen.count, false) : [],
          largestPackage: screen?.largestPackage ?? 0,
        }
      : null,
    reveal: screen?.position ?? null,
    amendments: amendmentViews(raw, drawId),
    voidReason: draw.state === 'voided' ? draw.void_reason : null,
  };
}
