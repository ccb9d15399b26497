/**
 * 示例数据: a synthetic, plausible county (or a city, at 1,000,000 entities) for trying the program and for benchmarks,
 * deterministic for a seed. Written in ONE transaction with change-log rows (source 'demo') and an audit row; a
 * database that already holds records is refused, so the demo never mixes with real data.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Compilable } from 'kysely';
import { AppError } from '@shared/errors';
import { prng } from '@shared/domain/prng';
import type { DemoSummary } from '@shared/ipc/channels/demo';
import type { ItemSubItemsTable, OfficesTable, RosterChangesTable } from '../db/schema';
import { first, insertEach, qb } from '../db/sql';
import { DEMO_BUREAU, setDemoBureau } from '../settings/bureau';
import { appendAuditRaw } from '../audit/service';
import { officeKindOf } from '../rosters/offices';
import { ENTITY_SPEC, EXPERT_SPEC, INSPECTOR_SPEC, ITEM_SPEC } from '../rosters/import';
import { BUREAU_DEPARTMENTS, DEMO_ITEMS, OTHER_AGENCIES, STATION_NAMES } from './demo-lists';
import { demoEntity, demoExpert, demoInspector, demoItem, type DemoCounty, type DemoRandom } from './demo-rows';

export interface DemoOptions {
  entities: number;
  seed?: number;
  actor: string;
  now: Date;
  onProgress?: (written: number) => void;
}

export const DEMO_MAX_ENTITIES = 2_000_000;

function isEmpty(raw: BetterSqlite3.Database): boolean {
  return (['entities', 'inspectors', 'experts', 'items'] as const).every(
    (table) =>
      first(
        raw,
        qb
          .selectFrom(table)
          .select(sql<number>`1`.as('one'))
          .limit(1),
      ) === undefined,
  );
}

/** What every writer below shares: the seeded generator, the county, and the change log of this load. */
interface DemoWriter extends DemoRandom {
  raw: BetterSqlite3.Database;
  county: DemoCounty;
  at: string;
  logChange: (roster: RosterChangesTable['roster'], id: number, key: string, after: object) => void;
}

function demoWriter(raw: BetterSqlite3.Database, options: DemoOptions, county: DemoCounty): DemoWriter {
  const random = prng(options.seed ?? 20261123);
  const at = options.now.toISOString();
  const batch = `demo-${at}`;
  const change = insertEach(raw, (row: Omit<RosterChangesTable, 'id'>) => qb.insertInto('roster_changes').values(row));
  return {
    raw,
    county,
    at,
    random,
    pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)],
    logChange: (roster, id, key, after) =>
      change({
        at,
        actor: options.actor,
        roster,
        record_id: id,
        record_key: key,
        action: 'insert',
        source: 'demo',
        batch,
        before: null,
        after: JSON.stringify(after),
      }),
  };
}

function countyOf(n: number): DemoCounty {
  const stationCount = Math.max(5, Math.min(STATION_NAMES.length, Math.round(5 + Math.log10(n) * 2)));
  return {
    stationCount,
    stations: STATION_NAMES.slice(0, stationCount).map((s) => `${s}市场监管所`),
    areas: STATION_NAMES.slice(0, stationCount).flatMap((s) => [`${s}片区`, `${s}第二片区`]),
  };
}

function writeOffices(w: DemoWriter): number {
  const names = [...w.county.stations, ...BUREAU_DEPARTMENTS, ...OTHER_AGENCIES];
  const office = insertEach(w.raw, (row: Omit<OfficesTable, 'id'>) => qb.insertInto('offices').values(row));
  for (const name of names) {
    const kind = BUREAU_DEPARTMENTS.includes(name) ? '局机关' : officeKindOf(name);
    const id = office({ name, kind, created_at: w.at });
    w.logChange('offices', id, `office:${name}`, { name });
  }
  return names.length;
}

/**
 * `count` records of one roster, the i-th (from 1) being `rowOf(i)` stamped with the load's time, each with its
 * change-log row; `insert` builds the typed insert, compiled once.
 */
