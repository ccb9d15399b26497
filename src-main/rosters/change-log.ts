/** The roster change log: every change to a record of 一单两库, the items and the offices, by whom and when. */
import type { Insertable, Transaction } from 'kysely';
import type { ServiceContext } from '../app/context';
import type { Database, RosterChangesTable } from '../db/schema';

type Change = Omit<Insertable<RosterChangesTable>, 'id' | 'actor' | 'source' | 'batch'> & { batch?: string };

/**
 * One change's row: a hand edit (source `edit`), or one of a bulk action's batch (source `bulk`); `before` and `after`
 * as stored JSON, or null.
 */
export async function logRosterChange(trx: Transaction<Database>, ctx: ServiceContext, change: Change): Promise<void> {
  const { batch, ...row } = change;
  await trx
    .insertInto('roster_changes')
    .values({ ...row, actor: ctx.actor(), source: batch ? 'bulk' : 'edit', batch: batch ?? null })
    .execute();
}

/** A stored value as the change log keeps it. */
export const changeJson = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
