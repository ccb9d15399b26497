/**
 * Bulk actions on selected records: grade, status, tags; a change-log row per changed record and one audit row. Run in
 * bulk-worker.ts through bulk-job.ts: 30,000 records take seconds.
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { compiledOnce, P, qb } from '../db/sql';
import { parseList, selectRoster, STATUS_VALUES, TABLES } from './tables';

type Values = Record<string, unknown>;
export type BulkRequest = Omit<ParsedReq<'roster:bulk-update'>, 'jobId'>;

function checkRequest(req: BulkRequest) {
  if (req.set.creditGrade !== undefined && req.roster !== 'entities')
    throw new AppError('roster.badBulk', '只有检查对象有信用风险等级。');
  if (req.set.status !== undefined && !STATUS_VALUES[req.roster].includes(req.set.status)) {
    throw new AppError('roster.badStatus', `状态应为 ${STATUS_VALUES[req.roster].join('、')} 之一。`);
  }
}

/** The columns the request sets, and their new values for one stored record. */
function nextValues(req: BulkRequest, row: Values): Values {
  const { set } = req;
  const next: Values = {};
  if (set.creditGrade !== undefined) next.credit_grade = set.creditGrade;
  if (set.status !== undefined) next[TABLES[req.roster].statusColumn] = set.status;
  if (set.addTags || set.removeTags) {
    const tags = new Set(parseList(String(row.tags)));
    for (const t of set.addTags ?? []) tags.add(t);
    for (const t of set.removeTags ?? []) tags.delete(t);
    next.tags = JSON.stringify([...tags]);
  }
  return next;
}

function statements(raw: BetterSqlite3.Database, req: BulkRequest, columns: string[]) {
  const change = { at: P, actor: P, roster: P, record_id: P, record_key: P, batch: P, before: P, after: P };
  return {
    /** Bind: id. */
    select: compiledOnce(raw, selectRoster(req.roster).where('id', '=', P)),
    /** Bind: the new values of `columns`, updated_at, id. */
    update: compiledOnce(
      raw,
      qb
        .updateTable(req.roster)
        .set({ ...Object.fromEntries(columns.map((c) => [c, P])), updated_at: P })
        .where('id', '=', P),
    ),
    /** Bind: at, actor, roster, record_id, record_key, batch, before, after. */
    change: compiledOnce(
      raw,
      qb.insertInto('roster_changes').values({ ...change, action: sql.lit('update'), source: sql.lit('bulk') }),
    ),
  };
}

/** One transaction over the selection; `onProgress(records looked at)` may throw to cancel it (nothing written). */
export function bulkUpdate(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  req: BulkRequest,
  onProgress?: (done: number) => void,
): { matched: number; changed: number } {
  checkRequest(req);
  const spec = TABLES[req.roster];
  const now = ctx.now();
  const at = now.toISOString();
  const actor = ctx.actor();
  const batch = `bulk-${at}-${randomUUID().slice(0, 8)}`;
  let matched = 0;
  let changedCount = 0;
  // One synchronous transaction: a selection can be 100,000 records (the async Kysely path is several times slower).
  raw
    .transaction(() => {
      const columns = Object.keys(nextValues(req, { tags: '[]' }));
      const run = statements(raw, req, columns);
      let seen = 0;
      for (const id of new Set(req.ids)) {
        if (++seen % 500 === 0) onProgress?.(seen);
        const row: Values | undefined = run.select.get(id);
        if (!row) continue;
        matched++;
        const next = nextValues(req, row);
        const changed = columns.filter((c) => next[c] !== row[c]);
        if (changed.length === 0) continue;
        changedCount++;
        const pick = (values: Values) => JSON.stringify(Object.fromEntries(changed.map((c) => [c, values[c]])));
        run.update.run(...columns.map((c) => next[c]), at, id);
        run.change.run(at, actor, spec.table, id, spec.key(row), batch, pick(row), pick(next));
      }
      const detail = { batch, set: req.set, selected: req.ids.length, matched, changed: changedCount };
      appendAuditRaw(raw, { actor, action: 'roster:bulk-update', target: spec.table, detail }, now);
    })
    .immediate();
  return { matched, changed: changedCount };
}
