/**
 * A task's object scope as SQL over the entity roster, and its inspector pool: the live counts of the task page
 * (previewScope) and the frozen snapshot of 准备 (readCandidates, readInspectorPool) come from the same WHERE clause,
 * so what the clerk saw is what is drawn. Plain Node over the raw better-sqlite3 handle (the draw worker calls it
 * with its own connection).
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  encodeCandidateRunsOfColumns,
  type Candidate,
  type CandidateRuns,
  type Inspector,
  type Stratum,
} from '@shared/draw';
import {
  ALL_STRATUM,
  GRADE_KEYS,
  gradeLabel,
  quotaOf,
  type GradeKey,
  type PoolPreview,
  type ScopePreview,
  type StratumPreview,
  type TaskConfig,
  type TaskRatio,
  type TaskScope,
} from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { officeKindOf, type OfficeKind } from '../rosters/offices';
import { entityConditionsSql } from '../db/entity-filter';

/** What the scope needs of a task: its filters, its ratio, and the date the recent-inspection exclusion counts from. */
export interface ScopeRequest {
  scope: TaskScope;
  excludeRecentYears: number;
  ratio: TaskRatio;
  startDate: string;
}

/** `startDate` minus `years` years, plus one day: entities inspected on or after it are "recent". */
export function recentSince(startDate: string, years: number): string | null {
  if (years <= 0) return null;
  const [y, m, d] = startDate.split('-').map(Number);
  // Date.UTC rolls 29 Feb into 1 Mar of a common year, which is the day after 28 Feb: the same cut.
  const since = new Date(Date.UTC(y - years, m - 1, d) + 24 * 3600 * 1000);
  return since.toISOString().slice(0, 10);
}

interface ScopeWhere {
  /** Conditions without the recent-inspection exclusion. */
  conditions: string[];
  params: unknown[];
}

/** The scope as SQL conditions (the shared entity filter, compiled to text for the hand-written snapshot SQL). */
function scopeWhere(scope: TaskScope): ScopeWhere {
  return entityConditionsSql({
    activeOnly: true,
    entityTypes: scope.entityTypes,
    industries: scope.industries,
    areas: scope.areas,
    offices: scope.offices,
    tags: scope.tags,
    grades: scope.grades,
  });
}

/** The strata a task draws, in order: A, B, C, D, 未评级 (those in scope) by grade, or one stratum 全部. */
export function strataOf(request: Pick<ScopeRequest, 'scope' | 'ratio'>): { name: string; grades: GradeKey[] }[] {
  const grades =
    request.scope.grades.length > 0 ? GRADE_KEYS.filter((g) => request.scope.grades.includes(g)) : [...GRADE_KEYS];
  if (request.ratio.mode === 'grades') return grades.map((g) => ({ name: g, grades: [g] }));
  return [{ name: ALL_STRATUM, grades }];
}

/** quota and ratio of one stratum with `candidates` entities; fixed counts are checked by the caller. */
function stratumQuota(ratio: TaskRatio, name: string, candidates: number): { ratioBp: number | null; quota: number } {
  if (ratio.mode === 'grades') {
    const bp = ratio.gradeBp[name as GradeKey];
    return { ratioBp: bp, quota: quotaOf(candidates, bp) };
  }
  if (ratio.mode === 'uniform') return { ratioBp: ratio.bp, quota: quotaOf(candidates, ratio.bp) };
  return { ratioBp: null, quota: Math.min(ratio.count, candidates) };
}

