/**
 * The 随机抽取情况记录表 as data (src-shared/domain/documents.ts): part one at 承诺 (before any witness value exists),
 * part two at 封存 and again after each 递补. The PDF renderers (src-main/documents) print these objects.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SPEC_ID } from '@shared/draw';
import type { DrawRecordCommit, DrawRecordResult } from '@shared/domain/documents';
import type { DrawPreparation } from '@shared/domain/draws';
import { describeInspectingBody, gradeLabel, percentText } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import {
  latestProof,
  rankOfSelected,
  sealedEntities,
  witnessesOf,
  type AmendmentRow,
  type DrawRow,
  type ProofBody,
} from './views';
import { ceremonyOf } from './ceremony';
import { stratumResults } from './draw-view';
import { qb, value } from '../db/sql';
import { lookupPeople } from './draw-people';
import { readTask, taskBureauName } from '../plans/tasks';

export function recordCommit(raw: BetterSqlite3.Database, draw: DrawRow): DrawRecordCommit {
  if (!draw.committed_at || !draw.nonce_commit) {
    throw new AppError('draw.notCommitted', '这次抽取尚未承诺，还没有记录表第一部分。');
  }
  const task = readTask(raw, draw.task_id);
  const preparation = JSON.parse(draw.summary) as DrawPreparation;
  return {
    bureauName: taskBureauName(raw, draw.task_id),
    taskNumber: task.number,
    taskName: task.name,
    inspectingBody: describeInspectingBody(task.leadDepartment, task.joiningDepartments),
    items: task.items.map((item) => item.name),
    committedAt: draw.committed_at,
    ...ceremonyOf(draw),
    scope: preparation.scope,
    strata: preparation.strata.map((s) => ({
      label: gradeLabel(s.name),
      candidates: s.candidates,
      ratio: s.ratioBp === null ? `固定${s.quota}户` : percentText(s.ratioBp),
      quota: s.quota,
    })),
    inspectorPoolSize: preparation.inspectors,
    teamSize: task.teamSize,
    packageSize: task.packageSize,
    inputDigest: draw.input_digest,
    nonceCommit: draw.nonce_commit,
    protocol: SPEC_ID,
  };
}

/** Part two of a sealed draw from a proof body (the sealed one, or the one after the latest 递补) and the amendment rows. */
export function recordResult(
  raw: BetterSqlite3.Database,
  draw: DrawRow,
  body: ProofBody,
  amendments: readonly AmendmentRow[],
  sealedAt: string,
): DrawRecordResult {
  return expandRecord(storedRecordResult(raw, draw, body, amendments, sealedAt), body);
}

/** recordResult as 封存 stores it: `packages` compact (StoredRecordResult), the names read now. */
export function storedRecordResult(
  raw: BetterSqlite3.Database,
  draw: DrawRow,
  body: ProofBody,
  amendments: readonly AmendmentRow[],
  sealedAt: string,
): StoredRecordResult {
  const preparation = JSON.parse(draw.summary) as DrawPreparation;
  const witnesses = witnessesOf(raw, draw.id);
  const entities = sealedEntities(raw, draw.id);
  const teams = body.result.packages.flatMap((p) => p.team);
  const people = lookupPeople(raw, [...teams, ...amendments.flatMap((a) => [a.out_id, a.in_id])]);
  const named = (id: string) => `${people.get(id)?.name ?? id}（${id}）`;
  return {
    commit: recordCommit(raw, draw),
    participants: {
      operator: draw.operator ?? '',
      supervisor: draw.supervisor ?? '',
      witnesses: witnesses
        .filter((w) => w.kind === 'witness')
        .map((w) => ({ name: w.name, role: w.role || undefined })),
    },
    entropy: witnesses.map((w) =>
      w.kind === 'public' ? { name: w.name, value: w.value, isPublicValue: true } : { name: w.name, value: w.value },
    ),
    nonce: body.nonce,
    seed: body.seed,
    sealedAt,
    strata: stratumResults(preparation, body).map((s) => ({
      label: gradeLabel(s.name),
      quota: s.quota,
      selected: s.selected,
      cutoffKey: s.cutoffKey ?? '',
    })),
    packages: {
      entities: body.result.packages.flatMap((p) =>
        p.entities.map((code): [string, string] => {
          const entity = entities.get(code);
          return [entity?.name ?? '（已不在名录中）', entity?.address ?? ''];
        }),
      ),
      people: [...new Set(teams)].map((id) => [id, people.get(id)?.name ?? id, people.get(id)?.office ?? '']),
      strata: [...new Set(body.result.selected.map((e) => e.stratum))].map((name) => [name, gradeLabel(name)]),
    },
    amendments: amendments.map((a) => ({
      packageNo: a.package_no,
      replaced: named(a.out_id),
      replacement: named(a.in_id),
      reason: a.reason,
      at: a.at,
    })),
    ...(typeof body.info?.auditHead === 'string' ? { auditHead: body.info.auditHead } : {}),
  };
}

/**
 * Part two of the record as stored in draw_proofs.record. 封存 stores compact packages (CompactPackages): only what the
 * proof body of the same row does not hold, to keep the JSON built inside the ceremony small (docs/performance.md). 递补
 * stores full packages; read it with latestRecord, which gives the full DrawRecordResult either way.
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
  const text = value(
    raw,
    qb.selectFrom('draw_proofs').select('record').where('draw_id', '=', drawId).where('version', '=', proof.version),
  )!;
  return expandRecord(JSON.parse(text) as StoredRecordResult, proof.body);
}
