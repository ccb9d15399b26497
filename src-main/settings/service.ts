import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain/settings';
import type { Database } from '../db/schema';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';

/** Settings live as one row per key (JSON value); unset keys fall back to DEFAULT_SETTINGS. */
export function createSettingsService(db: Kysely<Database>, ctx: ServiceContext) {
  async function get(): Promise<Settings> {
    const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
    return merged as unknown as Settings;
  }

  async function set(patch: Partial<Settings>): Promise<Settings> {
    const before = await get();
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter(
      (k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0) return before;
    const at = ctx.now();
    await db.transaction().execute(async (trx) => {
      for (const key of changed) {
        const value = JSON.stringify(patch[key]);
        await trx
          .insertInto('settings')
          .values({ key, value, updated_at: at.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() }))
          .execute();
      }
      await appendAudit(
        trx,
        {
          actor: ctx.actor(),
          action: 'settings:set',
          target: 'settings',
          detail: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: patch[k] }])),
        },
        at,
      );
    });
    return get();
  }

  return { get, set };
}