/** Counts per stratum, with what each will draw, and the notices a clerk must see before drawing. */
export function previewScope(raw: BetterSqlite3.Database, request: ScopeRequest): ScopePreview {
  const { conditions, params } = scopeWhere(request.scope);
  const since = recentSince(request.startDate, request.excludeRecentYears);
  // One pass: per grade, everything in scope and how many of those the exclusion takes out.
  const rows = raw
    .prepare(
      `SELECT coalesce(credit_grade, '未评级') AS grade, count(*) AS n, ${since ? 'sum(last_inspected_on >= ?)' : '0'} AS recent
       FROM entities WHERE ${conditions.join(' AND ')} GROUP BY grade`,
    )
    .all(...(since ? [since] : []), ...params) as { grade: GradeKey; n: number; recent: number }[];
  const byGrade = new Map(rows.map((r) => [r.grade, r.n - r.recent]));
  const excludedRecent = rows.reduce((sum, r) => sum + r.recent, 0);

  const notices: string[] = [];
  const strata: StratumPreview[] = strataOf(request).map(({ name, grades }) => {
    const candidates = grades.reduce((sum, g) => sum + (byGrade.get(g) ?? 0), 0);
    const { ratioBp, quota } = stratumQuota(request.ratio, name, candidates);
    if (request.ratio.mode === 'grades' && candidates === 0)
      notices.push(`${gradeLabel(name)}在范围内没有检查对象,本级不抽取。`);
    return { name, candidates, ratioBp, quota };
  });
  const total = strata.reduce((sum, s) => sum + s.candidates, 0);
  if (total === 0) notices.unshift('检查对象范围内没有符合条件的对象(登记状态存续、未被排除),请调整范围。');
  if (request.ratio.mode === 'fixed' && total > 0 && request.ratio.count > total) {
    notices.push(`固定抽取 ${request.ratio.count} 户,但范围内只有 ${total} 户。`);
  }
  return {
    total,
    excludedRecent,
    excludedSince: since,
    strata,
    expected: strata.reduce((sum, s) => sum + s.quota, 0),
    notices,
  };
}

export interface CandidateSnapshot {
  strata: Stratum[];
  /** The roster id of each candidate, stratum by stratum, in candidate order (for 封存's list of drawn entities). */
  entityIds: Int32Array[];
  excludedRecent: number;
  /**
   * At city scale, the candidates already written as C(inputs) writes them, one run per thread that read them (in
   * candidate order), for encodeDrawInputs to copy: each thread writes its half while the other writes its own.
   */
  runs?: CandidateRuns[];
}

/** The distinct offices and areas of the roster: a candidate's office and area travel as an index into these. */
export interface SnapshotLookups {
  offices: string[];
  areas: string[];
}

/** Roster ids [fromId, toId] (inclusive). */
export interface SnapshotRange {
  fromId: number;
  toId: number;
}

/** count, then per column every candidate's value concatenated in scan order (see readCandidates; codes between CODE_SEPARATOR). */
export type SnapshotRow = [
  count: number,
  ids: string | null,
  codes: string | null,
  offices: string | null,
  areas: string | null,
  grades: string | null,
];

/**
 * A range read and the roster's state it saw: the last roster change-log id (every write to the rosters — import,
 * edit, bulk action, demo data, 最近被抽查日期 — logs there), so two reads can be checked to have seen the same roster.
 */
export interface SnapshotRead {
  row: SnapshotRow;
  stamp: number;
  /**
   * The row's candidates written for C(inputs) (candidateRunsOfRow) by the thread that read it: the row is handed over
   * as soon as it is read, and the writing goes on meanwhile (null: the writer did not take them).
   */
  runs?: Promise<CandidateRuns | null>;
}

/**
 * Reads the other half of a city-scale snapshot in another thread (src-main/draws/snapshot-reader.ts), with a
 * connection of its own, while this thread reads the first half.
 */
export type ReadSnapshotElsewhere = (
  request: ScopeRequest,
  lookups: SnapshotLookups,
  range: SnapshotRange,
) => Promise<SnapshotRead>;

/** Below this many roster ids one thread reads the snapshot alone (a second thread costs more than it saves). */
export const SPLIT_SNAPSHOT_FROM = 100_000;

/**
 * The memory map of the connections that read a whole roster (the draw worker, the snapshot reader): pages are read
 * in place rather than copied into the page cache. In A/B runs of bench/ceremony.ts at city scale, together with the
 * draw worker's larger cache, 准备 → 封存 took 4.5–5.4 s against 4.8–5.6 s without.
 */
