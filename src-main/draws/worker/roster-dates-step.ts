/** The 最近被抽查日期 of a sealed draw's entities, in the draw worker right after 封存. */
import type BetterSqlite3 from 'better-sqlite3';
import { chinaDate } from '@shared/domain/china-time';
import { column, first, qb, run, statementFor } from '../../db/sql';
import { loadDrawRow } from '../views';
import { timer, type StepContext, type StepTimings } from './step-context';

/**
 * Sets each drawn entity's 最近被抽查日期 to the seal date, not the results' date, so no other task draws it again in the
 * weeks before results; idempotent, one transaction with its change-log rows and the draw_roster_dates marker. Its cost
 * is roster pages rewritten, hence the slices, DATE_SLICE and its own checkpoint (docs/performance.md).
 */
export function rosterDatesStep(
  raw: BetterSqlite3.Database,
  drawId: number,
  step: StepContext,
): { timings: StepTimings } {
  const clock = timer();
  const draw = loadDrawRow(raw, drawId);
  const marker = qb.selectFrom('draw_roster_dates').select('draw_id').where('draw_id', '=', drawId);
  if (draw.state !== 'sealed' || first(raw, marker)) return { timings: clock.timings };
  step.progress('登记抽中对象的最近被抽查日期', 0, 1);
  const sealDate = chinaDate(new Date(draw.sealed_at!));
  const params = { at: draw.sealed_at!, actor: draw.sealed_by!, sealDate, batch: `draw:${drawId}`, drawId };
  withoutAutoCheckpoint(raw, () =>
    raw
      .transaction(() => {
        const selected = qb.selectFrom('draw_selected').select('entity_id').where('draw_id', '=', drawId);
        const ids = column(raw, selected.orderBy('entity_id'));
        let updated = 0;
        for (let at = 0; at < ids.length; at += ROSTER_DATES_SLICE) {
          const slice: SliceParams = {
            ...params,
            first: ids[at],
            last: ids[Math.min(at + ROSTER_DATES_SLICE, ids.length) - 1],
          };
          updated += statementFor(raw, LOG_SLICE).run(slice).changes;
          statementFor(raw, DATE_SLICE).run(slice);
        }
        const done = { draw_id: drawId, done_at: step.now.toISOString(), updated };
        run(raw, qb.insertInto('draw_roster_dates').values(done));
        clock.lap('dates');
      })
      .immediate(),
  );
  clock.lap('commit');
  raw.pragma('wal_checkpoint(PASSIVE)');
  clock.lap('checkpoint');
  return { timings: clock.timings };
}

/** The named parameters of LOG_SLICE and DATE_SLICE: drawn entities with ids in [first, last]. */
interface SliceParams {
  at: string;
  actor: string;
  sealDate: string;
  batch: string;
  drawId: number;
  first: number;
  last: number;
}

const RECENT = '(e.last_inspected_on IS NULL OR e.last_inspected_on < @sealDate)';

/**
 * Hand-written (measured city-scale write, SliceParams): the change-log rows of one slice, in entity order
 * (draw_selected's primary key order, no sort), while the slice's roster pages are still in the page cache.
 */
export const LOG_SLICE = `INSERT INTO roster_changes (at, actor, roster, record_id, record_key, action, source, batch, before, after)
  SELECT @at, @actor, 'entities', e.id, 'code:' || s.code, 'update', 'bulk', @batch, json_object('last_inspected_on', e.last_inspected_on),
         json_object('last_inspected_on', @sealDate)
  FROM draw_selected s JOIN entities e ON e.id = s.entity_id
  WHERE s.draw_id = @drawId AND s.entity_id BETWEEN @first AND @last AND ${RECENT} ORDER BY s.entity_id`;

/**
 * Hand-written (measured city-scale write, SliceParams; Kysely has no UPDATE OR FAIL): OR FAIL, not ABORT, so SQLite
 * keeps no statement journal of every page touched; the columns written carry no UNIQUE or CHECK constraint, and any
 * error still rolls back the whole transaction.
 */
export const DATE_SLICE = `UPDATE OR FAIL entities AS e SET last_inspected_on = @sealDate, updated_at = @at
  WHERE id IN (SELECT entity_id FROM draw_selected WHERE draw_id = @drawId AND entity_id BETWEEN @first AND @last) AND ${RECENT}`;

/** Drawn entities per slice in rosterDatesStep: their roster pages fit well inside the page cache. */
const ROSTER_DATES_SLICE = 2000;

/**
 * Runs `work` with this connection's automatic WAL checkpoint off, then puts the setting back. 封存 leaves the checkpoint
 * of what it wrote to the roster-dates step queued right behind it in this worker, which checkpoints once for both; the
 * data is committed either way (a crash in between leaves the frames in the WAL, which SQLite checkpoints later).
 */
export function withoutAutoCheckpoint<T>(raw: BetterSqlite3.Database, work: () => T): T {
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
  const query = qb
    .selectFrom('draws as d')
    .select('d.id')
    .where('d.state', '=', 'sealed')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('draw_roster_dates as r').select('r.draw_id').whereRef('r.draw_id', '=', 'd.id'))),
    )
    .orderBy('d.id');
  const pending = column(raw, query);
  for (const drawId of pending) rosterDatesStep(raw, drawId, step);
}
