/**
 * 进一次门、查多项事: when sealed draws of different departments' tasks drew the same entity in overlapping windows, propose one
 * visit; the clerk confirms and the merge is recorded (joint_visits, append-only). Each task's draw and proof stay
 * exactly as sealed: the merge only says the inspections happen together.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { JointVisitView, VisitProposals } from '@shared/domain/draws';
import type { ParsedReq } from '@shared/ipc/schemas';
import { qb, value } from '../db/sql';
import type { ServiceContext } from '../app/context';
import { mergeVisit } from './merge';
import { proposalOf, proposedGroups, visitsOfYear } from './read';

export { visitGroups, type VisitCandidate } from './groups';

/** The limit has a default in the request schema; in-process callers may leave it out. */
type ProposalsRequest = Omit<ParsedReq<'visits:proposals'>, 'limit'> & { limit?: number };

export function createVisitService(raw: BetterSqlite3.Database, ctx: ServiceContext) {
  /** Proposals for a year's tasks (sealed draws only), entities in id order, and the visits already merged. */
  function proposals(req: ProposalsRequest): VisitProposals {
    const groups = proposedGroups(raw, req.year);
    // Every group counts toward the total; only those shown are built (each reads its tasks' items).
    const shown = groups.slice(0, req.limit ?? 200).map((group) => proposalOf(raw, group));
    return { proposals: shown, total: groups.length, visits: visitsOfYear(raw, req.year) };
  }

  function merge(req: ParsedReq<'visits:merge'>): JointVisitView {
    const id = mergeVisit(raw, ctx, req);
    const year = value(raw, qb.selectFrom('tasks').select('year').where('id', '=', req.taskIds[0]))!;
    return visitsOfYear(raw, year).find((v) => v.id === id)!;
  }

  return { proposals, merge };
}

export type VisitService = ReturnType<typeof createVisitService>;