function writeRoster<Row extends Record<string, unknown>>(
  w: DemoWriter,
  spec: { table: RosterChangesTable['roster']; recordKey(row: Record<string, unknown>): string },
  count: number,
  rowOf: (i: number) => Row,
  insert: (row: Row & { created_at: string; updated_at: string }) => Compilable<unknown>,
  onProgress?: (written: number) => void,
): void {
  const add = insertEach(w.raw, insert);
  for (let i = 1; i <= count; i++) {
    const row = rowOf(i);
    const id = add({ ...row, created_at: w.at, updated_at: w.at });
    w.logChange(spec.table, id, spec.recordKey(row), row);
    if (i % 1000 === 0) onProgress?.(i);
  }
}

/** The county's rosters: its entities (reporting progress), inspectors and experts. */
function writeRosters(w: DemoWriter, summary: DemoSummary, onProgress?: (written: number) => void): void {
  const entity = (i: number) => demoEntity(w, w.county, i);
  writeRoster(w, ENTITY_SPEC, summary.entities, entity, (row) => qb.insertInto('entities').values(row), onProgress);
  const inspector = (i: number) => demoInspector(w, w.county, i);
  writeRoster(w, INSPECTOR_SPEC, summary.inspectors, inspector, (row) => qb.insertInto('inspectors').values(row));
  const expert = (i: number) => demoExpert(w, i);
  writeRoster(w, EXPERT_SPEC, summary.experts, expert, (row) => qb.insertInto('experts').values(row));
}

/** The item list with its check sub-items; returns how many sub-items were written. */
function writeItems(w: DemoWriter): number {
  type Row = ReturnType<typeof demoItem> & { created_at: string; updated_at: string };
  const item = insertEach(w.raw, (row: Row) => qb.insertInto('items').values(row));
  const subItem = insertEach(w.raw, (row: Omit<ItemSubItemsTable, 'id'>) =>
    qb.insertInto('item_sub_items').values(row),
  );
  let subItems = 0;
  DEMO_ITEMS.forEach((d, index) => {
    const row = demoItem(d, index);
    const id = item({ ...row, created_at: w.at, updated_at: w.at });
    const subs = d.subItems.map(([content, basis], k) => ({ ordinal: k + 1, content, basis, method: d.method }));
    for (const s of subs) subItem({ item_id: id, ...s });
    w.logChange('items', id, ITEM_SPEC.recordKey(row), { ...row, sub_items: subs });
    subItems += subs.length;
  });
  return subItems;
}

export function loadDemoData(raw: BetterSqlite3.Database, options: DemoOptions): DemoSummary {
  const n = options.entities;
  if (!Number.isInteger(n) || n < 1 || n > DEMO_MAX_ENTITIES) {
    throw new AppError('demo.badSize', `示例检查对象数量须为 1 至 ${DEMO_MAX_ENTITIES} 之间的整数。`);
  }
  if (!isEmpty(raw)) {
    throw new AppError(
      'demo.notEmpty',
      '数据库中已有名录或事项清单数据，示例数据只能加载到空数据库。请在首页「程序与数据库」中新建一个数据库后再加载。',
    );
  }
  const w = demoWriter(raw, options, countyOf(n));
  const summary: DemoSummary = {
    offices: 0,
    entities: n,
    inspectors: Math.max(40, Math.min(30000, Math.round(n / 100))),
    experts: Math.max(20, Math.min(2000, Math.round(n / 1000))),
    items: DEMO_ITEMS.length,
    subItems: 0,
  };
  raw
    .transaction(() => {
      summary.offices = writeOffices(w);
      writeRosters(w, summary, options.onProgress);
      summary.subItems = writeItems(w);
      const batch = `demo-${w.at}`;
      const bureau = setDemoBureau(raw, w.at) ? DEMO_BUREAU : null;
      appendAuditRaw(
        raw,
        { actor: options.actor, action: 'demo:load', target: 'rosters', detail: { batch, ...summary, bureau } },
        options.now,
      );
    })
    .immediate();
  return summary;
}