export const MMAP_BYTES = 1 << 30;

/** Whether a roster with these ids is read by two threads (readCandidates; the draw worker starts the second early). */
export function readsInTwoHalves(ids: { first: number; last: number }, splitFrom = SPLIT_SNAPSHOT_FROM): boolean {
  return ids.last - ids.first >= splitFrom;
}

/** The roster's first and last id (0 and −1 when it is empty). */
export function rosterIds(raw: BetterSqlite3.Database): { first: number; last: number } {
  // Two subqueries: SQLite answers a lone min() or max() from the end of the index at once, but a query with both
  // scans the whole table (measured at 1M entities: 110–370 ms, against 0 ms).
  const [first, last] = raw
    .prepare('SELECT coalesce((SELECT min(id) FROM entities), 0), coalesce((SELECT max(id) FROM entities), -1)')
    .raw(true)
    .get() as [number, number];
  return { first, last };
}

/**
 * The snapshot statement over one range of roster ids, on any connection (the draw worker's, or the snapshot
 * reader's): ONE statement that returns ONE row (see readCandidates). Offices and areas are mapped to their index
 * through two small temporary tables; an office or area missing from `lookups` (the roster changed since they were
 * read) is refused rather than dropped.
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
    raw.exec('CREATE TEMP TABLE IF NOT EXISTS snapshot_offices (name TEXT PRIMARY KEY, i INTEGER) WITHOUT ROWID');
    raw.exec('CREATE TEMP TABLE IF NOT EXISTS snapshot_areas (name TEXT PRIMARY KEY, i INTEGER) WITHOUT ROWID');
    raw.exec('DELETE FROM temp.snapshot_offices; DELETE FROM temp.snapshot_areas');
    const addOffice = raw.prepare('INSERT INTO temp.snapshot_offices VALUES (?, ?)');
    lookups.offices.forEach((name, i) => addOffice.run(name, i));
    const addArea = raw.prepare('INSERT INTO temp.snapshot_areas VALUES (?, ?)');
    lookups.areas.forEach((name, i) => addArea.run(name, i));
    // Grade as one letter (A–D, U for 未评级), lower case when the entity was inspected recently (excluded).
    const [count, mapped, ids, codes, offices, areas, grades] = raw
      .prepare(
        `SELECT count(*), count(o.i) + count(a.i), group_concat(id, ','), group_concat(coalesce(uscc, reg_no), char(${CODE_SEPARATOR.charCodeAt(0)})), group_concat(char(${CHAR_BASE} + o.i), ''),
                group_concat(char(${CHAR_BASE} + a.i), ''), group_concat(${since ? `CASE WHEN last_inspected_on >= ? THEN lower(${GRADE_LETTER_SQL}) ELSE ${GRADE_LETTER_SQL} END` : GRADE_LETTER_SQL}, '')
         FROM entities LEFT JOIN temp.snapshot_offices AS o ON o.name = office LEFT JOIN temp.snapshot_areas AS a ON a.name = area
         WHERE ${[...conditions, 'id BETWEEN ? AND ?'].join(' AND ')}`,
      )
      .raw(true)
      .get(...(since ? [since] : []), ...params, range.fromId, range.toId) as [
      number,
      number,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
    ];
    if (mapped !== 2 * count) throw rosterChanged();
    const stamp = raw.prepare('SELECT coalesce(max(id), 0) FROM roster_changes').pluck().get() as number;
    return { row: [count, ids, codes, offices, areas, grades], stamp };
  })();
}

/**
 * The frozen candidate list of 准备. Each range of roster ids is read by ONE statement that returns ONE row
 * (readSnapshotRange): per column, every candidate's value concatenated in scan order — codes joined by U+001F, and
 * office, area and grade as one character each (an index into the distinct offices and areas). The row-by-row route
 * (`.raw()` rows of strings) spent most of its time making a JS array and four strings per row — measured at 960,000
 * rows: ~4.7–9 s against ~1.2–1.7 s this way on the same (busy) machine. At city scale, given `readElsewhere`, the
 * upper half of the ids is read by another thread at the same time (each entity is read once, by one of the two
 * connections, at the same moment), and each thread then writes its half of the candidates for C(inputs) (`runs`:
 * at city scale encodeDrawInputs took 700–1000 ms writing them all on one thread, 300–540 ms copying the two halves).
 * The candidates share one string object per office and per area. The code is the
 * USCC, or the 注册号 of an old record that has none. Order: by range, then SQLite's scan order, fixed for a given
 * database and plan (the order changes the digest, never the draw).
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
      const offices = raw.prepare('SELECT DISTINCT office FROM entities').pluck().all() as string[];
      const areas = raw.prepare('SELECT DISTINCT area FROM entities').pluck().all() as string[];
      if (offices.length > MAX_DISTINCT || areas.length > MAX_DISTINCT) {
        throw new AppError(
          'draw.tooManyOffices',
          `名录中的管辖单位或片区超过 ${MAX_DISTINCT} 个,无法抽取。请核对名录。`,
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
    '读取检查对象时名录正在被修改(导入或编辑),本次准备未保存。请等修改完成后重新准备。',
  );
}

/** The strata of a request, with each grade letter's stratum (-1: not drawn): an array lookup per row, not a Map's. */
export interface SnapshotPlan {
  strata: { name: string; grades: GradeKey[] }[];
  stratumOfGrade: Int8Array;
}

