/** The import's reads and writes on one roster table, each statement compiled once for the whole file. */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { compiledOnce, P, qb } from '../db/sql';
import type { StoredColumns, TableSpec } from './import-specs';
import { officeKindOf } from './offices';

export type StoredRecord = Record<string, unknown> & { id: number };
export type SubItemRow = { ordinal: number; content: string; basis: string; method: string };

const json = (v: unknown) => JSON.stringify(v);

const CHANGE = {
  at: P,
  actor: P,
  roster: P,
  record_id: P,
  record_key: P,
  action: P,
  source: P,
  batch: P,
  before: P,
  after: P,
};
const placeholders = (columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, P]));

function recordStatements(raw: BetterSqlite3.Database, spec: TableSpec<unknown>) {
  const t = spec.table;
  return {
    /** Per lookup: the stored record with that code. Bind: the code. */
    find: spec.lookups.map((l) => compiledOnce(raw, qb.selectFrom(t).selectAll().where(sql.ref(l.column), '=', P))),
    /** Bind: the columns in spec order, then created_at and updated_at. */
    insert: compiledOnce(
      raw,
      qb.insertInto(t).values({ ...placeholders(spec.columns), name: P, created_at: P, updated_at: P }),
    ),
    /** Bind: the columns in spec order, updated_at, id. */
    update: compiledOnce(
      raw,
      qb
        .updateTable(t)
        .set({ ...placeholders(spec.columns), updated_at: P })
        .where('id', '=', P),
    ),
    /** Bind: at, actor, roster, record_id, record_key, action, source, batch, before, after. */
    change: compiledOnce(raw, qb.insertInto('roster_changes').values(CHANGE)),
    /** Bind: name, kind, created_at. */
    office: compiledOnce(raw, qb.insertInto('offices').orIgnore().values({ name: P, kind: P, created_at: P })),
  };
}

function itemStatements(raw: BetterSqlite3.Database) {
  const subItems = qb.selectFrom('item_sub_items').select(['ordinal', 'content', 'basis', 'method']);
  return {
    /** Bind: the item's id. */
    subItemsOf: compiledOnce(raw, subItems.where('item_id', '=', P).orderBy('ordinal')),
    /** Bind: the item's id. */
    deleteSubItems: compiledOnce(raw, qb.deleteFrom('item_sub_items').where('item_id', '=', P)),
    /** Bind: item_id, ordinal, content, basis, method. */
    insertSubItem: compiledOnce(
      raw,
      qb.insertInto('item_sub_items').values({ item_id: P, ordinal: P, content: P, basis: P, method: P }),
    ),
  };
}

/** The import's statements on one roster, with what the import does with them. */
export class RosterStatements<R> {
  private readonly records: ReturnType<typeof recordStatements>;
  private readonly items: ReturnType<typeof itemStatements> | null;
  private readonly officesSeen = new Set<string>();

  constructor(
    raw: BetterSqlite3.Database,
    readonly spec: TableSpec<R>,
  ) {
    this.records = recordStatements(raw, spec as TableSpec<unknown>);
    this.items = spec.table === 'items' ? itemStatements(raw) : null;
  }

  /** The stored record this one upserts onto, or a conflict when its keys point at two different records. */
  resolve(record: R): {
    existing: StoredRecord | null;
    conflict: { field: string; label: string; otherKey: string } | null;
  } {
    let existing: StoredRecord | null = null;
    for (let i = 0; i < this.spec.lookups.length; i++) {
      const lookup = this.spec.lookups[i];
      const value = lookup.of(record);
      if (value === null) continue;
      const found = this.records.find[i].get(value);
      if (!found) continue;
      if (existing === null) existing = found;
      else if (existing.id !== found.id) {
        return {
          existing,
          conflict: { field: lookup.field, label: lookup.label, otherKey: this.spec.recordKey(found) },
        };
      }
    }
    return { existing, conflict: null };
  }

  storedSubItems(id: number): SubItemRow[] {
    return this.items!.subItemsOf.all(id);
  }

  insertRecord(row: StoredColumns, at: string): number {
    return Number(this.records.insert.run(...this.spec.columns.map((c) => row[c]), at, at).lastInsertRowid);
  }

  updateRecord(id: number, row: StoredColumns, at: string): void {
    this.records.update.run(...this.spec.columns.map((c) => row[c]), at, id);
  }

  logChange(
    change: { at: string; actor: string; id: number; key: string; batch: string | null },
    action: 'insert' | 'update',
    before: unknown,
    after: unknown,
  ): void {
    const { at, actor, id, key, batch } = change;
    const text = (v: unknown) => (v === null ? null : json(v));
    this.records.change.run(at, actor, this.spec.table, id, key, action, 'import', batch, text(before), text(after));
  }

  replaceSubItems(itemId: number, subItems: readonly SubItemRow[]): void {
    this.items!.deleteSubItems.run(itemId);
    for (const s of subItems) this.items!.insertSubItem.run(itemId, s.ordinal, s.content, s.basis, s.method);
  }

  /** An office first named in the file joins the offices list (entities and inspectors only). */
  ensureOffice(name: string, at: string): void {
    if (name === '' || this.officesSeen.has(name)) return;
    this.officesSeen.add(name);
    this.records.office.run(name, officeKindOf(name), at);
  }
}
