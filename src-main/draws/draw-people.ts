/**
 * Who a person of a draw is. Inspectors enter the draw as 检查员 + their row number and experts as 专家 + theirs: the
 * proof is published, and 执法证号 and ID-card numbers never are. Draws sealed before inspectors had these ids name
 * them by 执法证号; lookupPeople reads both.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { all, qb } from '../db/sql';
import { jsonList } from './json-list';

/** The draw id of an inspector: 检查员 + the inspectors row number, never the 执法证号. */
export function inspectorDrawId(rowId: number): string {
  return `检查员${String(rowId).padStart(4, '0')}`;
}

/** The draw id of an expert: 专家 + the experts row number, never the ID-card number. */
export function expertDrawId(rowId: number): string {
  return `专家${String(rowId).padStart(4, '0')}`;
}

const INSPECTOR_ID = /^检查员(\d+)$/;
const EXPERT_ID = /^专家(\d+)$/;

/** The row number an id of the given pattern names, or null. */
function rowOf(pattern: RegExp, id: string): number | null {
  const match = pattern.exec(id);
  return match ? Number(match[1]) : null;
}

/**
 * The inspectors row number an inspector's draw id names; null for an expert's id or an older draw's 执法证号. Read
 * by the tests that check a draw's teams against the roster.
 */
export function inspectorRowOf(id: string): number | null {
  return rowOf(INSPECTOR_ID, id);
}

/** A person named in a draw, as the pages and the printed sheets show them. */
export interface DrawPerson {
  name: string;
  office: string;
  isExpert: boolean;
  /** The 执法证号 for the team's own paper; '' for an expert. */
  badgeNo: string;
  phone: string;
  /** One id per person whichever kind of id the draw used (检查员NNNN, 专家NNNN), for counting people across draws. */
  key: string;
}

type InspectorRow = { id: number; badge_no: string; name: string; office: string; phone: string };
type ExpertRow = { id: number; name: string; organisation: string; phone: string };

/**
 * Who each id is, for records drawn earlier (the person may since have changed office or left). Three statements for
 * any number of ids (a city-scale record names thousands of people; a lookup per id was slow: docs/performance.md).
 */
export function lookupPeople(raw: BetterSqlite3.Database, ids: readonly string[]): Map<string, DrawPerson> {
  const unique = [...new Set(ids)];
  const expertIds = unique.flatMap((id) => rowOf(EXPERT_ID, id) ?? []);
  const inspectorIds = unique.flatMap((id) => rowOf(INSPECTOR_ID, id) ?? []);
  const experts = new Map<number, ExpertRow>();
  if (expertIds.length > 0) {
    const query = qb.selectFrom('experts').select(['id', 'name', 'organisation', 'phone']);
    for (const row of all(raw, query.where('id', 'in', jsonList(expertIds)))) experts.set(row.id, row);
  }
  const inspectors = new Map<number, InspectorRow>();
  const byBadge = new Map<string, InspectorRow>();
  const query = qb.selectFrom('inspectors').select(['id', 'badge_no', 'name', 'office', 'phone']);
  if (inspectorIds.length > 0) {
    for (const row of all(raw, query.where('id', 'in', jsonList(inspectorIds)))) inspectors.set(row.id, row);
  }
  const badges = unique.filter(
    (id) => !inspectors.has(rowOf(INSPECTOR_ID, id) ?? 0) && !experts.has(rowOf(EXPERT_ID, id) ?? 0),
  );
  if (badges.length > 0) {
    for (const row of all(raw, query.where('badge_no', 'in', jsonList(badges)))) byBadge.set(row.badge_no, row);
  }
  return new Map(
    unique.map((id) => {
      const expert = experts.get(rowOf(EXPERT_ID, id) ?? 0);
      const inspector = inspectors.get(rowOf(INSPECTOR_ID, id) ?? 0) ?? byBadge.get(id);
      return [id, personOf(id, expert, inspector)];
    }),
  );
}

/** The expert row if the id is an expert's, else the inspector row (by row number, or by 执法证号 in older draws). */
function personOf(id: string, expert: ExpertRow | undefined, inspector: InspectorRow | undefined): DrawPerson {
  if (expert) {
    const office = expert.organisation || '专家库';
    return {
      name: expert.name,
      office,
      isExpert: true,
      badgeNo: '',
      phone: expert.phone,
      key: expertDrawId(expert.id),
    };
  }
  if (inspector) {
    const { name, office, phone } = inspector;
    return { name, office, isExpert: false, badgeNo: inspector.badge_no, phone, key: inspectorDrawId(inspector.id) };
  }
  // Someone no longer in the rosters; in an older draw the id itself was the 执法证号.
  const badgeNo = INSPECTOR_ID.test(id) || EXPERT_ID.test(id) ? '' : id;
  return { name: '（已不在名录中）', office: '', isExpert: false, badgeNo, phone: '', key: id };
}

/** The draw id of each inspector a 执法证号 names (a task's 回避关系 names people by 执法证号). */
export function drawIdsByBadge(raw: BetterSqlite3.Database, badges: readonly string[]): Map<string, string> {
  if (badges.length === 0) return new Map();
  const query = qb.selectFrom('inspectors').select(['id', 'badge_no']).where('badge_no', 'in', jsonList(badges));
  return new Map(all(raw, query).map((row) => [row.badge_no, inspectorDrawId(row.id)]));
}