export function snapshotPlan(request: Pick<ScopeRequest, 'scope' | 'ratio'>): SnapshotPlan {
  const strata = strataOf(request);
  const stratumOfGrade = new Int8Array(128).fill(-1);
  strata.forEach((s, index) =>
    s.grades.forEach((g) => (stratumOfGrade[GRADE_CHAR.charCodeAt(GRADE_KEYS.indexOf(g))] = index)),
  );
  return { strata, stratumOfGrade };
}

/** One snapshot row's candidates, per stratum of the plan, in row order, with their roster ids. */
export interface CandidatePart {
  lists: Candidate[][];
  ids: Int32Array[];
  excludedRecent: number;
}

export function candidatePart(plan: SnapshotPlan, lookups: SnapshotLookups, row: SnapshotRow): CandidatePart {
  const [count, idText, codeText, officeText, areaText, gradeText] = row;
  const lists: Candidate[][] = plan.strata.map(() => []);
  const ids = plan.strata.map(() => new Int32Array(count));
  const idCounts = new Int32Array(plan.strata.length);
  let excludedRecent = 0;
  if (count > 0) {
    const codes = codeText!.split(CODE_SEPARATOR);
    // A code holding the separator would shift every later row onto another entity's code: refused, never drawn.
    if (codes.length !== count) throw codeWithSeparator();
    // The ids are read digit by digit from the comma-separated text: no million short strings to split and convert.
    let at = 0;
    for (let i = 0; i < count; i++) {
      let id = 0;
      for (let digit = idText!.charCodeAt(at); digit >= 0x30; digit = idText!.charCodeAt(++at))
        id = id * 10 + digit - 0x30;
      at++;
      const g = gradeText!.charCodeAt(i);
      if (inspectedRecently(g)) {
        excludedRecent++;
        continue;
      }
      const stratum = plan.stratumOfGrade[g];
      if (stratum < 0) continue; // not reachable: the scope's grade filter is in the WHERE clause
      lists[stratum].push({
        code: codes[i],
        office: lookups.offices[officeText!.charCodeAt(i) - CHAR_BASE],
        area: lookups.areas[areaText!.charCodeAt(i) - CHAR_BASE],
      });
      ids[stratum][idCounts[stratum]++] = id;
    }
  }
  return { lists, ids: ids.map((list, s) => list.subarray(0, idCounts[s])), excludedRecent };
}

