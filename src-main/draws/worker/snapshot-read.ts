/**
 * The frozen candidate list of 准备, read from the roster in the draw worker (and, for the upper half of a city-scale
 * roster, in the snapshot reader's thread) with the same scope conditions as the task page's live counts (scope.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { column, first, qb, statementFor, value } from '../../db/sql';
import { recentSince, scopeWhere, type ScopeRequest } from '../scope';
import {
  candidatePart,
  candidateRunsOfRow,
  candidatesOf,
  CHAR_BASE,
  CODE_SEPARATOR,
  GRADE_LETTER_SQL,
  MAX_DISTINCT,
  snapshotPlan,
  type CandidateSnapshot,
  type ReadSnapshotElsewhere,
  type SnapshotLookups,
  type SnapshotRange,
  type SnapshotRead,
} from './snapshot-rows';

/** Below this many roster ids one thread reads the snapshot alone (a second thread costs more than it saves). */
export const SPLIT_SNAPSHOT_FROM = 100_000;

/**
 * The memory map of the connections that read a whole roster (the draw worker, the snapshot reader): pages are read
 * in place rather than copied into the page cache (measured faster at city scale: docs/performance.md).
 */
export const MMAP_BYTES = 1 << 30;

/** Whether a roster with these ids is read by two threads (readCandidates; the draw worker starts the second early). */
export function readsInTwoHalves(ids: { first: number; last: number }, splitFrom = SPLIT_SNAPSHOT_FROM): boolean {
  return ids.last - ids.first >= splitFrom;
}

/**
 * The roster's first and last id (0 and −1 when empty), in two subqueries: SQLite answers a lone min() or max() from
 * the end of the rowid at once, but a query with both scans the whole table (tests/integration/draws/query-plans).
 */
export const rosterIdsQuery = qb.selectNoFrom(({ fn, lit, selectFrom }) => [
  fn
    .coalesce(
      selectFrom('entities').select(({ fn }) => fn.min('id').as('id')),
      lit(0),
    )
    .as('first'),
  fn
    .coalesce(
      selectFrom('entities').select(({ fn }) => fn.max('id').as('id')),
      lit(-1),
    )
    .as('last'),
]);

export function rosterIds(raw: BetterSqlite3.Database): { first: number; last: number } {
  return first(raw, rosterIdsQuery)!;
}

/**
 * Hand-written (temporary tables, outside db/schema.ts): the office and area lookups of the snapshot statement, each
 * name with its index.
 */
const SNAPSHOT_LOOKUPS = {
  create: `CREATE TEMP TABLE IF NOT EXISTS snapshot_offices (name TEXT PRIMARY KEY, i INTEGER) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS snapshot_areas (name TEXT PRIMARY KEY, i INTEGER) WITHOUT ROWID;
    DELETE FROM temp.snapshot_offices; DELETE FROM temp.snapshot_areas`,
  office: 'INSERT INTO temp.snapshot_offices VALUES (?, ?)',
  area: 'INSERT INTO temp.snapshot_areas VALUES (?, ?)',
};

/** count, mapped offices + areas, then SnapshotRow's columns (snapshotStatement). */
type SnapshotColumns = [number, number, string | null, string | null, string | null, string | null, string | null];

/**
 * Hand-written (the measured city-scale snapshot read, readCandidates): one row of every candidate's columns
 * concatenated; the grade as one letter (A–D, U for 未评级), lower case when inspected since `since` (excluded).
 */
function snapshotStatement(conditions: readonly string[], since: string | null): string {
  const grade = since
    ? `CASE WHEN last_inspected_on >= ? THEN lower(${GRADE_LETTER_SQL}) ELSE ${GRADE_LETTER_SQL} END`
    : GRADE_LETTER_SQL;
  return `SELECT count(*), count(o.i) + count(a.i), group_concat(id, ','), group_concat(coalesce(uscc, reg_no), char(${CODE_SEPARATOR.charCodeAt(0)})), group_concat(char(${CHAR_BASE} + o.i), ''),
                group_concat(char(${CHAR_BASE} + a.i), ''), group_concat(${grade}, '')
         FROM entities LEFT JOIN temp.snapshot_offices AS o ON o.name = office LEFT JOIN temp.snapshot_areas AS a ON a.name = area
         WHERE ${[...conditions, 'id BETWEEN ? AND ?'].join(' AND ')}`;
}

/**
 * The snapshot statement over one range of roster ids, on either connection: ONE statement, ONE row (see
 * readCandidates). An office or area missing from `lookups` (the roster changed since they were read) is refused rather
 * than dropped.
 */
