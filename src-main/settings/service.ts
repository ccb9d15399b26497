import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type Settings, type SettingsView } from '@shared/domain/settings';
import type { Database } from '../db/schema';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { renameBureauInDrafts } from '../plans/bureau-rename';
import { BUREAU_KEYS } from './bureau';
import { createOfficeService } from './offices';
import { gettingStarted } from './getting-started';

const isBureauKey = (key: string) => (BUREAU_KEYS as readonly string[]).includes(key);

/** Settings live as one row per key (JSON value); unset keys fall back to DEFAULT_SETTINGS. */
export function createSettingsService(db: Kysely<Database>, ctx: ServiceContext) {
  async function get(): Promise<SettingsView> {
    const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
    const bureauSet = BUREAU_KEYS.every((key) => key in stored);
    return { ...(merged as unknown as Settings), bureauSet };
  }

  /** Writes the changed keys (a bureau key also while not yet entered, even if it equals the placeholder). */
  async function set(patch: Partial<Settings>): Promise<SettingsView> {
    const before = await get();
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter(
      (k) => JSON.stringify(patch[k]) !== JSON.stringify(before[k]) || (!before.bureauSet && isBureauKey(k)),
    );
    if (changed.length === 0) return before;
    const at = ctx.now();
    const after = { ...before, ...patch };
    await db.transaction().execute(async (trx) => {
      for (const key of changed) {
        const value = JSON.stringify(patch[key]);
        await trx
          .insertInto('settings')
          .values({ key, value, updated_at: at.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() }))
          .execute();
      }
      const renamed =
        after.bureauName !== before.bureauName || after.bureauShortName !== before.bureauShortName
          ? await renameBureauInDrafts(trx, before, after, at.toISOString())
          : [];
      const detail = Object.fromEntries(changed.map((k) => [k, { from: before[k], to: patch[k] }]));
      await appendAudit(
        trx,
        {
          actor: ctx.actor(),
          action: 'settings:set',
          target: 'settings',
          detail: renamed.length > 0 ? { ...detail, draftTasks: renamed } : detail,
        },
        at,
      );
    });
    return get();
  }

  return { get, set, ...createOfficeService(db, ctx), gettingStarted: () => gettingStarted(db) };
}