/**
 * One snapshot row's candidates written for C(inputs) — the bytes encodeCandidateRuns writes of candidatePart's lists —
 * straight from the row's text (encodeCandidateRunsOfColumns), without their objects; null when that writer would not
 * take them (encodeDrawInputs then writes them itself).
 */
export function candidateRunsOfRow(
  plan: SnapshotPlan,
  lookups: SnapshotLookups,
  row: SnapshotRow,
): CandidateRuns | null {
  const [count, , codes, officeText, areaText, gradeText] = row;
  const stratumOfRow = new Int8Array(count);
  for (let i = 0; i < count; i++) {
    const g = gradeText!.charCodeAt(i);
    stratumOfRow[i] = inspectedRecently(g) ? -1 : plan.stratumOfGrade[g];
  }
  return encodeCandidateRunsOfColumns({
    rows: count,
    strata: plan.strata.length,
    stratumOfRow,
    codes: codes ?? '',
    separator: CODE_SEPARATOR.charCodeAt(0),
    officeText: officeText ?? '',
    areaText: areaText ?? '',
    charBase: CHAR_BASE,
    offices: lookups.offices,
    areas: lookups.areas,
  });
}

/** The strata of the snapshot's parts (rows), in order. */
function candidatesOf(
  request: ScopeRequest,
  plan: SnapshotPlan,
  parts: readonly CandidatePart[],
  runs?: CandidateRuns[],
): CandidateSnapshot {
  const strata = plan.strata.map(({ name }, s): Stratum => {
    const candidates =
      parts.length === 1 ? parts[0].lists[s] : parts[0].lists[s].concat(...parts.slice(1).map((part) => part.lists[s]));
    const { ratioBp, quota } = stratumQuota(request.ratio, name, candidates.length);
    // Key order as the spec prints it; C(inputs) sorts keys anyway.
    return ratioBp === null ? { name, quota, candidates } : { name, ratioBp, quota, candidates };
  });
  const entityIds = plan.strata.map((_, s) => {
    const joined = new Int32Array(parts.reduce((sum, part) => sum + part.ids[s].length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part.ids[s], at);
      at += part.ids[s].length;
    }
    return joined;
  });
  const excludedRecent = parts.reduce((sum, part) => sum + part.excludedRecent, 0);
  return runs ? { strata, entityIds, excludedRecent, runs } : { strata, entityIds, excludedRecent };
}

/**
 * Between the codes of readCandidates' code column: the unit separator (U+001F), which no USCC or 注册号 holds — a
 * comma can be typed into a flagged 注册号. Should one hold it anyway, the count of codes no longer matches the rows
 * and the snapshot is refused (codeWithSeparator).
 */
const CODE_SEPARATOR = '\u001f';

function codeWithSeparator(): AppError {
  return new AppError(
    'draw.badCode',
    '名录中有检查对象的统一社会信用代码或注册号含有控制字符(U+001F),无法抽取。请在检查对象名录中更正该代码后重新准备。',
  );
}

/** Whether a grade letter of the snapshot row is lower case: the entity was inspected recently and is left out. */
function inspectedRecently(gradeChar: number): boolean {
  return gradeChar >= 0x61;
}

/** Letters for A, B, C, D, 未评级 in readCandidates' grade column (in GRADE_KEYS order). */
const GRADE_CHAR = 'ABCDU';
/** credit_grade as its GRADE_CHAR letter in SQL (NULL, 未评级, is the last one). */
const GRADE_LETTER_SQL = `CASE credit_grade ${GRADE_KEYS.slice(0, -1)
  .map((g, i) => `WHEN '${g}' THEN '${GRADE_CHAR[i]}'`)
  .join(' ')} ELSE '${GRADE_CHAR[GRADE_KEYS.length - 1]}' END`;
/** Office and area indexes travel as one BMP character each, from U+0100 on, below the surrogates. */
const CHAR_BASE = 0x100;
const MAX_DISTINCT = 0xd800 - CHAR_BASE;

