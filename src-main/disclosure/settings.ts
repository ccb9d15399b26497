/** The per-field rules and 公示期 months as the bureau sets them in 系统设置; a leaking rule is refused. */
import type BetterSqlite3 from 'better-sqlite3';
import { DISCLOSURE_FIELDS, ruleProblem, type DisclosureSettings } from '@shared/domain/disclosure';
import { AppError } from '@shared/errors';
import { appendAuditRaw } from '../audit/service';
import type { ServiceContext } from '../app/context';
import { qb, run } from '../db/sql';
import { readDisclosureSettings, SETTINGS_KEY } from './rules';

export function saveDisclosureSettings(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  next: DisclosureSettings,
): DisclosureSettings {
  for (const field of DISCLOSURE_FIELDS) {
    const problem = ruleProblem(field, next.rules[field]);
    if (problem) throw new AppError('disclosure.badRule', problem, { field });
  }
  return raw
    .transaction(() => {
      const before = readDisclosureSettings(raw);
      const at = ctx.now();
      const value = JSON.stringify(next);
      run(
        raw,
        qb
          .insertInto('settings')
          .values({ key: SETTINGS_KEY, value, updated_at: at.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() })),
      );
      const changed = DISCLOSURE_FIELDS.filter((f) => before.rules[f] !== next.rules[f]).map(
        (f) => `${f}:${before.rules[f]}→${next.rules[f]}`,
      );
      const detail = { changed, periodMonths: next.periodMonths, correctionMonths: next.correctionMonths };
      appendAuditRaw(raw, { actor: ctx.actor(), action: 'disclosure:save-settings', target: 'settings', detail }, at);
      return readDisclosureSettings(raw);
    })
    .immediate();
}
