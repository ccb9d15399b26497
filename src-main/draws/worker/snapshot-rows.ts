/**
 * The snapshot row of 准备 (snapshot-read.ts) turned into candidates: per column, every candidate's value concatenated
 * in scan order — codes between U+001F; office, area and grade letter one character each.
 */
import { encodeCandidateRunsOfColumns, type Candidate, type CandidateRuns, type Stratum } from '@shared/draw';
import { GRADE_KEYS, type GradeKey } from '@shared/domain/tasks';
import { AppError } from '@shared/errors';
import { strataOf, stratumQuota, type ScopeRequest } from '../scope';

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
export function candidatesOf(
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
export const CODE_SEPARATOR = '\u001f';

function codeWithSeparator(): AppError {
  return new AppError(
    'draw.badCode',
    '名录中有检查对象的统一社会信用代码或注册号含有控制字符（U+001F），无法抽取。请在检查对象名录中更正该代码后重新准备。',
  );
}

/** Whether a grade letter of the snapshot row is lower case: the entity was inspected recently and is left out. */
function inspectedRecently(gradeChar: number): boolean {
  return gradeChar >= 0x61;
}

/** Letters for A, B, C, D, 未评级 in readCandidates' grade column (in GRADE_KEYS order). */
const GRADE_CHAR = 'ABCDU';
/** credit_grade as its GRADE_CHAR letter in SQL (NULL, 未评级, is the last one). */
export const GRADE_LETTER_SQL = `CASE credit_grade ${GRADE_KEYS.slice(0, -1)
  .map((g, i) => `WHEN '${g}' THEN '${GRADE_CHAR[i]}'`)
  .join(' ')} ELSE '${GRADE_CHAR[GRADE_KEYS.length - 1]}' END`;
/** Office and area indexes travel as one BMP character each, from U+0100 on, below the surrogates. */
export const CHAR_BASE = 0x100;
export const MAX_DISTINCT = 0xd800 - CHAR_BASE;