/** The inspector side of the task (TaskConfig fields plus the joining departments). */
export type PoolRequest = Pick<TaskConfig, 'inspectorScope' | 'includeExperts' | 'expertTags'> & {
  joiningDepartments: string[];
};

export interface InspectorPool {
  inspectors: Inspector[];
  /** How many of them are experts (ids 专家NNNN). */
  experts: number;
  /** id → what the record prints. */
  people: Map<string, { name: string; office: string; isExpert: boolean }>;
}

/** Experts enter the draw as 专家 + their row number: never their ID-card number (published in the proof). */
export function expertDrawId(rowId: number): string {
  return `专家${String(rowId).padStart(4, '0')}`;
}

/** Office kinds from the offices table; offices not registered there get the import's guess from their name. */
function officeKinds(raw: BetterSqlite3.Database): (office: string) => OfficeKind {
  const known = new Map(
    (raw.prepare('SELECT name, kind FROM offices').all() as { name: string; kind: OfficeKind }[]).map((o) => [
      o.name,
      o.kind,
    ]),
  );
  return (office) => known.get(office) ?? officeKindOf(office);
}

/**
 * The pool of 在岗 inspectors the scope allows (004 §六), sorted by 执法证号:
 *   全局 — every office of the bureau (局机关 departments and 市场监管所);
 *   局机关与所 — the chosen 局机关 departments (all when none is chosen) and every 市场监管所;
 *   若干所 / 单一所 — the chosen offices;
 * always with the joining departments of a 联合抽查 (their staff inspect too), and 在库 experts when asked.
 */
export function readInspectorPool(raw: BetterSqlite3.Database, request: PoolRequest): InspectorPool {
  const kindOf = officeKinds(raw);
  const chosen = new Set(request.inspectorScope.offices);
  const joining = new Set(request.joiningDepartments);
  const inScope = (office: string): boolean => {
    if (joining.has(office)) return true;
    const kind = kindOf(office);
    switch (request.inspectorScope.kind) {
      case '全局':
        return kind === '局机关' || kind === '市场监管所';
      case '局机关与所':
        return kind === '市场监管所' || (kind === '局机关' && (chosen.size === 0 || chosen.has(office)));
      case '若干所':
      case '单一所':
        return chosen.has(office);
    }
  };
  const inspectors: Inspector[] = [];
  const people = new Map<string, { name: string; office: string; isExpert: boolean }>();
  const rows = raw
    .prepare("SELECT badge_no, name, office, tags FROM inspectors WHERE status = '在岗' ORDER BY badge_no")
    .all() as {
    badge_no: string;
    name: string;
    office: string;
    tags: string;
  }[];
  for (const row of rows) {
    if (!inScope(row.office)) continue;
    inspectors.push({ id: row.badge_no, office: row.office, tags: JSON.parse(row.tags) as string[] });
    people.set(row.badge_no, { name: row.name, office: row.office, isExpert: false });
  }
  let experts = 0;
  if (request.includeExperts) {
    const wanted = new Set(request.expertTags);
    const expertRows = raw
      .prepare("SELECT id, name, organisation, tags FROM experts WHERE status = '在库' ORDER BY id")
      .all() as {
      id: number;
      name: string;
      organisation: string;
      tags: string;
    }[];
    for (const row of expertRows) {
      const tags = JSON.parse(row.tags) as string[];
      if (wanted.size > 0 && !tags.some((tag) => wanted.has(tag))) continue;
      const id = expertDrawId(row.id);
      // An expert's "office" is the organisation: it never equals an entity's 管辖单位, and distinctOffices keeps
      // two experts of one organisation apart.
      const office = row.organisation || '专家库';
      inspectors.push({ id, office, tags });
      people.set(id, { name: row.name, office, isExpert: true });
      experts++;
    }
  }
  return { inspectors, experts, people };
}

/** Why a pool of `inspectors` people cannot draw teams of `teamSize` (the task page's notice, 准备's refusal). */
export function tooFewInspectors(inspectors: number, teamSize: number): string {
  return `执法人员范围内在岗人员只有 ${inspectors} 人,不足每组 ${teamSize} 人。请扩大执法人员范围或检查人员状态。`;
}