export function readSnapshotRange(
  raw: BetterSqlite3.Database,
  request: ScopeRequest,
  lookups: SnapshotLookups,
  range: SnapshotRange,
): SnapshotRead {
  const { conditions, params } = scopeWhere(request.scope);
  const since = recentSince(request.startDate, request.excludeRecentYears);
  return raw.transaction((): SnapshotRead => {
    raw.exec(SNAPSHOT_LOOKUPS.create);
    const addOffice = statementFor(raw, SNAPSHOT_LOOKUPS.office);
    lookups.offices.forEach((name, i) => addOffice.run(name, i));
    const addArea = statementFor(raw, SNAPSHOT_LOOKUPS.area);
    lookups.areas.forEach((name, i) => addArea.run(name, i));
    const snapshot = statementFor(raw, snapshotStatement(conditions, since)).raw(true);
    const row = snapshot.get(...(since ? [since] : []), ...params, range.fromId, range.toId) as SnapshotColumns;
    snapshot.raw(false);
    const [count, mapped, ids, codes, offices, areas, grades] = row;
    if (mapped !== 2 * count) throw rosterChanged();
    const stamp = value(
      raw,
      qb.selectFrom('roster_changes').select(({ fn, lit }) => fn.coalesce(fn.max('id'), lit(0)).as('stamp')),
    )!;
    return { row: [count, ids, codes, offices, areas, grades], stamp };
  })();
}

/**
 * The frozen candidate list of 准备: each id range is ONE statement returning ONE row of concatenated columns (row by row
 * is far slower, docs/performance.md); at city scale another thread reads the upper half meanwhile. The code is the
 * USCC or else the 注册号; the order (by range, then SQLite's scan order) changes the digest, never the draw.
 */
export async function readCandidates(
  raw: BetterSqlite3.Database,
  request: ScopeRequest,
  readElsewhere?: ReadSnapshotElsewhere,
  splitFrom = SPLIT_SNAPSHOT_FROM,
): Promise<CandidateSnapshot> {
  // The lookups and the lower (or only) range in one read transaction; the upper range, when another thread reads
  // it, is asked for from inside that transaction so both reads start together, and must have seen the same roster.
  let upper: Promise<SnapshotRead> | null = null;
  try {
    const { lookups, lower } = raw.transaction(() => {
      const offices = column(raw, qb.selectFrom('entities').select('office').distinct());
      const areas = column(raw, qb.selectFrom('entities').select('area').distinct());
      if (offices.length > MAX_DISTINCT || areas.length > MAX_DISTINCT) {
        throw new AppError(
          'draw.tooManyOffices',
          `名录中的管辖单位或片区超过 ${MAX_DISTINCT} 个，无法抽取。请核对名录。`,
        );
      }
      const ids = rosterIds(raw);
      const read = { offices, areas };
      let lowerEnd = ids.last;
      if (readElsewhere && readsInTwoHalves(ids, splitFrom)) {
        lowerEnd = Math.floor((ids.first + ids.last) / 2);
        upper = readElsewhere(request, read, { fromId: lowerEnd + 1, toId: ids.last });
      }
      return { lookups: read, lower: readSnapshotRange(raw, request, read, { fromId: ids.first, toId: lowerEnd }) };
    })();
    const plan = snapshotPlan(request);
    const parts = [candidatePart(plan, lookups, lower.row)];
    if (!upper) return candidatesOf(request, plan, parts);
    // This half written for C(inputs) while the other thread writes its own (snapshot-reader-worker.ts).
    const lowerRuns = candidateRunsOfRow(plan, lookups, lower.row);
    const other = await (upper as Promise<SnapshotRead>);
    if (other.stamp !== lower.stamp) throw rosterChanged();
    // The objects of the other half, while that thread is still writing its bytes.
    parts.push(candidatePart(plan, lookups, other.row));
    // Bytes the other thread could not write (it stopped after handing the row over) are written here instead.
    const otherRuns = (await other.runs?.catch(() => null)) ?? null;
    return candidatesOf(request, plan, parts, lowerRuns && otherRuns ? [lowerRuns, otherRuns] : undefined);
  } catch (error) {
    // Nothing is left running: the other thread's work is waited for (and its outcome dropped) before the refusal.
    await settleElsewhere(upper);
    throw error;
  }
}

/** Waits until the other thread's read, and the writing after it, are over, whatever their outcome. */
async function settleElsewhere(upper: Promise<SnapshotRead> | null): Promise<void> {
  await upper?.then(
    (read) => read.runs?.catch(() => undefined),
    () => undefined,
  );
}

function rosterChanged(): AppError {
  return new AppError(
    'draw.rosterChanged',
    '读取检查对象时名录正在被修改（导入或编辑），本次准备未保存。请等修改完成后重新准备。',
  );
}