/** The inspector side of the task page's live preview (tasks:scope-preview `pool`). */
export type PoolPreviewRequest = PoolRequest & Pick<TaskConfig, 'teamSize' | 'packageSize' | 'maxPackagesPerInspector'>;

/**
 * Who the inspector scope allows right now — the pool 准备 would read (readInspectorPool) — and whether they can be
 * enough for `expected` drawn entities: each package needs a team of `teamSize`, each person serves at most
 * `maxPackagesPerInspector` packages. Only what is sure is said: too few people for one team, or fewer possible teams
 * than the fewest packages there can be (准备's feasibility check settles the rest).
 */
export function previewPool(
  raw: BetterSqlite3.Database,
  request: PoolPreviewRequest,
  expected: number,
): { pool: PoolPreview; notices: string[] } {
  const { inspectors, experts } = readInspectorPool(raw, request);
  const pool: PoolPreview = {
    inspectors: inspectors.length,
    experts,
    offices: new Set(inspectors.map((inspector) => inspector.office)).size,
    packagesAtLeast: Math.ceil(expected / request.packageSize),
    teamsAtMost: Math.floor((inspectors.length * request.maxPackagesPerInspector) / request.teamSize),
  };
  const notices: string[] = [];
  if (pool.inspectors < request.teamSize) {
    notices.push(tooFewInspectors(pool.inspectors, request.teamSize));
  } else if (pool.packagesAtLeast > pool.teamsAtMost) {
    notices.push(
      `预计至少 ${pool.packagesAtLeast} 个名单包,而范围内 ${pool.inspectors} 名执法人员每人最多参加 ${request.maxPackagesPerInspector} 个检查组、每组 ${request.teamSize} 人,最多只能组成 ${pool.teamsAtMost} 个检查组。请扩大执法人员范围、提高每人最多参加的组数或增加每个名单包的户数。`,
    );
  }
  return { pool, notices };
}

/**
 * Who an inspector id is, for records drawn earlier (the person may since have changed office or left). Two statements
 * for any number of ids (a city-scale record names ~9,000 people: a lookup per id took ~100 ms).
 */
export function lookupPeople(
  raw: BetterSqlite3.Database,
  ids: readonly string[],
): Map<string, { name: string; office: string; isExpert: boolean }> {
  const unique = [...new Set(ids)];
  const expertIds = unique.filter((id) => EXPERT_ID.test(id)).map((id) => Number(id.slice(2)));
  const experts = new Map(
    expertIds.length === 0
      ? []
      : (
          raw
            .prepare('SELECT id, name, organisation FROM experts WHERE id IN (SELECT value FROM json_each(?))')
            .raw(true)
            .all(JSON.stringify(expertIds)) as [number, string, string][]
        ).map(([id, name, organisation]) => [id, { name, organisation }]),
  );
  const inspectors = new Map(
    (
      raw
        .prepare('SELECT badge_no, name, office FROM inspectors WHERE badge_no IN (SELECT value FROM json_each(?))')
        .raw(true)
        .all(JSON.stringify(unique)) as [string, string, string][]
    ).map(([badgeNo, name, office]) => [badgeNo, { name, office }]),
  );
  const out = new Map<string, { name: string; office: string; isExpert: boolean }>();
  for (const id of unique) {
    const expertRow = EXPERT_ID.test(id) ? experts.get(Number(id.slice(2))) : undefined;
    if (expertRow) {
      out.set(id, { name: expertRow.name, office: expertRow.organisation || '专家库', isExpert: true });
      continue;
    }
    const row = inspectors.get(id);
    out.set(
      id,
      row
        ? { name: row.name, office: row.office, isExpert: false }
        : { name: '(已不在名录中)', office: '', isExpert: false },
    );
  }
  return out;
}

/** The draw id of an expert (expertDrawId). */
const EXPERT_ID = /^专家\d+$/;
